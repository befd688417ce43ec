package dev.contentcreator.embedded.ratelimit;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.RateLimiter;

/** Makes the {@code memory} rate limiter: limits held by this process only. */
public final class InMemoryRateLimiterFactory implements PortFactory<RateLimiter> {

  @Override
  public Class<RateLimiter> port() {
    return RateLimiter.class;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public RateLimiter create(Config config) {
    return InMemoryRateLimiter.create();
  }
}
