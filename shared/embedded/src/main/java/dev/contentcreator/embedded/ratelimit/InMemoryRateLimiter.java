package dev.contentcreator.embedded.ratelimit;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.ratelimit.TokenBuckets;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rate limits of one process: a Bucket4j local bucket per key and limit, held in a map.
 *
 * <p>A bucket is named by its key and its {@link Limit}: calling one key with another limit uses
 * another bucket. Every read and write of a bucket happens inside the map's per-entry lock, so
 * a bucket cannot be evicted while a call takes a token from it.
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
  private final ConcurrentHashMap<BucketId, LocalBucket> buckets = new ConcurrentHashMap<>();
  private final ReentrantLock sweepLock = new ReentrantLock();
  private final AtomicLong nextSweepNanos;
  private volatile int sweepAtSize = MIN_SWEEP_SIZE;

  private InMemoryRateLimiter(Builder builder) {
    this.timeMeter = builder.timeMeter;
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
    Bucket wanted = new Bucket(key, limit);
    sweepIfDue();
    return TokenBuckets.decision(limit, take(wanted));
  }

  @Override
  public List<Decision> tryAcquireAll(List<Bucket> wanted) {
    sweepIfDue();
    return TokenBuckets.takeAll(wanted, this::take,
        b -> buckets.computeIfPresent(new BucketId(b.key(), b.limit()), (id, bucket) -> {
          bucket.addTokens(1);
          return bucket;
        }));
  }

  private ConsumptionProbe take(Bucket wanted) {
    ConsumptionProbe[] probe = new ConsumptionProbe[1];
    buckets.compute(new BucketId(wanted.key(), wanted.limit()), (id, bucket) -> {
      LocalBucket b = bucket != null ? bucket : newBucket(wanted.limit());
      probe[0] = b.tryConsumeAndReturnRemaining(1);
      return b;
    });
    return probe[0];
  }

  /** How many buckets are held now. */
  int size() {
    return buckets.size();
  }

  private LocalBucket newBucket(Limit limit) {
    // The map's entry lock already serialises every use of a bucket.
    return io.github.bucket4j.Bucket.builder()
        .addLimit(TokenBuckets.bandwidth(limit))
        .withCustomTimePrecision(timeMeter)
        .withSynchronizationStrategy(SynchronizationStrategy.NONE)
        .build();
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
      for (BucketId id : buckets.keySet()) {
        buckets.computeIfPresent(id, (i, bucket) ->
            bucket.getAvailableTokens() >= i.limit().capacity() ? null : bucket);
      }
      nextSweepNanos.set(timeMeter.currentTimeNanos() + sweepIntervalNanos);
      sweepAtSize = Math.max(MIN_SWEEP_SIZE, 2 * buckets.size());
    } finally {
      sweepLock.unlock();
    }
  }

  private record BucketId(String key, Limit limit) {}

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
