package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisRateLimiterFactoryTest {
  private final RedisRateLimiterFactory factory = new RedisRateLimiterFactory();

  @Test
  void isTheRedisRateLimiter() {
    assertEquals(RateLimiter.class, factory.port());
    assertEquals("redis", factory.name());
  }

  @Test
  void createOpensNoConnection() {
    // Nothing listens on port 1: creating must still succeed, and the client must not exist yet.
    RedisRateLimiter limiter = (RedisRateLimiter) factory.create(
        Config.of(Map.of("REDIS_URL", "redis://127.0.0.1:1/0")));
    assertFalse(limiter.isConnected());
    limiter.close();
  }

  @Test
  void limiterFromConfigUsesRedisUrlAndKeyPrefix() {
    String prefix = TestRedis.uniquePrefix();
    try (RedisClient client = TestRedis.connect()) {
      try (RedisRateLimiter limiter = (RedisRateLimiter) factory.create(
          Config.of(Map.of("REDIS_URL", TestRedis.URL, "REDIS_KEY_PREFIX", prefix)))) {
        assertTrue(limiter.tryAcquire("k", new Limit(5, Duration.ofMinutes(1))).allowed());
        assertTrue(limiter.isConnected());
        assertEquals(1, TestRedis.keys(client, prefix).size(), "the bucket lives under REDIS_KEY_PREFIX");
      } finally {
        TestRedis.deleteKeys(client, prefix);
      }
    }
  }

  @Test
  void keyPrefixDefaultsToCc() {
    RedisRateLimiter limiter = (RedisRateLimiter) factory.create(Config.of(Map.of()));
    assertEquals("cc:rl:5/PT1M:k", limiter.redisKey("k", new Limit(5, Duration.ofMinutes(1))));
  }

  @Test
  void rejectsARedisUrlThatIsNotAUriWithoutShowingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(Config.of(Map.of("REDIS_URL", "redis://u:pa ss@host:6379"))));
    assertTrue(e.getMessage().startsWith("REDIS_URL"), e.getMessage());
    assertFalse(e.getMessage().contains("pa ss"), e.getMessage());
  }

  @Test
  void platformPicksRedisWhenRedisUrlIsSet() {
    try (Platform platform = Platform.create(
        Config.of(Map.of("REDIS_URL", "redis://127.0.0.1:1/0")), Clock.systemUTC())) {
      assertFalse(platform.isLoaded(RateLimiter.class));
      assertInstanceOf(RedisRateLimiter.class, platform.rateLimiter());
    }
  }
}
