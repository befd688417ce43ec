package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.RateLimiter.Decision;
import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RateLimiter} adapter must show. An adapter's test extends this class,
 * makes a fresh limiter in {@link #newLimiter()} and moves the limiter's clock in
 * {@link #advance(Duration)}, so no test waits for real time to pass.
 *
 * <p>Each test uses keys of its own, so adapters that keep state outside the process (Redis) may
 * share that state between tests. A limiter that is {@link AutoCloseable} is closed after each test.
 */
public abstract class RateLimiterContract {

  /** Three tokens a minute: one token every 20 seconds. */
  private static final Limit THREE_A_MINUTE = new Limit(3, Duration.ofMinutes(1));
  private static final Duration TWENTY_SECONDS = Duration.ofSeconds(20);

  private RateLimiter limiter;
  private String keyPrefix;

  /** A new limiter whose clock {@link #advance(Duration)} moves. */
  protected abstract RateLimiter newLimiter();

  /** Moves the clock of the limiter made by {@link #newLimiter()} forward by {@code duration}. */
  protected abstract void advance(Duration duration);

  @BeforeEach
  final void makeLimiter() {
    limiter = newLimiter();
    keyPrefix = "contract-" + UUID.randomUUID() + "-";
  }

  @AfterEach
  final void closeLimiter() throws Exception {
    if (limiter instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** A key no other test uses. */
  protected final String key(String name) {
    return keyPrefix + name;
  }

  private Decision take(String name, Limit limit) {
    return limiter.tryAcquire(key(name), limit);
  }

  @Test
  void firstCapacityCallsAreAllowedWithRemainingCountingDown() {
    for (long expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
      Decision d = take("user", THREE_A_MINUTE);
      assertTrue(d.allowed(), "call with " + (expectedRemaining + 1) + " tokens left must be allowed: " + d);
      assertEquals(3, d.limit(), "limit is the capacity: " + d);
      assertEquals(expectedRemaining, d.remaining(), "remaining after this call: " + d);
      assertEquals(Duration.ZERO, d.retryAfter(), "an allowed call has no retryAfter: " + d);
    }
  }

  @Test
  void callBeyondCapacityIsRefused() {
    exhaust("user", THREE_A_MINUTE);
    Decision d = take("user", THREE_A_MINUTE);
    assertFalse(d.allowed(), "the call after capacity calls must be refused: " + d);
    assertEquals(3, d.limit(), "limit is the capacity: " + d);
    assertEquals(0, d.remaining(), "nothing remains: " + d);
  }

  @Test
  void refusedCallSaysToRetryAfterOneTokenInterval() {
    exhaust("user", THREE_A_MINUTE);
    Decision d = take("user", THREE_A_MINUTE);
    assertFalse(d.allowed(), d::toString);
    assertTrue(d.retryAfter().compareTo(TWENTY_SECONDS.minusMillis(100)) >= 0
            && d.retryAfter().compareTo(TWENTY_SECONDS.plusMillis(1)) <= 0,
        "retryAfter must be about period/capacity (20 s): " + d);
  }

  @Test
  void refusedCallRetryAfterIsAtLeastOneMillisecond() {
    Limit onePerMinute = new Limit(1, Duration.ofMinutes(1));
    take("user", onePerMinute);
    // Half a millisecond before the token is back.
    advance(Duration.ofMinutes(1).minusNanos(500_000));
    Decision d = take("user", onePerMinute);
    assertFalse(d.allowed(), "the token is not back yet: " + d);
    assertTrue(d.retryAfter().compareTo(Duration.ofMillis(1)) >= 0,
        "retryAfter of a refused call is never below 1 ms: " + d);
    assertTrue(d.retryAfter().compareTo(Duration.ofMillis(2)) < 0,
        "retryAfter must not overstate the wait by a millisecond or more: " + d);
  }

  @Test
  void advancingByRetryAfterAllowsOneMoreCall() {
    exhaust("user", THREE_A_MINUTE);
    Decision refused = take("user", THREE_A_MINUTE);
    assertFalse(refused.allowed(), refused::toString);
    advance(refused.retryAfter());
    Decision d = take("user", THREE_A_MINUTE);
    assertTrue(d.allowed(), "after waiting retryAfter the call must be allowed: " + d);
    assertEquals(0, d.remaining(), "it took the one token that came back: " + d);
  }

  @Test
  void refillIsSmoothOneTokenPerInterval() {
    exhaust("user", THREE_A_MINUTE);
    advance(TWENTY_SECONDS);
    assertTrue(take("user", THREE_A_MINUTE).allowed(), "one token is back after 20 s");
    Decision d = take("user", THREE_A_MINUTE);
    assertFalse(d.allowed(), "only one token comes back in 20 s: " + d);
  }

  @Test
  void refusedCallTakesNoToken() {
    exhaust("user", THREE_A_MINUTE);
    for (int i = 0; i < 5; i++) {
      assertFalse(take("user", THREE_A_MINUTE).allowed());
    }
    advance(TWENTY_SECONDS);
    Decision d = take("user", THREE_A_MINUTE);
    assertTrue(d.allowed(), "refused calls must not push the next token further away: " + d);
  }

  @Test
  void keysAreIndependent() {
    exhaust("alice", THREE_A_MINUTE);
    Decision d = take("bob", THREE_A_MINUTE);
    assertTrue(d.allowed(), "another key has its own bucket: " + d);
    assertEquals(2, d.remaining(), d::toString);
    assertFalse(take("alice", THREE_A_MINUTE).allowed(), "the first key stays empty");
  }

  @Test
  void differentKeysCanHaveDifferentLimits() {
    Limit one = new Limit(1, Duration.ofMinutes(1));
    Limit five = new Limit(5, Duration.ofMinutes(1));
    Decision first = take("small", one);
    assertEquals(1, first.limit(), first::toString);
    assertEquals(0, first.remaining(), first::toString);
    assertFalse(take("small", one).allowed(), "a bucket of one allows one call");
    for (int i = 0; i < 5; i++) {
      Decision d = take("large", five);
      assertTrue(d.allowed(), "call " + (i + 1) + " of 5 must be allowed: " + d);
      assertEquals(5, d.limit(), d::toString);
      assertEquals(4 - i, d.remaining(), d::toString);
    }
    assertFalse(take("large", five).allowed(), "a bucket of five allows five calls");
  }

  @Test
  void resetAfterIsTheTimeToRefillEveryTakenToken() {
    Decision one = take("user", THREE_A_MINUTE);
    assertEquals(TWENTY_SECONDS, one.resetAfter(), "one token taken: full again in 20 s: " + one);
    take("user", THREE_A_MINUTE);
    Decision three = take("user", THREE_A_MINUTE);
    assertEquals(Duration.ofMinutes(1), three.resetAfter(), "all taken: full again in 60 s: " + three);
  }

  @Test
  void resetAfterOfRefusedCallIsTheWholePeriodWhenEmpty() {
    exhaust("user", THREE_A_MINUTE);
    Decision d = take("user", THREE_A_MINUTE);
    assertFalse(d.allowed(), d::toString);
    assertEquals(Duration.ofMinutes(1), d.resetAfter(), d::toString);
  }

  @Test
  void resetAfterReachesZeroWhenTheBucketIsFull() {
    exhaust("user", THREE_A_MINUTE);
    Decision empty = take("user", THREE_A_MINUTE);
    advance(empty.resetAfter());
    // Full now: taking one leaves capacity - 1 and one interval to refill, as from a new bucket.
    Decision d = take("user", THREE_A_MINUTE);
    assertTrue(d.allowed(), d::toString);
    assertEquals(2, d.remaining(), "the bucket was full again after resetAfter: " + d);
    assertEquals(TWENTY_SECONDS, d.resetAfter(), d::toString);
  }

  @Test
  void refillNeverExceedsCapacity() {
    take("user", THREE_A_MINUTE);
    advance(Duration.ofHours(5));
    Decision d = take("user", THREE_A_MINUTE);
    assertEquals(2, d.remaining(), "a bucket holds at most capacity tokens: " + d);
  }

  @Test
  void concurrentCallsOnOneKeyTakeExactlyCapacityTokens() throws Exception {
    Limit hundredADay = new Limit(100, Duration.ofDays(1));
    String key = key("hot");
    int threads = 8;
    int callsPerThread = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Integer> hammer = () -> {
          start.await();
          int allowed = 0;
          for (int i = 0; i < callsPerThread; i++) {
            if (limiter.tryAcquire(key, hundredADay).allowed()) {
              allowed++;
            }
          }
          return allowed;
        };
        results.add(pool.submit(hammer));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(60, TimeUnit.SECONDS);
      }
      assertEquals(100, total, "8 threads x " + callsPerThread + " calls must get exactly capacity tokens");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void limitRejectsCapacityBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new Limit(0, Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class, () -> new Limit(-1, Duration.ofMinutes(1)));
  }

  @Test
  void limitRejectsPeriodThatIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> new Limit(1, null));
  }

  @Test
  void tryAcquireRejectsNullKey() {
    assertThrows(NullPointerException.class, () -> limiter.tryAcquire(null, THREE_A_MINUTE));
  }

  @Test
  void tryAcquireRejectsEmptyKey() {
    assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire("", THREE_A_MINUTE));
  }

  @Test
  void tryAcquireRejectsNullLimit() {
    assertThrows(NullPointerException.class, () -> limiter.tryAcquire(key("user"), null));
  }

  private List<Decision> takeAll(String first, Limit firstLimit, String second, Limit secondLimit) {
    return limiter.tryAcquireAll(List.of(new RateLimiter.Bucket(key(first), firstLimit),
        new RateLimiter.Bucket(key(second), secondLimit)));
  }

  @Test
  void tryAcquireAllTakesOneTokenFromEveryBucketWhenEachHasOne() {
    Limit five = new Limit(5, Duration.ofMinutes(1));
    List<Decision> first = takeAll("address", five, "user", THREE_A_MINUTE);
    assertEquals(2, first.size(), first::toString);
    assertTrue(RateLimiter.allAllowed(first), first::toString);
    assertEquals(4, first.get(0).remaining(), "the decisions come in the buckets' order: " + first);
    assertEquals(2, first.get(1).remaining(), first::toString);
    List<Decision> second = takeAll("address", five, "user", THREE_A_MINUTE);
    assertEquals(3, second.get(0).remaining(), second::toString);
    assertEquals(1, second.get(1).remaining(), second::toString);
    assertEquals(0, take("user", THREE_A_MINUTE).remaining(), "the same buckets as tryAcquire's");
  }

  @Test
  void tryAcquireAllTakesNothingWhenOneBucketIsEmpty() {
    Limit five = new Limit(5, Duration.ofMinutes(1));
    exhaust("user", THREE_A_MINUTE);
    for (int i = 0; i < 4; i++) {
      List<Decision> d = takeAll("address", five, "user", THREE_A_MINUTE);
      assertFalse(RateLimiter.allAllowed(d), d::toString);
      assertTrue(d.get(0).allowed(), "the address's bucket had a token: " + d);
      assertEquals(5, d.get(0).remaining(), "and still has all of them, none taken: " + d);
      assertFalse(d.get(1).allowed(), d::toString);
      assertTrue(d.get(1).retryAfter().compareTo(TWENTY_SECONDS.minusMillis(100)) >= 0,
          "the empty bucket says when its next token comes: " + d);
    }
    Decision address = take("address", five);
    assertEquals(4, address.remaining(), "refused calls took nothing from the other bucket: " + address);
  }

  @Test
  void tryAcquireAllRefusesWhenTheFirstBucketIsEmptyAndKeepsTheSecondsToken() {
    exhaust("address", THREE_A_MINUTE);
    List<Decision> d = takeAll("address", THREE_A_MINUTE, "user", THREE_A_MINUTE);
    assertFalse(d.get(0).allowed(), d::toString);
    assertTrue(d.get(1).allowed(), d::toString);
    assertEquals(2, take("user", THREE_A_MINUTE).remaining(), "the user's bucket gave nothing before");
  }

  @Test
  void tryAcquireAllOfNoBucketsAllowsWithoutDecisions() {
    assertEquals(List.of(), limiter.tryAcquireAll(List.of()));
  }

  @Test
  void concurrentCallsOfTryAcquireAllNeverPassEitherLimit() throws Exception {
    Limit fifty = new Limit(50, Duration.ofDays(1));
    Limit hundred = new Limit(100, Duration.ofDays(1));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String own = "user-" + t;
        results.add(pool.submit(() -> {
          start.await();
          int allowed = 0;
          for (int i = 0; i < 200; i++) {
            if (RateLimiter.allAllowed(takeAll("shared-address", hundred, own, fifty))) {
              allowed++;
            }
          }
          return allowed;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        int mine = result.get(60, TimeUnit.SECONDS);
        assertTrue(mine <= 50, "one user got " + mine + " of a limit of 50");
        total += mine;
      }
      assertEquals(100, total, "the shared bucket gave exactly its capacity across 8 threads");
    } finally {
      pool.shutdownNow();
    }
  }

  private void exhaust(String name, Limit limit) {
    for (long i = 0; i < limit.capacity(); i++) {
      Decision d = take(name, limit);
      assertTrue(d.allowed(), "call " + (i + 1) + " of " + limit.capacity() + " must be allowed: " + d);
    }
  }
}
