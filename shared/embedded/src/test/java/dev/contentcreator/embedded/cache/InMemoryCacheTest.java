package dev.contentcreator.embedded.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Cache;
import dev.contentcreator.testkit.CacheContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract on a ticker moved by hand, plus the bounds and sweeps of the in-memory cache. */
class InMemoryCacheTest extends CacheContract {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final ManualTicker ticker = new ManualTicker();

  @Override
  protected Cache newCache() {
    return InMemoryCache.builder().ticker(ticker).build();
  }

  @Override
  protected void advance(Duration duration) {
    ticker.advance(duration);
  }

  /** A cache with room for exactly {@code entries} entries of a one-character key and a 100-byte value. */
  private InMemoryCache roomFor(int entries) {
    return InMemoryCache.builder().ticker(ticker).maxBytes(entries * InMemoryCache.weight("k", new byte[100])).build();
  }

  @Test
  void valueExpiresExactlyAtItsTtl() {
    InMemoryCache cache = InMemoryCache.builder().ticker(ticker).build();
    cache.put("k", new byte[] {1}, MINUTE);
    ticker.advance(MINUTE.minusNanos(1));
    assertTrue(cache.get("k").isPresent(), "one nanosecond before the TTL the value is there");
    ticker.advance(Duration.ofNanos(1));
    assertTrue(cache.get("k").isEmpty(), "at the TTL the value is gone");
  }

  @Test
  void leastRecentlyUsedEntryIsEvictedFirst() {
    InMemoryCache cache = roomFor(3);
    cache.put("a", new byte[100], LONG_TTL);
    cache.put("b", new byte[100], LONG_TTL);
    cache.put("c", new byte[100], LONG_TTL);
    cache.get("a");
    cache.put("d", new byte[100], LONG_TTL);
    assertTrue(cache.get("b").isEmpty(), "b was used least recently");
    assertTrue(cache.get("a").isPresent(), "reading a made it recent");
    assertTrue(cache.get("c").isPresent());
    assertTrue(cache.get("d").isPresent());
  }

  @Test
  void writingAnEntryMakesItRecent() {
    InMemoryCache cache = roomFor(2);
    cache.put("a", new byte[100], LONG_TTL);
    cache.put("b", new byte[100], LONG_TTL);
    cache.put("a", new byte[100], LONG_TTL);
    cache.put("c", new byte[100], LONG_TTL);
    assertTrue(cache.get("b").isEmpty(), "b was written before a was written again");
    assertTrue(cache.get("a").isPresent());
  }

  @Test
  void aLargeValueEvictsAsManyEntriesAsItNeeds() {
    InMemoryCache cache = roomFor(3);
    cache.put("a", new byte[100], LONG_TTL);
    cache.put("b", new byte[100], LONG_TTL);
    cache.put("c", new byte[100], LONG_TTL);
    // Twice the weight of one entry: two must go.
    cache.put("d", new byte[100 + (int) InMemoryCache.weight("k", new byte[100])], LONG_TTL);
    assertEquals(2, cache.size());
    assertTrue(cache.get("c").isPresent(), "the most recent older entry stays");
    assertTrue(cache.bytes() <= cache.maxBytes(), cache.bytes() + " > " + cache.maxBytes());
  }

  @Test
  void bytesFollowPutsReplacementsAndDeletes() {
    InMemoryCache cache = InMemoryCache.builder().ticker(ticker).build();
    cache.put("a", new byte[10], LONG_TTL);
    cache.put("bb", new byte[20], LONG_TTL);
    assertEquals(InMemoryCache.weight("a", new byte[10]) + InMemoryCache.weight("bb", new byte[20]), cache.bytes());
    cache.put("a", new byte[30], LONG_TTL);
    assertEquals(InMemoryCache.weight("a", new byte[30]) + InMemoryCache.weight("bb", new byte[20]), cache.bytes());
    cache.delete("bb");
    assertEquals(InMemoryCache.weight("a", new byte[30]), cache.bytes());
    cache.delete("a");
    assertEquals(0, cache.bytes());
  }

  @Test
  void aValueLargerThanTheWholeCacheIsNotKept() {
    InMemoryCache cache = roomFor(2);
    cache.put("a", new byte[100], LONG_TTL);
    cache.put("huge", new byte[10_000], LONG_TTL);
    assertTrue(cache.get("huge").isEmpty());
    assertTrue(cache.get("a").isPresent(), "what fits must not be evicted for what cannot fit");
  }

