package dev.contentcreator.core.domain;

import java.util.Map;

/**
 * The worst case of one item, held against the monthly limits of the person charged from the
 * moment its job is accepted until the item ends: then it is replaced by what the item used
 * (completed) or given back (failed, cancelled). {@code period} is the month it was taken from, so
 * an item that ends in the next month gives back to the month that holds it.
 *
 * <p>Text: the prompt's characters (the item's and the system prompt's) divided by four, rounded
 * up, plus the most output tokens the request allows ({@code options.maxTokens}, else the
 * {@code GENERATION_MAX_OUTPUT_TOKENS} setting, which the runner then sends as the provider's cap).
 * Four characters per token is the usual rough figure for English; a prompt in another script may
 * use more, and the item is charged what it really used.
 * Image: one image. Video: the requested duration (5 s unless {@code options.duration} says).
 * {@code costMicros}: that worst case at the model's prices (see {@code PriceTable}), held against
 * the project's monthly budget and the member's cap the same way.
 */
public record Reservation(String period, long tokens, long images, double videoSeconds, Integer shard,
    long costMicros) {
  public static final Reservation NONE = new Reservation(null, 0, 0, 0);

  /**
   * {@code shard}: which of the month's counter documents holds it (see {@code UsageService}); null
   * for one not yet held, and for one held before the counters were spread, which is in the first.
   */
  public Reservation(String period, long tokens, long images, double videoSeconds) {
    this(period, tokens, images, videoSeconds, null, 0);
  }

  /** Without a cost: one held before budgets existed, or priced later with {@link #priced}. */
  public Reservation(String period, long tokens, long images, double videoSeconds, Integer shard) {
    this(period, tokens, images, videoSeconds, shard, 0);
  }

  /** The same amounts, costing {@code micros} at the model's prices. */
  public Reservation priced(long micros) {
    return new Reservation(period, tokens, images, videoSeconds, shard, micros);
  }

  /** The worst case of one item of this kind, prompt and options, not yet tied to a month. */
  public static Reservation estimate(ContentKind kind, String prompt, String systemPrompt, Map<String, String> options,
      long defaultMaxOutputTokens) {
    return switch (kind) {
      case TEXT -> {
        long chars = (long) (prompt == null ? 0 : prompt.length()) + (systemPrompt == null ? 0 : systemPrompt.length());
        long maxOut = options.containsKey("maxTokens") ? Long.parseLong(options.get("maxTokens"))
            : defaultMaxOutputTokens;
        yield new Reservation(null, (chars + 3) / 4 + maxOut, 0, 0);
      }
      case IMAGE -> new Reservation(null, 0, 1, 0);
      case VIDEO -> new Reservation(null, 0, 0, Double.parseDouble(options.getOrDefault("duration", "5")));
    };
  }

  public Reservation in(String month) {
    return new Reservation(month, tokens, images, videoSeconds, shard, costMicros);
  }

  /** The same amounts, held in counter document {@code k} of its month. */
  public Reservation inShard(int k) {
    return new Reservation(period, tokens, images, videoSeconds, k, costMicros);
  }

  /** The counter document of its month that holds it: the first for one held before they were spread. */
  public int shardOrFirst() {
    return shard == null ? 0 : shard;
  }

  public Reservation plus(Reservation other) {
    return new Reservation(period, tokens + other.tokens, images + other.images, videoSeconds + other.videoSeconds,
        shard, costMicros + other.costMicros);
  }

  public boolean isEmpty() {
    return tokens == 0 && images == 0 && videoSeconds == 0 && costMicros == 0;
  }
}
