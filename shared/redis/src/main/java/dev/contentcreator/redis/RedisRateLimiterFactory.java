package dev.contentcreator.redis;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.RateLimiter;

/**
 * Makes the {@code redis} rate limiter from {@code REDIS_URL} (default
 * {@code redis://127.0.0.1:6379/0}; {@code rediss://} for TLS, with a password for AUTH),
 * {@code REDIS_CA_CERT} (PEM or a path: the CA a {@code rediss://} server must chain to) and
 * {@code REDIS_KEY_PREFIX} (default {@code cc:}), {@code REDIS_POOL_SIZE} (32). The limiter opens its client on first use, once;
 * while Redis fails it limits in this process (see {@link RedisRateLimiter}).
 */
public final class RedisRateLimiterFactory implements PortFactory<RateLimiter> {
  static final String DEFAULT_URL = "redis://127.0.0.1:6379/0";

  @Override
  public Class<RateLimiter> port() {
    return RateLimiter.class;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public RateLimiter create(Config config) {
    RedisRateLimiter.Builder b = RedisRateLimiter.builder()
        .uri(RedisUris.parse("REDIS_URL", config.find(Settings.REDIS_URL).orElse(DEFAULT_URL)))
        .keyPrefix(config.get(Settings.REDIS_KEY_PREFIX))
        .poolSize(config.get(Settings.REDIS_POOL_SIZE));
    config.find(Settings.REDIS_CA_CERT).ifPresent(b::caCertificates);
    return b.build();
  }
}
