package dev.contentcreator.core.ports;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The rate-limit port: one token bucket per key. Adapters: in memory on one machine, Redis when
 * more than one instance shares the limits. Each call takes one token if there is one.
 */
public interface RateLimiter {

  Decision tryAcquire(String key, Limit limit);

  /**
   * Takes one token from every bucket if each has one, and none otherwise: a refused request costs
   * no bucket anything. The decisions come in the order of {@code buckets}; each says whether its
   * own bucket had a token and what it holds now, and the call took the tokens only if every one
   * is {@link Decision#allowed()}. The adapters answer in one step (Redis: one round trip, one
   * script). This default, for test doubles, asks bucket by bucket, so each bucket that has a token
   * gives it even when another refuses; every adapter overrides it (the contract suite checks).
   */
  default List<Decision> tryAcquireAll(List<Bucket> buckets) {
    return buckets.stream().map(b -> tryAcquire(b.key(), b.limit())).toList();
  }

  /**
   * Makes ready, off a request's path, what the first call would otherwise make on it: a shared
   * store's connection and script. A new function instance calls it at launch (WARM_START). Adapters
   * with nothing to prepare do nothing; a failure is thrown, for the caller to log, and the first
   * call then tries again itself.
   */
  default void warmUp() {}

  /** Whether every decision of a {@link #tryAcquireAll} call allowed it, so its tokens were taken. */
  static boolean allAllowed(List<Decision> decisions) {
    return decisions.stream().allMatch(Decision::allowed);
  }

  /** One bucket of a {@link #tryAcquireAll} call: the key's bucket under the limit. */
  record Bucket(String key, Limit limit) {
    public Bucket {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(limit, "limit");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("key must not be empty");
      }
    }
  }

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
