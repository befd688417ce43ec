package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisCacheFactoryTest {
  private final RedisCacheFactory factory = new RedisCacheFactory();

  @Test
  void isTheRedisCache() {
    assertEquals(Cache.class, factory.port());
    assertEquals("redis", factory.name());
  }

  @Test
  void createOpensNoConnection() {
    // Nothing listens on port 1: creating must still succeed, and the client must not exist yet.
    RedisCache cache = (RedisCache) factory.create(Config.of(Map.of("REDIS_URL", "redis://127.0.0.1:1/0")));
    assertFalse(cache.isConnected());
    cache.close();
  }

  @Test
  void cacheFromConfigUsesRedisUrlAndKeyPrefix() {
    String prefix = TestRedis.uniquePrefix();
    try (RedisClient client = TestRedis.connect()) {
      try (RedisCache cache = (RedisCache) factory.create(
          Config.of(Map.of("REDIS_URL", TestRedis.URL, "REDIS_KEY_PREFIX", prefix)))) {
        cache.put("k", new byte[] {1}, Duration.ofMinutes(1));
        assertEquals(1, TestRedis.keys(client, prefix + "cache:").size(), "the entry lives under REDIS_KEY_PREFIX");
      } finally {
        TestRedis.deleteKeys(client, prefix);
      }
    }
  }

  @Test
  void keyPrefixDefaultsToCc() {
    RedisCache cache = (RedisCache) factory.create(Config.of(Map.of()));
    assertEquals("cc:cache:k", cache.redisKeyText("k"));
  }

  @Test
  void rejectsARedisUrlThatIsNotAUriWithoutShowingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(Config.of(Map.of("REDIS_URL", "redis://u:pa ss@host:6379"))));
    assertTrue(e.getMessage().startsWith("REDIS_URL"), e.getMessage());
    assertFalse(e.getMessage().contains("pa ss"), e.getMessage());
  }

  @Test
  void platformPicksTheRedisCacheWhenRedisUrlIsSet() {
    try (Platform platform = Platform.create(
        Config.of(Map.of("REDIS_URL", "redis://127.0.0.1:1/0")), Clock.systemUTC())) {
      assertFalse(platform.isLoaded(Cache.class));
      assertInstanceOf(RedisCache.class, platform.cache());
    }
  }
}
