package dev.contentcreator.ai.guard.internal;

import java.time.Duration;

/**
 * The wait before a retry: exponential from {@code min}, doubled per failed attempt, moved at random
 * by up to {@code jitter} of itself either way, raised to at least the provider's Retry-After (which
 * jitter only lengthens, so callers do not all come back at the same instant), and capped by {@code max}.
 */
final class Backoff {
  private final long minNanos;
  private final long maxNanos;
  private final double jitter;

  Backoff(Duration min, Duration max, double jitter) {
    this.minNanos = min.toNanos();
    this.maxNanos = max.toNanos();
    this.jitter = jitter;
  }

  /**
   * The delay after {@code failedAttempts} failures (1 after the first), given the provider's
   * {@code retryAfter} (may be null) and a {@code random} value in [0, 1).
   */
  Duration delay(int failedAttempts, Duration retryAfter, double random) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
    }
    if (!(random >= 0 && random < 1)) {
      throw new IllegalArgumentException("random must lie in [0, 1), got " + random);
    }
    double base = minNanos;
    for (int i = 1; i < failedAttempts && base < maxNanos; i++) {
      base *= 2;
    }
    base = Math.min(base, maxNanos);
    double delay = base * (1 - jitter + 2 * jitter * random);
    if (retryAfter != null && !retryAfter.isNegative()) {
      double floor = retryAfter.toNanos() * (1 + jitter * random);
      delay = Math.max(delay, floor);
    }
    return Duration.ofNanos((long) Math.min(delay, maxNanos));
  }
}
