package dev.contentcreator.ratelimit;

import dev.contentcreator.core.ports.RateLimiter.Bucket;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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
    return decision(limit, probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
        probe.getNanosToWaitForReset());
  }

  /**
   * The decision on a bucket that had a token ({@code allowed}) or not, holds {@code remaining}
   * whole tokens now, and gets its next token in {@code nanosToRefill} and is full again in
   * {@code nanosToReset}.
   */
  public static Decision decision(Limit limit, boolean allowed, long remaining, long nanosToRefill,
      long nanosToReset) {
    Duration resetAfter = roundUpToMillis(nanosToReset);
    if (allowed) {
      return new Decision(true, limit.capacity(), remaining, Duration.ZERO, resetAfter);
    }
    Duration retryAfter = roundUpToMillis(nanosToRefill);
    if (retryAfter.isZero()) {
      retryAfter = Duration.ofMillis(1);
    }
    return new Decision(false, limit.capacity(), Math.max(0, remaining), retryAfter, resetAfter);
  }

  /**
   * All or none of {@code buckets}' tokens, for buckets held in this process: {@code take} takes a
   * token from one bucket if it has one, and when any bucket refused, {@code giveBack} returns the
   * tokens the others gave. Between the two another caller may find one token fewer, never more, so
   * no limit is passed. The decision of a bucket whose token was given back says what it holds again.
   */
  public static List<Decision> takeAll(List<Bucket> buckets, Function<Bucket, ConsumptionProbe> take,
      Consumer<Bucket> giveBack) {
    List<ConsumptionProbe> probes = new ArrayList<>(buckets.size());
    boolean all = true;
    for (Bucket b : buckets) {
      ConsumptionProbe p = take.apply(b);
      probes.add(p);
      all &= p.isConsumed();
    }
    List<Decision> decisions = new ArrayList<>(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      ConsumptionProbe p = probes.get(i);
      if (p.isConsumed() && !all) {
        giveBack.accept(b);
        long oneToken = b.limit().period().toNanos() / b.limit().capacity();
        decisions.add(decision(b.limit(), true, p.getRemainingTokens() + 1, 0,
            Math.max(0, p.getNanosToWaitForReset() - oneToken)));
      } else {
        decisions.add(decision(b.limit(), p));
      }
    }
    return decisions;
  }

  static Duration roundUpToMillis(long nanos) {
    if (nanos <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(nanos / NANOS_PER_MILLI + (nanos % NANOS_PER_MILLI == 0 ? 0 : 1));
  }
}
