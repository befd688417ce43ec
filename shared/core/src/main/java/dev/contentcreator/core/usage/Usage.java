package dev.contentcreator.core.usage;

import dev.contentcreator.core.domain.Reservation;

/**
 * What was used in one period: tokens, images, seconds of video, items, and the estimated cost;
 * and beside it what is reserved for jobs accepted but not yet ended ({@code reserved*}): the worst
 * case of their unfinished items, which counts against the limits like use does; the cost of that
 * worst case ({@code reservedCostMicros}) counts against budgets like the cost of use does.
 */
public record Usage(String period, long inputTokens, long outputTokens, long images, double videoSeconds,
    long items, long costMicros, long reservedTokens, long reservedImages, double reservedVideoSeconds,
    long reservedCostMicros) {

  public static Usage empty(String period) {
    return new Usage(period, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }

  Usage plus(long in, long out, long img, double video, long cost) {
    return new Usage(period, inputTokens + in, outputTokens + out, images + img, videoSeconds + video, items + 1,
        costMicros + cost, reservedTokens, reservedImages, reservedVideoSeconds, reservedCostMicros);
  }

  /** This and {@code o} together: the month of two of its counter documents. */
  Usage add(Usage o) {
    return new Usage(period, inputTokens + o.inputTokens, outputTokens + o.outputTokens, images + o.images,
        videoSeconds + o.videoSeconds, items + o.items, costMicros + o.costMicros, reservedTokens + o.reservedTokens,
        reservedImages + o.reservedImages, reservedVideoSeconds + o.reservedVideoSeconds,
        reservedCostMicros + o.reservedCostMicros);
  }

  /**
   * With {@code r} more reserved (or, negated, given back). A counter document gives back what the
   * month's held document reserved, so its own reservations go below zero; only the month's sum of
   * them is what is held.
   */
  Usage reserving(Reservation r, int sign) {
    return new Usage(period, inputTokens, outputTokens, images, videoSeconds, items, costMicros,
        reservedTokens + sign * r.tokens(), reservedImages + sign * r.images(),
        reservedVideoSeconds + sign * r.videoSeconds(), reservedCostMicros + sign * r.costMicros());
  }
}
