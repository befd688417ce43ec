package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Cache;
import dev.contentcreator.testkit.CacheContract;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The contract against a real redis-server, plus what only the Redis adapter does.
 *
 * <p><b>Time.</b> Redis expires keys by its own clock, which a test cannot move. So here the
 * contract's short TTL is a real {@value #SHORT_TTL_MILLIS} ms and {@link #advance(Duration)}
 * sleeps: the duration asked for plus {@value #SLACK_MILLIS} ms, because Redis counts a key as
 * expired only once its clock is strictly past the deadline, in whole milliseconds. The tests that
 * check a value is still there wait half the TTL, which leaves 125 ms of margin for the round trips.
 * Only the TTL tests sleep (about 2 s in all); every other test uses TTLs of an hour.
 */
class RedisCacheTest extends CacheContract {
  private static final long SHORT_TTL_MILLIS = 250;
  private static final long SLACK_MILLIS = 10;
  private static final String PREFIX = TestRedis.uniquePrefix();
  private static RedisClient client;

  @BeforeAll
  static void connect() {
    client = TestRedis.connect();
  }

  @AfterAll
  static void cleanUp() {
    if (client != null) {
      TestRedis.deleteKeys(client, PREFIX);
      client.close();
    }
  }

  @Override
  protected Cache newCache() {
    return cache(PREFIX);
  }

  @Override
  protected Duration shortTtl() {
    return Duration.ofMillis(SHORT_TTL_MILLIS);
  }

  @Override
  protected void advance(Duration duration) {
    try {
      Thread.sleep(duration.toMillis() + SLACK_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while letting time pass", e);
    }
  }

  private static RedisCache cache(String prefix) {
    return RedisCache.builder().client(client).keyPrefix(prefix).build();
  }

  @Test
  void valueLivesUnderThePrefixThenCacheThenTheKey() {
    String prefix = PREFIX + "named:";
    cache(prefix).put("gen:1", new byte[] {1}, LONG_TTL);
    assertEquals(List.of(prefix + "cache:gen:1"), TestRedis.keys(client, prefix));
  }

  @Test
  void keyIsWrittenAsUtf8() {
    String prefix = PREFIX + "utf8:";
    cache(prefix).put("雪", new byte[] {1}, LONG_TTL);
    byte[] expected = (prefix + "cache:雪").getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(new byte[] {1}, client.get(expected));
  }

  @Test
  void putSetsTheTtlOnTheRedisKey() {
    RedisCache cache = cache(PREFIX);
    cache.put(key("k"), new byte[] {1}, Duration.ofSeconds(90));
    long pttl = client.pttl(cache.redisKeyText(key("k")));
    assertTrue(pttl > 89_000 && pttl <= 90_000, "PTTL must be about 90 s, was " + pttl);
  }

  @Test
  void putIfAbsentSetsTheTtlOnTheRedisKey() {
    RedisCache cache = cache(PREFIX);
    cache.putIfAbsent(key("k"), new byte[] {1}, Duration.ofSeconds(90));
    long pttl = client.pttl(cache.redisKeyText(key("k")));
    assertTrue(pttl > 89_000 && pttl <= 90_000, "PTTL must be about 90 s, was " + pttl);
  }

  @Test
  void ttlAboveTheMaximumIsCutToIt() {
    RedisCache cache = cache(PREFIX);
    cache.put(key("k"), new byte[] {1}, Duration.ofDays(1_000_000));
    long pttl = client.pttl(cache.redisKeyText(key("k")));
    long max = RedisCache.MAX_TTL.toMillis();
    assertTrue(pttl > max - 60_000 && pttl <= max, "PTTL must be about 100 years, was " + pttl);
  }

  @Test
  void twoCachesWithOnePrefixShareEntries() {
    String prefix = PREFIX + "shared:";
    assertTrue(cache(prefix).putIfAbsent("k", new byte[] {1}, LONG_TTL));
    assertFalse(cache(prefix).putIfAbsent("k", new byte[] {2}, LONG_TTL), "the other cache wrote it first");
  }

  @Test
  void cachesWithOtherPrefixesDoNotShareEntries() {
    cache(PREFIX + "one:").put("k", new byte[] {1}, LONG_TTL);
    assertTrue(cache(PREFIX + "two:").get("k").isEmpty());
  }

  @Test
  void givenClientIsLeftOpenByClose() {
    RedisCache cache = cache(PREFIX);
    cache.get(key("k"));
    cache.close();
    assertEquals("PONG", client.ping());
  }

  @Test
  void closedCacheRefusesToWork() {
    RedisCache cache = cache(PREFIX);
    cache.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.get(key("k")));
    assertEquals("this Redis cache is closed", e.getMessage());
  }

  @Test
  void cacheFromAUriConnectsOnFirstUse() {
    try (RedisCache cache = RedisCache.builder().uri(URI.create(TestRedis.URL)).keyPrefix(PREFIX).build()) {
      assertFalse(cache.isConnected());
      cache.put(key("k"), new byte[] {1}, LONG_TTL);
      assertTrue(cache.isConnected());
    }
  }

  @Test
  void unreachableRedisFailsTheCallInsteadOfMissing() {
    try (RedisCache cache = RedisCache.builder().uri(URI.create("redis://127.0.0.1:1/0")).build()) {
      assertThrows(JedisConnectionException.class, () -> cache.get("k"));
    }
  }

  @Test
  void builderWantsExactlyOneOfUriOrClient() {
    assertThrows(IllegalStateException.class, () -> RedisCache.builder().build());
    assertThrows(IllegalStateException.class, () -> RedisCache.builder()
        .client(client).uri(URI.create(TestRedis.URL)).build());
  }

  @Test
  void builderRejectsAUriThatIsNotRedisAndHidesItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisCache.builder().uri(URI.create("http://user:s3cret@example.invalid:6379/0")));
    assertTrue(e.getMessage().contains("redis://"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }
}
