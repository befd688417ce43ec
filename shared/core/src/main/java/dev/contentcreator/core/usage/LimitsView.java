package dev.contentcreator.core.usage;

/** The monthly limits and prices as the API shows them ({@code Limits} in docs/openapi.yaml). */
public record LimitsView(long tokensPerMonth, long imagesPerMonth, long videoSecondsPerMonth,
    double inputTokenMicros, double outputTokenMicros, long imageMicros, long videoSecondMicros) {

  static LimitsView of(Limits l) {
    return new LimitsView(l.tokensPerMonth(), l.imagesPerMonth(), l.videoSecondsPerMonth(), l.inputTokenMicros(),
        l.outputTokenMicros(), l.imageMicros(), l.videoSecondMicros());
  }
}
