package dev.contentcreator.core.ports;

import java.time.Duration;
import java.util.Objects;

/**
 * The rate-limit port: one token bucket per key. Adapters: in memory on one machine, Redis when
 * more than one instance shares the limits. Each call takes one token if there is one.
 */
public interface RateLimiter {

  Decision tryAcquire(String key, Limit limit);

  /** A bucket of {@code capacity} tokens that refills completely, smoothly, over {@code period}. */
  record Limit(long capacity, Duration period) {
    public Limit {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, got: " + capacity);
      }
      Objects.requireNonNull(period, "period");
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("period must be positive, got: " + period);
      }
    }
  }

  /**
   * The answer: whether the token was taken, what is left, how long until the next token when
   * refused ({@link Duration#ZERO} when allowed), and how long until the bucket is full again.
   */
  record Decision(boolean allowed, long limit, long remaining, Duration retryAfter, Duration resetAfter) {}
}
