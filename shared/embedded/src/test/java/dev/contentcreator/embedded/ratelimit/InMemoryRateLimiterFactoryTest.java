package dev.contentcreator.embedded.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Made directly: this branch's services file also names embedded factories that live elsewhere.
class InMemoryRateLimiterFactoryTest {
  private final InMemoryRateLimiterFactory factory = new InMemoryRateLimiterFactory();

  @Test
  void isTheMemoryRateLimiter() {
    assertEquals(RateLimiter.class, factory.port());
    assertEquals("memory", factory.name());
  }

  @Test
  void createsAWorkingInMemoryLimiter() {
    RateLimiter limiter = factory.create(Config.of(Map.of()));
    assertInstanceOf(InMemoryRateLimiter.class, limiter);
    assertTrue(limiter.tryAcquire("k", new Limit(1, Duration.ofMinutes(1))).allowed());
  }
}
