package dev.contentcreator.redis;

import dev.contentcreator.core.ports.Cache;
import java.io.Closeable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The cache shared by every process that talks to one Redis: {@code GET}, {@code SET PX},
 * {@code SET NX PX} and {@code DEL} on binary keys and values.
 *
 * <p><b>Keys.</b> {@code <prefix>cache:<key>} in UTF-8, for example {@code cc:cache:gen:9f2c}.
 *
 * <p><b>Time.</b> Redis keeps the TTL and drops the key itself, by its own clock. TTLs are sent in
 * whole milliseconds, rounded up so a positive TTL never becomes zero; TTLs above
 * {@link #MAX_TTL} are cut to it, so Redis never refuses one as out of range.
 *
 * <p><b>Failures.</b> A Redis that cannot be reached makes the call throw jedis's exception; it is
 * not turned into a miss, so callers decide whether a cache outage may be ignored.
 *
 * <p>Thread-safe. When made from a URI the client is opened on first use, once, and closed by
 * {@link #close()}; a client passed in is left open for its owner.
 */
public final class RedisCache implements Cache, Closeable {
  static final String DEFAULT_KEY_PREFIX = "cc:";
  /** The longest TTL sent to Redis; longer ones are cut to it. */
  static final Duration MAX_TTL = Duration.ofDays(100L * 365);

  private final LazyRedis<UnifiedJedis> redis;
  private final String keyPrefix;

  private RedisCache(Builder builder) {
    this.redis = new LazyRedis<>(builder.uri, builder.caCertificates, builder.poolSize, builder.client, "Redis cache",
        client -> client);
    this.keyPrefix = builder.keyPrefix + "cache:";
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] redisKey = redisKey(key);
    return Optional.ofNullable(client().get(redisKey));
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    byte[] redisKey = redisKey(key);
    Objects.requireNonNull(value, "value");
    long millis = ttlMillis(ttl);
    client().set(redisKey, value, SetParams.setParams().px(millis));
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    byte[] redisKey = redisKey(key);
    Objects.requireNonNull(value, "value");
    long millis = ttlMillis(ttl);
    // SET NX answers OK when it wrote and nil when the key was there.
    return client().set(redisKey, value, SetParams.setParams().nx().px(millis)) != null;
  }

  @Override
  public void delete(String key) {
    client().del(redisKey(key));
  }

  /** The Redis key that holds {@code key}, as text. */
  String redisKeyText(String key) {
    return keyPrefix + key;
  }

  /** Whether the Redis client has been opened (or, when given, first used) yet. */
  boolean isConnected() {
    return redis.isOpened();
  }

  /** Closes the client this cache opened; a client given to the builder is left open. */
  @Override
  public void close() {
    redis.close();
  }

  private byte[] redisKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    return redisKeyText(key).getBytes(StandardCharsets.UTF_8);
  }

  private static long ttlMillis(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got: " + ttl);
    }
    Duration capped = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
    return capped.plusNanos(999_999).toMillis();
  }

  private UnifiedJedis client() {
    return redis.get();
  }

  /** Settings of a {@link RedisCache}: either a URI or a client, and optionally a key prefix. */
  public static final class Builder {
    private URI uri;
    private String caCertificates;
    private UnifiedJedis client;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private int poolSize = RedisConnections.DEFAULT_POOL_SIZE;

    private Builder() {}

    /** The Redis to open on first use, such as {@code redis://127.0.0.1:6379/0}; closed by the cache. */
    public Builder uri(URI uri) {
      this.uri = RedisUris.check(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /**
     * The CA certificates (PEM text, or a path to a PEM file) a {@code rediss://} server's
     * certificate must chain to, such as Memorystore's instance CA; the JVM's authorities otherwise.
     */
    /** The most connections the client opened from a URI keeps, 1 to 1024; 32 by default. */
    public Builder poolSize(int poolSize) {
      this.poolSize = RedisConnections.checkPoolSize(poolSize);
      return this;
    }

    public Builder caCertificates(String pemOrPath) {
      this.caCertificates = Objects.requireNonNull(pemOrPath, "pemOrPath");
      return this;
    }

    /** A client the caller owns and closes; the cache never closes it. */
    public Builder client(UnifiedJedis client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Put before {@code cache:} and every key; {@code cc:} by default. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /** Fails unless exactly one of {@link #uri} and {@link #client} was set. */
    public RedisCache build() {
      return new RedisCache(this);
    }
  }
}
