package dev.contentcreator.redis;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Cache;

/**
 * Makes the {@code redis} cache from {@code REDIS_URL} (default {@code redis://127.0.0.1:6379/0};
 * {@code rediss://} for TLS, {@code redis://:password@host:port/0} or {@code user:password} for AUTH),
 * {@code REDIS_CA_CERT} (PEM text or a path: the CA a {@code rediss://} server must chain to)
 * {@code REDIS_KEY_PREFIX} (default {@code cc:}; keys are {@code <prefix>cache:<key>}) and
 * {@code REDIS_POOL_SIZE} (the most connections, 32). The
 * cache opens its client on first use, once.
 */
public final class RedisCacheFactory implements PortFactory<Cache> {

  @Override
  public Class<Cache> port() {
    return Cache.class;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Cache create(Config config) {
    RedisCache.Builder b = RedisCache.builder()
        .uri(RedisUris.parse("REDIS_URL", config.find(Settings.REDIS_URL).orElse(RedisRateLimiterFactory.DEFAULT_URL)))
        .keyPrefix(config.get(Settings.REDIS_KEY_PREFIX))
        .poolSize(config.get(Settings.REDIS_POOL_SIZE));
    config.find(Settings.REDIS_CA_CERT).ifPresent(b::caCertificates);
    return b.build();
  }
}
