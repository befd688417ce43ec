package dev.contentcreator.ratelimit;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import io.github.bucket4j.TimeMeter;
import java.util.List;

/**
 * Token buckets held in this process only, for a shared limiter to fall back on while its store
 * is unreachable: the limits stay on, each instance enforcing them alone (so a client spread over
 * N instances may get up to N times its limit until the store is back). At most
 * {@code maxBuckets} are held; past that all are dropped at once, which only forgives the callers
 * of that moment. Thread-safe.
 */
public final class LocalBuckets {
  private final BucketMap buckets;
  private final int maxBuckets;

  public LocalBuckets(TimeMeter timeMeter, int maxBuckets) {
    this.buckets = new BucketMap(timeMeter);
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be at least 1, got: " + maxBuckets);
    }
    this.maxBuckets = maxBuckets;
  }

  /** Takes one token of the bucket of {@code key} under {@code limit}, if it has one. */
  public Decision tryAcquire(String key, Limit limit) {
    keepWithinCap();
    return buckets.tryAcquire(key, limit);
  }

  /** One token of every bucket, or none: see {@link RateLimiter#tryAcquireAll}. */
  public List<Decision> tryAcquireAll(List<RateLimiter.Bucket> all) {
    keepWithinCap();
    return buckets.tryAcquireAll(all);
  }

  private void keepWithinCap() {
    if (buckets.size() >= maxBuckets) {
      buckets.clear();
    }
  }

  /** How many buckets are held now. */
  public int size() {
    return buckets.size();
  }
}
