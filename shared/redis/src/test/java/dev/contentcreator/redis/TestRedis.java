package dev.contentcreator.redis;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The redis-server the tests need: {@code REDIS_URL}, or the local default. There is no skipping:
 * without Redis the tests fail and say so (CI starts one).
 */
final class TestRedis {
  static final String URL = System.getenv().getOrDefault("REDIS_URL", RedisRateLimiterFactory.DEFAULT_URL);

  private TestRedis() {}

  static RedisClient connect() {
    RedisClient client = RedisClient.create(URI.create(URL));
    try {
      client.ping();
      return client;
    } catch (JedisException e) {
      client.close();
      throw new AssertionError("Redis is required for these tests and none answered at " + URL
          + " (CI starts one; locally: redis-server --daemonize yes --bind 127.0.0.1 --port 6379"
          + " --save \"\" --appendonly no)", e);
    }
  }

  /** A key prefix no other test run uses. */
  static String uniquePrefix() {
    return "cc-test:" + UUID.randomUUID() + ":";
  }

  /** Deletes the keys under {@code prefix}, and nothing else. */
  static void deleteKeys(RedisClient client, String prefix) {
    ScanParams params = new ScanParams().match(prefix + "*").count(500);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = client.scan(cursor, params);
      List<String> keys = page.getResult();
      if (!keys.isEmpty()) {
        client.del(keys.toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  static List<String> keys(RedisClient client, String prefix) {
    ScanParams params = new ScanParams().match(prefix + "*").count(500);
    List<String> all = new java.util.ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = client.scan(cursor, params);
      all.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return all;
  }
}
