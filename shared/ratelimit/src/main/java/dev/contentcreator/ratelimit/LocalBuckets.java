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
 * Token buckets held in this process only, for a shared limiter to fall back on while its store
 * is unreachable: the limits stay on, each instance enforcing them alone (so a client spread over
 * N instances may get up to N times its limit until the store is back). At most
 * {@code maxBuckets} are held; past that all are dropped at once, which only forgives the callers
 * of that moment. Thread-safe.
 */
public final class LocalBuckets {
  private record Id(String key, Limit limit) {}

  private final ConcurrentHashMap<Id, LocalBucket> buckets = new ConcurrentHashMap<>();
  private final TimeMeter timeMeter;
  private final int maxBuckets;

  public LocalBuckets(TimeMeter timeMeter, int maxBuckets) {
    this.timeMeter = Objects.requireNonNull(timeMeter, "timeMeter");
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be at least 1, got: " + maxBuckets);
    }
    this.maxBuckets = maxBuckets;
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
    if (buckets.size() >= maxBuckets) {
      buckets.clear();
    }
    Limit limit = wanted.limit();
    ConsumptionProbe[] probe = new ConsumptionProbe[1];
    buckets.compute(new Id(wanted.key(), limit), (id, bucket) -> {
      LocalBucket b = bucket != null ? bucket : Bucket.builder()
          .addLimit(TokenBuckets.bandwidth(limit))
          .withCustomTimePrecision(timeMeter)
          .withSynchronizationStrategy(SynchronizationStrategy.NONE)
          .build();
      probe[0] = b.tryConsumeAndReturnRemaining(1);
      return b;
    });
    return probe[0];
  }

  /** How many buckets are held now. */
  public int size() {
    return buckets.size();
  }
}
