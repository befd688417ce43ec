package dev.contentcreator.embedded.ratelimit;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.ratelimit.BucketMap;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rate limits of one process: a {@link BucketMap} of Bucket4j local buckets, one per key and
 * {@link Limit}.
 *
 * <p>Memory stays bounded: a full bucket is the same as no bucket, so full buckets are dropped
 * once per sweep interval, and earlier when the map has doubled since the last sweep. The map
 * therefore holds about the keys used within the last period of their limit. The clock is a
 * Bucket4j {@link TimeMeter}, so tests move time by hand. Thread-safe.
 */
public final class InMemoryRateLimiter implements RateLimiter {
  static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
  private static final int MIN_SWEEP_SIZE = 1024;

  private final TimeMeter timeMeter;
  private final long sweepIntervalNanos;
  private final BucketMap buckets;
  private final ReentrantLock sweepLock = new ReentrantLock();
  private final AtomicLong nextSweepNanos;
  private volatile int sweepAtSize = MIN_SWEEP_SIZE;

  private InMemoryRateLimiter(Builder builder) {
    this.timeMeter = builder.timeMeter;
    this.buckets = new BucketMap(timeMeter);
    this.sweepIntervalNanos = builder.sweepInterval.toNanos();
    this.nextSweepNanos = new AtomicLong(timeMeter.currentTimeNanos() + sweepIntervalNanos);
  }

  /** A limiter on the system's monotonic clock that sweeps full buckets every minute. */
  public static InMemoryRateLimiter create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Decision tryAcquire(String key, Limit limit) {
    sweepIfDue();
    return buckets.tryAcquire(key, limit);
  }

  @Override
  public List<Decision> tryAcquireAll(List<Bucket> wanted) {
    sweepIfDue();
    return buckets.tryAcquireAll(wanted);
  }

  /** How many buckets are held now. */
  int size() {
    return buckets.size();
  }

  private void sweepIfDue() {
    long now = timeMeter.currentTimeNanos();
    if (now - nextSweepNanos.get() < 0 && buckets.size() < sweepAtSize) {
      return;
    }
    if (!sweepLock.tryLock()) {
      return; // another thread is sweeping
    }
    try {
      buckets.dropFull();
      nextSweepNanos.set(timeMeter.currentTimeNanos() + sweepIntervalNanos);
      sweepAtSize = Math.max(MIN_SWEEP_SIZE, 2 * buckets.size());
    } finally {
      sweepLock.unlock();
    }
  }

  /** Settings of an {@link InMemoryRateLimiter}. */
  public static final class Builder {
    private TimeMeter timeMeter = TimeMeter.SYSTEM_NANOTIME;
    private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;

    private Builder() {}

    /** The clock of the buckets; the system's monotonic nanosecond clock by default. */
    public Builder timeMeter(TimeMeter timeMeter) {
      this.timeMeter = Objects.requireNonNull(timeMeter, "timeMeter");
      return this;
    }

    /** How often full buckets are dropped; one minute by default. */
    public Builder sweepInterval(Duration sweepInterval) {
      Objects.requireNonNull(sweepInterval, "sweepInterval");
      if (sweepInterval.isNegative() || sweepInterval.isZero()) {
        throw new IllegalArgumentException("sweepInterval must be positive, got: " + sweepInterval);
      }
      this.sweepInterval = sweepInterval;
      return this;
    }

    public InMemoryRateLimiter build() {
      return new InMemoryRateLimiter(this);
    }
  }
}
