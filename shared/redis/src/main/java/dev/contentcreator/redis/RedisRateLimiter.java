package dev.contentcreator.redis;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.ratelimit.LocalBuckets;
import dev.contentcreator.ratelimit.TokenBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Rate limits shared by every process that talks to one Redis: a token bucket per key and limit,
 * kept by Bucket4j's Jedis integration.
 *
 * <p><b>Why Bucket4j on jedis 8.</b> {@code bucket4j_jdk17-jedis} 8.15.0 is compiled against jedis
 * 4.4.6, but for a {@link UnifiedJedis} it calls only {@code eval(byte[], int, byte[]...)},
 * {@code get(byte[])} and {@code del(byte[])}, which jedis 8 still has with the same signatures
 * (checked with javap); the rate limiter contract suite runs against a real redis-server to prove
 * it. Jedis 8's {@link RedisClient} is a {@link UnifiedJedis}, so no pool of our own is needed.
 *
 * <p><b>Atomicity.</b> Bucket4j's compare-and-swap proxy reads the bucket, computes the new state
 * on the client and writes it back with a Lua script that replaces the value only if it is still
 * the one read; a process that loses the race reads again and retries. Two processes therefore
 * never hand out the same token.
 *
 * <p><b>Time.</b> The refill is computed with the caller's clock (a Bucket4j {@link TimeMeter},
 * wall-clock milliseconds by default), so the instances sharing a Redis should keep their clocks
 * in sync (NTP). Tests pass a clock they move by hand.
 *
 * <p><b>Keys.</b> {@code <prefix>rl:<capacity>/<period>:<key>}, for example
 * {@code cc:rl:60/PT1M:user-42}: calling one key with another limit uses another bucket. Every
 * write sets the key to expire when the bucket would be full again (plus one second of slack), so
 * idle keys leave Redis by themselves.
 *
 * <p><b>When Redis fails.</b> A call that cannot reach Redis (refused, timed out, closed, AUTH or
 * TLS failing) is answered by {@link LocalBuckets} in this process instead, and Redis is not tried
 * again for {@link #RETRY_AFTER_FAILURE}: the limits stay on, enforced per instance, rather than
 * switching off or refusing everyone. The outage is logged once per retry period.
 *
 * <p>Thread-safe. When made from a URI the client is opened on first use and closed by
 * {@link #close()}; a client passed in is left open for its owner.
 */
public final class RedisRateLimiter implements RateLimiter, Closeable {
  static final String DEFAULT_KEY_PREFIX = "cc:";
  private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(1);
  /** How long the limiter keeps to its local buckets after Redis failed, before trying Redis again. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

  private final LazyRedis<ProxyManager<String>> buckets;
  private final String keyPrefix;
  private final LocalBuckets fallback;
  private volatile long redisAgainAtNanos;
  private volatile boolean failing;

  private RedisRateLimiter(Builder builder) {
    TimeMeter timeMeter = builder.timeMeter;
    this.buckets = new LazyRedis<>(builder.uri, builder.caCertificates, builder.client, "Redis rate limiter",
        client -> Bucket4jJedis.casBasedBuilder(client)
            .keyMapper(Mapper.STRING)
            .clientClock(timeMeter)
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
            .build());
    this.keyPrefix = builder.keyPrefix;
    this.fallback = new LocalBuckets(TimeMeter.SYSTEM_NANOTIME, 100_000);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Decision tryAcquire(String key, Limit limit) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(limit, "limit");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    if (buckets.isClosed()) {
      throw new IllegalStateException("this Redis rate limiter is closed");
    }
    if (failing && System.nanoTime() - redisAgainAtNanos < 0) {
      return fallback.tryAcquire(key, limit);
    }
    try {
      ConsumptionProbe probe = buckets.get().builder()
          .build(redisKey(key, limit), () -> configuration(limit))
          .tryConsumeAndReturnRemaining(1);
      if (failing) {
        failing = false;
        Log.info("Redis rate limiter: Redis answers again; shared limits are back");
      }
      return TokenBuckets.decision(limit, probe);
    } catch (RuntimeException e) {
      // Jedis's own exceptions, or Bucket4j's wrapping of them: either way the store did not answer.
      redisAgainAtNanos = System.nanoTime() + RETRY_AFTER_FAILURE.toNanos();
      failing = true;
      Log.warning("Redis rate limiter: Redis failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); limiting in this process for " + RETRY_AFTER_FAILURE.toSeconds() + " s");
      return fallback.tryAcquire(key, limit);
    }
  }

  /** Whether the last call found Redis failing, so calls are answered by this process's buckets. */
  boolean isFallingBack() {
    return failing;
  }

  /** The Redis key of the bucket of {@code key} under {@code limit}. */
  String redisKey(String key, Limit limit) {
    return keyPrefix + "rl:" + limit.capacity() + "/" + limit.period() + ":" + key;
  }

  /** Whether the Redis client has been opened (or, when given, first used) yet. */
  boolean isConnected() {
    return buckets.isOpened();
  }

  /** Closes the client this limiter opened; a client given to the builder is left open. */
  @Override
  public void close() {
    buckets.close();
  }

  private static BucketConfiguration configuration(Limit limit) {
    return BucketConfiguration.builder().addLimit(TokenBuckets.bandwidth(limit)).build();
  }

  /** Settings of a {@link RedisRateLimiter}: either a URI or a client, and optionally the rest. */
  public static final class Builder {
    private URI uri;
    private String caCertificates;
    private UnifiedJedis client;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private TimeMeter timeMeter = TimeMeter.SYSTEM_MILLISECONDS;

    private Builder() {}

    /** The Redis to open on first use, such as {@code redis://127.0.0.1:6379/0}; closed by the limiter. */
    public Builder uri(URI uri) {
      this.uri = RedisUris.check(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /**
     * The CA certificates (PEM text, or a path to a PEM file) a {@code rediss://} server's
     * certificate must chain to, such as Memorystore's instance CA; the JVM's authorities otherwise.
     */
    public Builder caCertificates(String pemOrPath) {
      this.caCertificates = Objects.requireNonNull(pemOrPath, "pemOrPath");
      return this;
    }

    /** A client the caller owns and closes; the limiter never closes it. */
    public Builder client(UnifiedJedis client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Put before every key this limiter writes; {@code cc:} by default. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /** The clock the refill is computed with; wall-clock milliseconds by default. */
    public Builder timeMeter(TimeMeter timeMeter) {
      this.timeMeter = Objects.requireNonNull(timeMeter, "timeMeter");
      return this;
    }

    /** Fails unless exactly one of {@link #uri} and {@link #client} was set. */
    public RedisRateLimiter build() {
      return new RedisRateLimiter(this);
    }
  }
}