  @Test
  void aTooLargeValueStillRemovesTheOldValueOfItsKey() {
    InMemoryCache cache = roomFor(2);
    cache.put("k", new byte[100], LONG_TTL);
    cache.put("k", new byte[10_000], LONG_TTL);
    assertTrue(cache.get("k").isEmpty(), "a put replaces: the old value must not be served");
    assertEquals(0, cache.bytes());
  }

  @Test
  void putIfAbsentOfATooLargeValueCountsAsStoredAndDropped() {
    InMemoryCache cache = roomFor(2);
    assertTrue(cache.putIfAbsent("k", new byte[10_000], LONG_TTL));
    assertTrue(cache.get("k").isEmpty());
  }

  @Test
  void readingAnExpiredEntryDropsIt() {
    InMemoryCache cache = InMemoryCache.builder().ticker(ticker).sweepInterval(Duration.ofDays(1)).build();
    cache.put("k", new byte[10], MINUTE);
    ticker.advance(MINUTE);
    cache.get("k");
    assertEquals(0, cache.size());
    assertEquals(0, cache.bytes());
  }

  @Test
  void expiredEntriesNobodyReadsAreSweptOnceTheIntervalHasPassed() {
    InMemoryCache cache = InMemoryCache.builder().ticker(ticker).sweepInterval(MINUTE).build();
    for (int i = 0; i < 100; i++) {
      cache.put("old-" + i, new byte[10], Duration.ofSeconds(30));
    }
    cache.put("kept", new byte[10], LONG_TTL);
    ticker.advance(MINUTE);
    cache.get("other");
    assertEquals(1, cache.size(), "only the entry that has not expired is left");
    assertEquals(InMemoryCache.weight("kept", new byte[10]), cache.bytes());
  }

  @Test
  void noSweepBeforeTheInterval() {
    InMemoryCache cache = InMemoryCache.builder().ticker(ticker).sweepInterval(MINUTE).build();
    for (int i = 0; i < 10; i++) {
      cache.put("old-" + i, new byte[10], Duration.ofSeconds(10));
    }
    ticker.advance(Duration.ofSeconds(30));
    cache.get("other");
    assertEquals(10, cache.size(), "expired but not yet swept");
  }

  @Test
  void deadlinesHoldWhenTheTickerWrapsAround() {
    // Ten seconds before the ticker wraps: the deadline lies past the wrap, the first read before it.
    ManualTicker nearTheEnd = new ManualTicker(Long.MAX_VALUE - Duration.ofSeconds(10).toNanos());
    InMemoryCache cache = InMemoryCache.builder().ticker(nearTheEnd).build();
    cache.put("k", new byte[] {1}, MINUTE);
    nearTheEnd.advance(Duration.ofSeconds(5));
    assertTrue(cache.get("k").isPresent(), "5 s of a minute have passed");
    nearTheEnd.advance(Duration.ofSeconds(55));
    assertTrue(cache.get("k").isEmpty(), "the whole minute has passed");
  }

  @Test
  void aLongestTtlIsCutToAHundredYears() {
    InMemoryCache cache = InMemoryCache.builder().ticker(ticker).build();
    cache.put("k", new byte[] {1}, Duration.ofSeconds(Long.MAX_VALUE));
    ticker.advance(InMemoryCache.MAX_TTL.minusSeconds(1));
    assertTrue(cache.get("k").isPresent());
    ticker.advance(Duration.ofSeconds(1));
    assertTrue(cache.get("k").isEmpty());
  }

  @Test
  void maxBytesMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InMemoryCache.builder().maxBytes(0));
    assertTrue(e.getMessage().contains("maxBytes"), e.getMessage());
  }

  @Test
  void sweepIntervalMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InMemoryCache.builder().sweepInterval(Duration.ZERO));
    assertTrue(e.getMessage().contains("sweepInterval"), e.getMessage());
  }

  @Test
  void tickerMustNotBeNull() {
    assertThrows(NullPointerException.class, () -> InMemoryCache.builder().ticker(null));
  }

  @Test
  void ttlErrorSaysWhatWasWrong() {
    InMemoryCache cache = InMemoryCache.create();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cache.put("k", new byte[0], Duration.ofSeconds(-5)));
    assertEquals("ttl must be positive, got: PT-5S", e.getMessage());
  }

  @Test
  void createUsesTheDefaultBound() {
    assertEquals(64L * 1024 * 1024, InMemoryCache.create().maxBytes());
  }
}
