package dev.contentcreator.ratelimit;

import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * The rate-limit port's bucket in Bucket4j's terms, one definition for every adapter: a limit is
 * one bandwidth refilled greedily, and a probe becomes the port's decision with waits rounded up
 * to whole milliseconds (a refusal never says "retry after 0").
 */
public final class TokenBuckets {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private TokenBuckets() {}

  /** {@code capacity} tokens, refilled smoothly so the bucket is full again after {@code period}. */
  public static Bandwidth bandwidth(Limit limit) {
    return Bandwidth.builder()
        .capacity(limit.capacity())
        .refillGreedy(limit.capacity(), limit.period())
        .build();
  }

  public static Decision decision(Limit limit, ConsumptionProbe probe) {
    Duration resetAfter = roundUpToMillis(probe.getNanosToWaitForReset());
    if (probe.isConsumed()) {
      return new Decision(true, limit.capacity(), probe.getRemainingTokens(), Duration.ZERO, resetAfter);
    }
    Duration retryAfter = roundUpToMillis(probe.getNanosToWaitForRefill());
    if (retryAfter.isZero()) {
      retryAfter = Duration.ofMillis(1);
    }
    return new Decision(false, limit.capacity(), Math.max(0, probe.getRemainingTokens()), retryAfter, resetAfter);
  }

  static Duration roundUpToMillis(long nanos) {
    if (nanos <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(nanos / NANOS_PER_MILLI + (nanos % NANOS_PER_MILLI == 0 ? 0 : 1));
  }
}
