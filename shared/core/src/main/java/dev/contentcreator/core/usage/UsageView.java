package dev.contentcreator.core.usage;

/** One month's use and reservations as the API shows them ({@code Usage} in docs/openapi.yaml). */
public record UsageView(String period, long inputTokens, long outputTokens, long images, double videoSeconds,
    long items, long costMicros, long reservedTokens, long reservedImages, double reservedVideoSeconds,
    long reservedCostMicros) {

  static UsageView of(Usage u) {
    return new UsageView(u.period(), u.inputTokens(), u.outputTokens(), u.images(), u.videoSeconds(), u.items(),
        u.costMicros(), u.reservedTokens(), u.reservedImages(), u.reservedVideoSeconds(),
        u.reservedCostMicros());
  }
}
