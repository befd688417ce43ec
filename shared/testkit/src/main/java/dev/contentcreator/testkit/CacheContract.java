package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Cache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Cache} adapter must show. An adapter's test extends this class, makes
 * a fresh cache in {@link #newCache()} and lets time pass in {@link #advance(Duration)}.
 *
 * <p>Every test that lets an entry expire uses {@link #shortTtl()} and moves time by it. An
 * adapter with a clock of its own moves that clock and keeps the default of one minute; an adapter
 * whose clock cannot be moved (a real server) returns a TTL of a few hundred milliseconds and
 * sleeps in {@link #advance(Duration)}. Entries that must outlive a test use {@link #LONG_TTL}.
 *
 * <p>Each test uses keys of its own ({@link #key(String)}), so adapters that keep state outside the
 * process may share it between tests. A cache that is {@link AutoCloseable} is closed after each test.
 */
public abstract class CacheContract {

  /** A TTL no test outlives. */
  protected static final Duration LONG_TTL = Duration.ofHours(1);

  private Cache cache;
  private String keyPrefix;

  /** A new cache whose clock {@link #advance(Duration)} moves. */
  protected abstract Cache newCache();

  /** Lets {@code duration} pass for the cache made by {@link #newCache()}; afterwards at least that much has passed. */
  protected abstract void advance(Duration duration);

  /** The TTL of entries the tests let expire; one minute unless the adapter needs real time to pass. */
  protected Duration shortTtl() {
    return Duration.ofMinutes(1);
  }

  @BeforeEach
  final void makeCache() {
    cache = newCache();
    keyPrefix = "contract-" + UUID.randomUUID() + "-";
  }

  @AfterEach
  final void closeCache() throws Exception {
    if (cache instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** The cache of the running test. */
  protected final Cache cache() {
    return cache;
  }

  /** A key no other test uses. */
  protected final String key(String name) {
    return keyPrefix + name;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] stored(String name) {
    Optional<byte[]> value = cache.get(key(name));
    assertTrue(value.isPresent(), "expected a value under " + name);
    return value.get();
  }

  private void assertMiss(String name, String why) {
    Optional<byte[]> value = cache.get(key(name));
    assertTrue(value.isEmpty(), why + "; got " + value.map(v -> v.length + " bytes").orElse(""));
  }

  // Reading and writing

  @Test
  void unknownKeyIsAMiss() {
    assertMiss("never-written", "nothing was stored under this key");
  }

  @Test
  void putThenGetReturnsTheValue() {
    cache.put(key("k"), bytes("hello"), LONG_TTL);
    assertArrayEquals(bytes("hello"), stored("k"));
  }

  @Test
  void everyByteValueRoundTrips() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    cache.put(key("binary"), all, LONG_TTL);
    assertArrayEquals(all, stored("binary"));
  }

  @Test
  void emptyValueIsAHitNotAMiss() {
    cache.put(key("empty"), new byte[0], LONG_TTL);
    assertArrayEquals(new byte[0], stored("empty"));
  }

  @Test
  void oneMebibyteValueRoundTrips() {
    byte[] big = new byte[1024 * 1024];
    new Random(42).nextBytes(big);
    cache.put(key("big"), big, LONG_TTL);
    assertArrayEquals(big, stored("big"));
  }

  @Test
  void putReplacesTheValue() {
    cache.put(key("k"), bytes("first"), LONG_TTL);
    cache.put(key("k"), bytes("second"), LONG_TTL);
    assertArrayEquals(bytes("second"), stored("k"));
  }

  @Test
  void putReplacesTheTtl() {
    cache.put(key("k"), bytes("short"), shortTtl());
    cache.put(key("k"), bytes("long"), LONG_TTL);
    advance(shortTtl());
    assertArrayEquals(bytes("long"), stored("k"), "the second put's TTL must apply, not the first's");
  }

  // Time to live

  @Test
  void valueIsKeptBeforeItsTtlHasPassed() {
    cache.put(key("k"), bytes("v"), shortTtl());
    advance(shortTtl().dividedBy(2));
    assertArrayEquals(bytes("v"), stored("k"));
  }

  @Test
  void valueIsGoneOnceItsTtlHasPassed() {
    cache.put(key("k"), bytes("v"), shortTtl());
    advance(shortTtl());
    assertMiss("k", "the TTL has passed");
  }

  @Test
  void readingDoesNotExtendTheTtl() {
    cache.put(key("k"), bytes("v"), shortTtl());
    advance(shortTtl().dividedBy(2));
    assertArrayEquals(bytes("v"), stored("k"));
    advance(shortTtl().dividedBy(2));
    assertMiss("k", "a read must not push the expiry back");
  }

  @Test
  void subMillisecondTtlIsAcceptedAndExpires() {
    cache.put(key("k"), bytes("v"), Duration.ofNanos(1));
    advance(shortTtl());
    assertMiss("k", "a one-nanosecond TTL has long passed");
  }

  @Test
  void longestPossibleTtlIsAccepted() {
    Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
    cache.put(key("k"), bytes("v"), longest);
    assertArrayEquals(bytes("v"), stored("k"));
  }

  // Put if absent

  @Test
  void putIfAbsentStoresWhenTheKeyIsAbsent() {
    assertTrue(cache.putIfAbsent(key("k"), bytes("v"), LONG_TTL), "the key was absent");
    assertArrayEquals(bytes("v"), stored("k"));
  }

  @Test
  void putIfAbsentRefusesWhenTheKeyIsPresent() {
    assertTrue(cache.putIfAbsent(key("k"), bytes("first"), LONG_TTL));
    assertFalse(cache.putIfAbsent(key("k"), bytes("second"), LONG_TTL), "the key was present");
  }

  @Test
  void refusedPutIfAbsentLeavesTheValue() {
    cache.put(key("k"), bytes("first"), LONG_TTL);
    cache.putIfAbsent(key("k"), bytes("second"), LONG_TTL);
    assertArrayEquals(bytes("first"), stored("k"));
  }

  @Test
  void refusedPutIfAbsentLeavesTheTtl() {
    cache.put(key("k"), bytes("first"), shortTtl());
    cache.putIfAbsent(key("k"), bytes("second"), LONG_TTL);
    advance(shortTtl());
    assertMiss("k", "the refused call must not have extended the first value's TTL");
  }

  @Test
  void putIfAbsentSucceedsAgainOnceTheEntryHasExpired() {
    assertTrue(cache.putIfAbsent(key("k"), bytes("first"), shortTtl()));
    advance(shortTtl());
    assertTrue(cache.putIfAbsent(key("k"), bytes("second"), LONG_TTL), "an expired entry is absent");
    assertArrayEquals(bytes("second"), stored("k"));
  }

  @Test
  void concurrentPutIfAbsentOnOneKeyHasExactlyOneWinner() throws Exception {
    int threads = 8;
    int rounds = 500;
    // Every round lines the threads up at a barrier, then all race for that round's key.
    CyclicBarrier lineUp = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<boolean[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        byte[] mine = bytes("thread-" + t);
        results.add(pool.submit(() -> {
          boolean[] won = new boolean[rounds];
          for (int r = 0; r < rounds; r++) {
            lineUp.await(30, TimeUnit.SECONDS);
            won[r] = cache.putIfAbsent(key("race-" + r), mine, LONG_TTL);
          }
          return won;
        }));
      }
      List<boolean[]> wins = new ArrayList<>();
      for (Future<boolean[]> result : results) {
        wins.add(result.get(60, TimeUnit.SECONDS));
      }
      for (int r = 0; r < rounds; r++) {
        int winners = 0;
        int winner = -1;
        for (int t = 0; t < threads; t++) {
          if (wins.get(t)[r]) {
            winners++;
            winner = t;
          }
        }
        assertEquals(1, winners, "key race-" + r + " must have exactly one winner among " + threads + " threads");
        assertArrayEquals(bytes("thread-" + winner), stored("race-" + r), "the winner's value is the stored one");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // Delete

  @Test
  void deleteRemovesTheValue() {
    cache.put(key("k"), bytes("v"), LONG_TTL);
    cache.delete(key("k"));
    assertMiss("k", "the key was deleted");
  }

  @Test
  void deletingAnAbsentKeyDoesNothing() {
    cache.delete(key("never-written"));
    assertMiss("never-written", "deleting must not create anything");
  }

  @Test
  void putIfAbsentSucceedsAfterDelete() {
    cache.put(key("k"), bytes("first"), LONG_TTL);
    cache.delete(key("k"));
    assertTrue(cache.putIfAbsent(key("k"), bytes("second"), LONG_TTL), "a deleted key is absent");
  }

  // Keys

  @Test
  void keysAreIndependent() {
    cache.put(key("a"), bytes("for a"), LONG_TTL);
    cache.put(key("b"), bytes("for b"), LONG_TTL);
    cache.delete(key("a"));
    assertArrayEquals(bytes("for b"), stored("b"), "deleting one key leaves the other");
  }

  @Test
  void aKeyThatExtendsAnotherIsAnotherKey() {
    cache.put(key("item"), bytes("v"), LONG_TTL);
    assertMiss("item-2", "a longer key is not the same key");
    assertMiss("ite", "a shorter key is not the same key");
  }

  @Test
  void keysDifferingOnlyInCaseAreDifferent() {
    cache.put(key("key"), bytes("lower"), LONG_TTL);
    assertMiss("KEY", "keys are case-sensitive");
  }

  @Test
  void keysDifferingOnlyInNonAsciiCharactersAreDifferent() {
    cache.put(key("雪"), bytes("snow"), LONG_TTL);
    cache.put(key("雨"), bytes("rain"), LONG_TTL);
    assertArrayEquals(bytes("snow"), stored("雪"));
    assertArrayEquals(bytes("rain"), stored("雨"));
  }

  // Copies

  @Test
  void changingTheArrayAfterPutDoesNotChangeTheStoredValue() {
    byte[] value = bytes("original");
    cache.put(key("k"), value, LONG_TTL);
    value[0] = 'X';
    assertArrayEquals(bytes("original"), stored("k"));
  }

  @Test
  void changingTheArrayAfterPutIfAbsentDoesNotChangeTheStoredValue() {
    byte[] value = bytes("original");
    cache.putIfAbsent(key("k"), value, LONG_TTL);
    value[0] = 'X';
    assertArrayEquals(bytes("original"), stored("k"));
  }

  @Test
  void changingAReturnedArrayDoesNotChangeTheStoredValue() {
    cache.put(key("k"), bytes("original"), LONG_TTL);
    byte[] first = stored("k");
    first[0] = 'X';
    assertArrayEquals(bytes("original"), stored("k"));
  }

  @Test
  void everyReadReturnsItsOwnArray() {
    cache.put(key("k"), bytes("v"), LONG_TTL);
    assertNotSame(stored("k"), stored("k"));
  }

  // Arguments

  @Test
  void getRejectsNullKey() {
    assertThrows(NullPointerException.class, () -> cache.get(null));
  }

  @Test
  void getRejectsEmptyKey() {
    assertThrows(IllegalArgumentException.class, () -> cache.get(""));
  }

  @Test
  void putRejectsNullKey() {
    assertThrows(NullPointerException.class, () -> cache.put(null, bytes("v"), LONG_TTL));
  }

  @Test
  void putRejectsEmptyKey() {
    assertThrows(IllegalArgumentException.class, () -> cache.put("", bytes("v"), LONG_TTL));
  }

  @Test
  void putRejectsNullValue() {
    assertThrows(NullPointerException.class, () -> cache.put(key("k"), null, LONG_TTL));
  }

  @Test
  void putRejectsNullTtl() {
    assertThrows(NullPointerException.class, () -> cache.put(key("k"), bytes("v"), null));
  }

  @Test
  void putRejectsZeroTtl() {
    assertThrows(IllegalArgumentException.class, () -> cache.put(key("k"), bytes("v"), Duration.ZERO));
  }

  @Test
  void putRejectsNegativeTtl() {
    assertThrows(IllegalArgumentException.class, () -> cache.put(key("k"), bytes("v"), Duration.ofSeconds(-1)));
  }

  @Test
  void rejectedPutLeavesTheOldValue() {
    cache.put(key("k"), bytes("old"), LONG_TTL);
    assertThrows(IllegalArgumentException.class, () -> cache.put(key("k"), bytes("new"), Duration.ZERO));
    assertArrayEquals(bytes("old"), stored("k"));
  }

  @Test
  void putIfAbsentRejectsNullKey() {
    assertThrows(NullPointerException.class, () -> cache.putIfAbsent(null, bytes("v"), LONG_TTL));
  }

  @Test
  void putIfAbsentRejectsEmptyKey() {
    assertThrows(IllegalArgumentException.class, () -> cache.putIfAbsent("", bytes("v"), LONG_TTL));
  }

  @Test
  void putIfAbsentRejectsNullValue() {
    assertThrows(NullPointerException.class, () -> cache.putIfAbsent(key("k"), null, LONG_TTL));
  }

  @Test
  void putIfAbsentRejectsNullTtl() {
    assertThrows(NullPointerException.class, () -> cache.putIfAbsent(key("k"), bytes("v"), null));
  }

  @Test
  void putIfAbsentRejectsZeroTtl() {
    assertThrows(IllegalArgumentException.class,
        () -> cache.putIfAbsent(key("k"), bytes("v"), Duration.ZERO));
  }

  @Test
  void putIfAbsentRejectsNegativeTtl() {
    assertThrows(IllegalArgumentException.class,
        () -> cache.putIfAbsent(key("k"), bytes("v"), Duration.ofMillis(-1)));
  }

  @Test
  void rejectedPutIfAbsentStoresNothing() {
    assertThrows(IllegalArgumentException.class,
        () -> cache.putIfAbsent(key("k"), bytes("v"), Duration.ZERO));
    assertMiss("k", "a call refused for its TTL must store nothing");
  }

  @Test
  void deleteRejectsNullKey() {
    assertThrows(NullPointerException.class, () -> cache.delete(null));
  }

  @Test
  void deleteRejectsEmptyKey() {
    assertThrows(IllegalArgumentException.class, () -> cache.delete(""));
  }
}
