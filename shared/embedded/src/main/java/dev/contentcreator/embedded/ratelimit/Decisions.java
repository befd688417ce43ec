package dev.contentcreator.embedded.ratelimit;

import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Turns a Bucket4j probe into the port's decision, waits rounded up to whole milliseconds. */
final class Decisions {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private Decisions() {}

  static Decision of(Limit limit, ConsumptionProbe probe) {
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
