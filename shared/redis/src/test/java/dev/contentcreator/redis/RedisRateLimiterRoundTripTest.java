package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Bucket;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** What the Redis adapter costs on the wire: one command, one round trip, per request. */
class RedisRateLimiterRoundTripTest {
  private static final String PREFIX = TestRedis.uniquePrefix();
  private static final Limit PER_ADDRESS = new Limit(600, Duration.ofMinutes(1));
  private static final Limit PER_USER = new Limit(120, Duration.ofMinutes(1));
  private static RedisClient client;

  @BeforeAll
  static void connect() {
    client = TestRedis.connect();
  }

  @AfterAll
  static void cleanUp() {
    TestRedis.deleteKeys(client, PREFIX);
    client.close();
  }

  @Test
  void aRequestsBucketsCostOneCommandWhateverTheirNumberAndHowHotTheKeys() throws Exception {
    try (CountingRedisProxy proxy = new CountingRedisProxy(URI.create(TestRedis.URL));
        RedisRateLimiter limiter = RedisRateLimiter.builder().uri(proxy.uri()).keyPrefix(PREFIX).build()) {
      List<Bucket> request = List.of(new Bucket("ip:203.0.113.9", PER_ADDRESS), new Bucket("user:u1", PER_USER));
      limiter.tryAcquireAll(request); // opens the connection and loads the script
      proxy.clear();
      for (int i = 0; i < 50; i++) {
        assertTrue(RateLimiter.allAllowed(limiter.tryAcquireAll(request)));
      }
      assertEquals(Collections.nCopies(50, "EVALSHA"), proxy.commands(),
          "each request is one EVALSHA for both buckets, with no GET or retry");
    }
  }

  @Test
  void aRedisThatLostTheScriptGetsItAgainInTheSameCall() throws Exception {
    try (CountingRedisProxy proxy = new CountingRedisProxy(URI.create(TestRedis.URL));
        RedisRateLimiter limiter = RedisRateLimiter.builder().uri(proxy.uri()).keyPrefix(PREFIX + "flush:").build()) {
      Bucket bucket = new Bucket("user:u2", PER_USER);
      limiter.tryAcquireAll(List.of(bucket));
      client.scriptFlush();
      proxy.clear();
      assertEquals(119 - 1, limiter.tryAcquire("user:u2", PER_USER).remaining());
      assertEquals(List.of("EVALSHA", "EVAL"), proxy.commands());
      assertEquals(false, limiter.isFallingBack(), "a lost script is not an outage");
    }
  }
}
