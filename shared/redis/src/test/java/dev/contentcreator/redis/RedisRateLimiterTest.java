package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import dev.contentcreator.testkit.RateLimiterContract;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The contract against a real redis-server, plus what only the Redis adapter does. */
class RedisRateLimiterTest extends RateLimiterContract {
  private static final String PREFIX = TestRedis.uniquePrefix();
  private static RedisClient client;

  private final ManualTimeMeter clock = new ManualTimeMeter();

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
  protected RateLimiter newLimiter() {
    return limiter(PREFIX);
  }

  @Override
  protected void advance(Duration duration) {
    clock.advance(duration);
  }

  private RedisRateLimiter limiter(String prefix) {
    return RedisRateLimiter.builder().client(client).keyPrefix(prefix).timeMeter(clock).build();
  }

  @Test
  void twoLimitersOnOneRedisShareTheBucket() {
    String prefix = PREFIX + "shared:";
    RedisRateLimiter first = limiter(prefix);
    RedisRateLimiter second = limiter(prefix);
    Limit two = new Limit(2, Duration.ofMinutes(1));
    assertTrue(first.tryAcquire("k", two).allowed());
    assertEquals(0, second.tryAcquire("k", two).remaining());
    assertFalse(first.tryAcquire("k", two).allowed(), "the other limiter took the last token");
  }

  @Test
  void bucketKeyCarriesThePrefixTheLimitAndTheKey() {
    String prefix = PREFIX + "named:";
    limiter(prefix).tryAcquire("user-42", new Limit(60, Duration.ofMinutes(1)));
    assertEquals(List.of(prefix + "rl:60/PT1M:user-42"), TestRedis.keys(client, prefix));
  }

  @Test
  void bucketKeyExpiresWhenTheBucketWouldBeFull() {
    String prefix = PREFIX + "ttl:";
    limiter(prefix).tryAcquire("k", new Limit(3, Duration.ofMinutes(1)));
    long ttl = client.pttl(prefix + "rl:3/PT1M:k");
    // One token of three a minute: full again in 20 s, plus a second of slack.
    assertTrue(ttl > 19_000 && ttl <= 21_000, "PTTL must be about 21 s, was " + ttl);
  }

  @Test
  void aBucketIsOneStringAndOneKeptAsAHashByTheEarlierScriptCarriesOn() {
    String prefix = PREFIX + "upgrade:";
    Limit five = new Limit(5, Duration.ofMinutes(1));
    RedisRateLimiter limiter = limiter(prefix);
    limiter.tryAcquire("fresh", five);
    assertEquals("string", client.type(prefix + "rl:5/PT1M:fresh"));
    // Two tokens left as the earlier script wrote them, at the limiter's present time.
    client.hset(prefix + "rl:5/PT1M:old", java.util.Map.of("t", "2", "at",
        Long.toString(clock.currentTimeNanos() / 1_000)));

    assertEquals(1, limiter.tryAcquire("old", five).remaining());
    assertEquals("string", client.type(prefix + "rl:5/PT1M:old"), "written back in the new form");
    assertEquals(0, limiter.tryAcquire("old", five).remaining());
    assertFalse(limiter.tryAcquire("old", five).allowed());
  }

  @Test
  void warmingUpConnectsAndLoadsTheScriptWithoutRegisteringThePoolAsAnMBean() throws Exception {
    client.scriptFlush();
    MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
    ObjectName pools = new ObjectName("org.apache.commons.pool2:*");
    int poolsBefore = beans.queryNames(pools, null).size();
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().uri(URI.create(TestRedis.URL))
        .keyPrefix(PREFIX + "warm:").build()) {
      assertFalse(limiter.isConnected());

      limiter.warmUp();

      assertTrue(limiter.isConnected());
      assertEquals(List.of(true), client.scriptExists(List.of(RedisRateLimiter.SCRIPT_SHA1)));
      assertTrue(limiter.tryAcquire("k", new Limit(1, Duration.ofMinutes(1))).allowed());
      assertEquals(poolsBefore, beans.queryNames(pools, null).size(), "the pool registered an MBean");
    }
  }

  @Test
  void sameKeyWithAnotherLimitUsesAnotherBucket() {
    RateLimiter limiter = newLimiter();
    String key = key("k");
    Limit one = new Limit(1, Duration.ofMinutes(1));
    assertTrue(limiter.tryAcquire(key, one).allowed());
    assertFalse(limiter.tryAcquire(key, one).allowed());
    assertEquals(1, limiter.tryAcquire(key, new Limit(2, Duration.ofMinutes(1))).remaining());
  }

  @Test
  void givenClientIsLeftOpenByClose() {
    RedisRateLimiter limiter = limiter(PREFIX);
    limiter.tryAcquire(key("k"), new Limit(1, Duration.ofMinutes(1)));
    limiter.close();
    assertEquals("PONG", client.ping());
  }

  @Test
  void closedLimiterRefusesToWork() {
    RedisRateLimiter limiter = limiter(PREFIX);
    limiter.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> limiter.tryAcquire(key("k"), new Limit(1, Duration.ofMinutes(1))));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void builderWantsExactlyOneOfUriOrClient() {
    assertThrows(IllegalStateException.class, () -> RedisRateLimiter.builder().build());
    assertThrows(IllegalStateException.class, () -> RedisRateLimiter.builder()
        .client(client).uri(URI.create(TestRedis.URL)).build());
  }

  @Test
  void builderRejectsAUriThatIsNotRedisAndHidesItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisRateLimiter.builder().uri(URI.create("http://user:s3cret@example.invalid:6379/0")));
    assertTrue(e.getMessage().contains("redis://"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }
}
