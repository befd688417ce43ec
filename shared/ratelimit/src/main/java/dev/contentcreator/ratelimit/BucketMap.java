package dev.contentcreator.ratelimit;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets of this process, one per key and {@link Limit} (one key under another limit is
 * another bucket), on a Bucket4j {@link TimeMeter} so tests move time by hand. Every read and write
 * of a bucket happens inside the map's per-entry lock, so a bucket is never dropped while a call
 * takes a token from it. How the map is kept small is its owner's choice: {@link #clear} all at
 * once, or {@link #dropFull} the buckets that are the same as none. Thread-safe.
 */
public final class BucketMap {
  private record Id(String key, Limit limit) {}

  private final ConcurrentHashMap<Id, LocalBucket> buckets = new ConcurrentHashMap<>();
  private final TimeMeter timeMeter;

  public BucketMap(TimeMeter timeMeter) {
    this.timeMeter = Objects.requireNonNull(timeMeter, "timeMeter");
  }

  /** Takes one token of the bucket of {@code key} under {@code limit}, if it has one. */
  public Decision tryAcquire(String key, Limit limit) {
    return TokenBuckets.decision(limit, take(new RateLimiter.Bucket(key, limit)));
  }

  /** One token of every bucket, or none: see {@link RateLimiter#tryAcquireAll}. */
  public List<Decision> tryAcquireAll(List<RateLimiter.Bucket> all) {
    return TokenBuckets.takeAll(all, this::take,
        b -> buckets.computeIfPresent(new Id(b.key(), b.limit()), (id, bucket) -> {
          bucket.addTokens(1);
          return bucket;
        }));
  }

  private ConsumptionProbe take(RateLimiter.Bucket wanted) {
    ConsumptionProbe[] probe = new ConsumptionProbe[1];
    buckets.compute(new Id(wanted.key(), wanted.limit()), (id, bucket) -> {
      // The entry's lock already serialises every use of a bucket.
      LocalBucket b = bucket != null ? bucket : Bucket.builder()
          .addLimit(TokenBuckets.bandwidth(wanted.limit()))
          .withCustomTimePrecision(timeMeter)
          .withSynchronizationStrategy(SynchronizationStrategy.NONE)
          .build();
      probe[0] = b.tryConsumeAndReturnRemaining(1);
      return b;
    });
    return probe[0];
  }

  /** Drops the buckets that are full: a full bucket is the same as no bucket. */
  public void dropFull() {
    for (Id id : buckets.keySet()) {
      buckets.computeIfPresent(id, (i, bucket) -> bucket.getAvailableTokens() >= i.limit().capacity() ? null : bucket);
    }
  }

  /** Drops every bucket, forgiving the callers of this moment. */
  public void clear() {
    buckets.clear();
  }

  /** How many buckets are held now. */
  public int size() {
    return buckets.size();
  }
}
