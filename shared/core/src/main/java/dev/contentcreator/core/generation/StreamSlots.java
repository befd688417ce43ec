package dev.contentcreator.core.generation;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.Cache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The open streams of each person, at most {@code capacity} at once. A person has {@code capacity}
 * numbered slots in the cache ({@code streams:<uid>:<n>}); opening a stream claims a free one with
 * an atomic set-if-absent (Redis {@code SET NX PX} when instances share Redis, so the cap holds
 * across instances), and closing it frees it. A claim expires by itself after {@code lease}, a
 * little longer than a stream may last, so a crashed instance frees its slots within that time.
 * Each instance also counts its own streams in memory, with the same expiry (a stream whose body
 * never ran, because its client left before the headers went out, frees its slot that way): if the
 * cache fails, the cap still holds per instance (at most capacity x instances), and streams are not
 * refused for the cache's sake. Thread-safe.
 */
public final class StreamSlots {
  private final Supplier<Cache> cache;
  private final int capacity;
  private final Duration lease;
  private final LongSupplier nanoTime;
  /** This instance's claims: for each person, when each of them expires (System.nanoTime). */
  private final Map<String, List<long[]>> local = new HashMap<>();

  /** One claimed slot; closing it frees the slot (once). */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  public StreamSlots(Supplier<Cache> cache, int capacity, Duration lease, LongSupplier nanoTime) {
    this.cache = Objects.requireNonNull(cache, "cache");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got: " + capacity);
    }
    this.capacity = capacity;
    this.lease = Objects.requireNonNull(lease, "lease");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** Claims a slot of {@code uid}'s, or empty when all are taken. */
  public Optional<Slot> claim(String uid) {
    long[] mine = {nanoTime.getAsLong() + lease.toNanos()};
    synchronized (local) {
      List<long[]> claims = local.computeIfAbsent(uid, k -> new ArrayList<>());
      long now = nanoTime.getAsLong();
      claims.removeIf(c -> now - c[0] >= 0);
      if (claims.size() >= capacity) {
        return Optional.empty();
      }
      claims.add(mine);
    }
    byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    String claimed = null;
    try {
      Cache c = cache.get();
      for (int n = 0; n < capacity && claimed == null; n++) {
        String key = "streams:" + uid + ":" + n;
        if (c.putIfAbsent(key, token, lease)) {
          claimed = key;
        }
      }
      if (claimed == null) {
        release(uid, mine);
        return Optional.empty();
      }
    } catch (RuntimeException e) {
      Log.warning("stream slots: the cache failed, counting this instance's streams only", e);
    }
    String key = claimed;
    boolean[] closed = new boolean[1];
    return Optional.of(() -> {
      synchronized (closed) {
        if (closed[0]) {
          return;
        }
        closed[0] = true;
      }
      release(uid, mine);
      if (key != null) {
        free(key, token);
      }
    });
  }

  private void free(String key, byte[] token) {
    try {
      Cache c = cache.get();
      // Only our own claim: after its lease ran out the slot may be someone else's.
      if (c.get(key).map(v -> Arrays.equals(v, token)).orElse(false)) {
        c.delete(key);
      }
    } catch (RuntimeException e) {
      Log.warning("stream slots: could not free " + key + ", it expires by itself", e);
    }
  }

  private void release(String uid, long[] claim) {
    synchronized (local) {
      List<long[]> claims = local.get(uid);
      if (claims != null) {
        claims.remove(claim);
        if (claims.isEmpty()) {
          local.remove(uid);
        }
      }
    }
  }
}
