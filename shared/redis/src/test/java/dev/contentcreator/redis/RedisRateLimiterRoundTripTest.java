package dev.contentcreator.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Bucket;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
  void requestsThatArriveWhileOneIsOnTheWireGoTogetherInOnePipelineEachWithItsOwnAnswer() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    try (CountingRedisProxy proxy = new CountingRedisProxy(URI.create(TestRedis.URL));
        RedisRateLimiter limiter = RedisRateLimiter.builder().uri(proxy.uri()).keyPrefix(PREFIX + "pipe:").build()) {
      limiter.warmUp();
      proxy.clear();
      long sendsBefore = limiter.sends();
      List<Bucket> request = List.of(new Bucket("ip:198.51.100.7", PER_ADDRESS), new Bucket("user:u3", PER_USER));
      proxy.hold();
      Future<List<Decision>> first = threads.submit(() -> limiter.tryAcquireAll(request));
      proxy.awaitHeld();
      List<Future<List<Decision>>> later = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        later.add(threads.submit(() -> limiter.tryAcquireAll(request)));
      }
      awaitWaiting(limiter, 10);
      proxy.release();
      List<Long> userRemaining = new ArrayList<>();
      userRemaining.add(first.get().get(1).remaining());
      for (Future<List<Decision>> f : later) {
        List<Decision> decisions = f.get();
        assertTrue(RateLimiter.allAllowed(decisions));
        userRemaining.add(decisions.get(1).remaining());
      }
      Collections.sort(userRemaining);
      assertEquals(LongStream.rangeClosed(120 - 11, 120 - 1).boxed().toList(), userRemaining,
          "each request took its own token, as if sent one by one");
      assertEquals(Collections.nCopies(11, "EVALSHA"), proxy.commands(), "one script call per request still");
      assertEquals(2, limiter.sends() - sendsBefore, "the first alone, then the ten in one pipeline");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aPipelineThatMeetsARedisWithoutTheScriptSendsEachOfItsCallsAgainWithEval() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    try (CountingRedisProxy proxy = new CountingRedisProxy(URI.create(TestRedis.URL));
        RedisRateLimiter limiter = RedisRateLimiter.builder().uri(proxy.uri()).keyPrefix(PREFIX + "pipe-flush:").build()) {
      limiter.warmUp();
      proxy.clear();
      Bucket bucket = new Bucket("user:u4", PER_USER);
      proxy.hold();
      Future<Decision> first = threads.submit(() -> limiter.tryAcquire("user:u4", PER_USER));
      proxy.awaitHeld();
      List<Future<Decision>> later = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        later.add(threads.submit(() -> limiter.tryAcquireAll(List.of(bucket)).get(0)));
      }
      awaitWaiting(limiter, 3);
      // The first goes through; the pipeline after it is held until Redis has lost the script.
      proxy.releaseAndHoldNext();
      assertEquals(119, first.get().remaining());
      proxy.awaitHeld();
      client.scriptFlush();
      proxy.release();
      List<Long> remaining = new ArrayList<>();
      for (Future<Decision> f : later) {
        remaining.add(f.get().remaining());
      }
      Collections.sort(remaining);
      assertEquals(List.of(116L, 117L, 118L), remaining);
      assertEquals(List.of("EVALSHA", "EVALSHA", "EVALSHA", "EVALSHA", "EVAL", "EVAL", "EVAL"), proxy.commands());
      assertEquals(false, limiter.isFallingBack(), "a lost script is not an outage");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void requestsQueuedBehindACallThatFindsRedisGoneKeepToTheLocalBucketsWithoutTryingRedisAgain() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    try (CountingRedisProxy proxy = new CountingRedisProxy(URI.create(TestRedis.URL));
        RedisRateLimiter limiter = RedisRateLimiter.builder().uri(proxy.uri()).keyPrefix(PREFIX + "gone:").build()) {
      limiter.warmUp();
      proxy.clear();
      proxy.hold();
      Future<Decision> first = threads.submit(() -> limiter.tryAcquire("user:u5", PER_USER));
      proxy.awaitHeld();
      List<Future<Decision>> later = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        later.add(threads.submit(() -> limiter.tryAcquire("user:u5", PER_USER)));
      }
      awaitWaiting(limiter, 3);
      // Redis goes away with the first call on the wire; anything sent after this would get through.
      proxy.breakConnections();
      proxy.release();
      List<Long> remaining = new ArrayList<>();
      remaining.add(first.get().remaining());
      for (Future<Decision> f : later) {
        assertTrue(f.get().allowed());
        remaining.add(f.get().remaining());
      }
      assertTrue(limiter.isFallingBack());
      Collections.sort(remaining);
      assertEquals(List.of(116L, 117L, 118L, 119L), remaining, "the four took their tokens from the local bucket");
      // The pool may open a connection in place of the broken one (its greeting: HELLO, CLIENT
      // SETINFO), but no call is sent again: the one script call is the held one, which was lost.
      Set<String> greeting = Set.of("HELLO", "CLIENT", "AUTH", "SELECT", "PING");
      assertEquals(List.of("EVALSHA"), proxy.commands().stream().filter(c -> !greeting.contains(c)).toList(),
          "no call tried Redis again");
    } finally {
      threads.shutdownNow();
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

  private static void awaitWaiting(RedisRateLimiter limiter, int calls) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (limiter.waitingCalls() < calls) {
      assertTrue(System.nanoTime() < deadline, "only " + limiter.waitingCalls() + " of " + calls + " calls came to wait");
      Thread.sleep(1);
    }
  }
}
