package dev.contentcreator.core.usage;

/** What was used in one period: tokens, images, seconds of video, items, and the estimated cost. */
public record Usage(String period, long inputTokens, long outputTokens, long images, double videoSeconds,
    long items, long costMicros) {

  public static Usage empty(String period) {
    return new Usage(period, 0, 0, 0, 0, 0, 0);
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }

  Usage plus(long in, long out, long img, double video, long cost) {
    return new Usage(period, inputTokens + in, outputTokens + out, images + img, videoSeconds + video, items + 1,
        costMicros + cost);
  }
}
