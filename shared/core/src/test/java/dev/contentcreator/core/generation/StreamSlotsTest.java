package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.Cache;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamSlotsTest {
  private final AtomicLong now = new AtomicLong();
  private final MapCache shared = new MapCache();

  /** A cache shared by instances, keeping values until their time to live passes on {@link #now}. */
  private final class MapCache implements Cache {
    final Map<String, byte[]> values = new HashMap<>();
    final Map<String, Long> expiries = new HashMap<>();
    boolean failing;

    private void expire(String key) {
      if (failing) {
        throw new IllegalStateException("cache down");
      }
      Long at = expiries.get(key);
      if (at != null && now.get() >= at) {
        values.remove(key);
        expiries.remove(key);
      }
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
      expire(key);
      return Optional.ofNullable(values.get(key));
    }

    @Override
    public synchronized void put(String key, byte[] value, Duration ttl) {
      expire(key);
      values.put(key, value);
      expiries.put(key, now.get() + ttl.toNanos());
    }

    @Override
    public synchronized boolean putIfAbsent(String key, byte[] value, Duration ttl) {
      expire(key);
      if (values.containsKey(key)) {
        return false;
      }
      put(key, value, ttl);
      return true;
    }

    @Override
    public synchronized void delete(String key) {
      expire(key);
      values.remove(key);
      expiries.remove(key);
    }
  }

  private StreamSlots instance() {
    return new StreamSlots(() -> shared, 2, Duration.ofSeconds(65), now::get);
  }

  @Test
  void thePerPersonCapHoldsAcrossInstancesThatShareTheCache() {
    StreamSlots a = instance();
    StreamSlots b = instance();
    assertTrue(a.claim("ann").isPresent());
    assertTrue(b.claim("ann").isPresent());
    assertFalse(a.claim("ann").isPresent(), "a third stream, on either instance");
    assertFalse(b.claim("ann").isPresent());
    assertTrue(b.claim("bob").isPresent(), "someone else is not held up");
  }

  @Test
  void closingASlotFreesItOnce() {
    StreamSlots a = instance();
    StreamSlots.Slot first = a.claim("ann").orElseThrow();
    a.claim("ann").orElseThrow();
    first.close();
    first.close();
    assertTrue(a.claim("ann").isPresent());
    assertFalse(a.claim("ann").isPresent(), "closing twice freed one slot, not two");
  }

  @Test
  void slotsThatAreNeverClosedExpireAfterTheirLease() {
    StreamSlots a = instance();
    a.claim("ann").orElseThrow();
    a.claim("ann").orElseThrow();
    now.addAndGet(Duration.ofSeconds(65).toNanos());
    assertTrue(a.claim("ann").isPresent());
  }

  @Test
  void whenTheCacheFailsEachInstanceStillCapsItsOwnStreams() {
    StreamSlots a = instance();
    shared.failing = true;
    StreamSlots.Slot one = a.claim("ann").orElseThrow();
    a.claim("ann").orElseThrow();
    assertFalse(a.claim("ann").isPresent());
    one.close();
    assertEquals(true, a.claim("ann").isPresent());
  }
}
