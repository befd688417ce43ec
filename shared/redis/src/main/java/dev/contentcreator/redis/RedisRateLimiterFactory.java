package dev.contentcreator.redis;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.RateLimiter;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes the {@code redis} rate limiter from {@code REDIS_URL} (default
 * {@code redis://127.0.0.1:6379/0}) and {@code REDIS_KEY_PREFIX} (default {@code cc:}). The
 * limiter opens its client on first use, once.
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
    return RedisRateLimiter.builder()
        .uri(uri(config.get("REDIS_URL", DEFAULT_URL)))
        .keyPrefix(config.get("REDIS_KEY_PREFIX", RedisRateLimiter.DEFAULT_KEY_PREFIX))
        .build();
  }

  private static URI uri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      // The reason alone, without the value or the exception (both would show a password).
      throw new IllegalArgumentException("REDIS_URL is not a URI: " + e.getReason() + " at index " + e.getIndex());
    }
  }
}
