package dev.contentcreator.embedded.cache;

import dev.contentcreator.core.ports.Cache;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The cache of one process: entries in a map ordered by last use, bounded by an estimate of the
 * bytes they take.
 *
 * <p><b>Memory.</b> Each entry is reckoned at its value's length, two bytes per key character and
 * {@value #ENTRY_OVERHEAD} bytes for the objects that hold it. When a write takes the total past
 * {@code maxBytes}, the least recently used entries go first (a read or a write is a use). A value
 * too large for the whole cache is treated as stored and dropped at once: {@code put} still
 * removes the old value, and {@code putIfAbsent} still answers {@code true}, as the port lets any
 * entry go early.
 *
 * <p><b>Expiry.</b> An entry is gone once its TTL has passed: a read or {@code putIfAbsent} that
 * meets it drops it, and every call checks whether a sweep is due (once per sweep interval) and
 * then drops every expired entry, so entries nobody reads again do not stay. No thread of its own
 * runs. TTLs above {@link #MAX_TTL} are cut to it.
 *
 * <p><b>Time.</b> A nanosecond ticker with an arbitrary origin, {@link System#nanoTime()} by
 * default, so wall-clock jumps move no deadline; tests pass one they move by hand.
 *
 * <p>Thread-safe: one lock guards the map; values are copied in and out outside it.
 */
public final class InMemoryCache implements Cache {
  /** 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
  /** Bytes an entry is reckoned to take besides its key and value. */
  static final int ENTRY_OVERHEAD = 96;
  /** The longest TTL kept; longer ones are cut to it, so deadlines stay far from overflow. */
  static final Duration MAX_TTL = Duration.ofDays(100L * 365);

  private final LongSupplier ticker;
  private final long maxBytes;
  private final long sweepIntervalNanos;
  // Access order: iteration starts at the least recently used entry. Guarded by itself.
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private long nextSweepNanos;

  private InMemoryCache(Builder builder) {
    this.ticker = builder.ticker;
    this.maxBytes = builder.maxBytes;
    this.sweepIntervalNanos = builder.sweepInterval.toNanos();
    this.nextSweepNanos = ticker.getAsLong() + sweepIntervalNanos;
  }

  /** A cache of {@link #DEFAULT_MAX_BYTES} on the system's monotonic clock. */
  public static InMemoryCache create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<byte[]> get(String key) {
    checkKey(key);
    byte[] value;
    synchronized (entries) {
      long now = ticker.getAsLong();
      sweepIfDue(now);
      Entry entry = entries.get(key);
      if (entry == null) {
        return Optional.empty();
      }
      if (entry.expiredAt(now)) {
        remove(key);
        return Optional.empty();
      }
      value = entry.value;
    }
    return Optional.of(value.clone());
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    checkKey(key);
    Objects.requireNonNull(value, "value");
    long ttlNanos = ttlNanos(ttl);
    byte[] copy = value.clone();
    synchronized (entries) {
      long now = ticker.getAsLong();
      sweepIfDue(now);
      remove(key);
      store(key, copy, now + ttlNanos);
    }
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    checkKey(key);
    Objects.requireNonNull(value, "value");
    long ttlNanos = ttlNanos(ttl);
    byte[] copy = value.clone();
    synchronized (entries) {
      long now = ticker.getAsLong();
      sweepIfDue(now);
      Entry entry = entries.get(key);
      if (entry != null) {
        if (!entry.expiredAt(now)) {
          return false;
        }
        remove(key);
      }
      store(key, copy, now + ttlNanos);
      return true;
    }
  }

  @Override
  public void delete(String key) {
    checkKey(key);
    synchronized (entries) {
      sweepIfDue(ticker.getAsLong());
      remove(key);
    }
  }

  /** How many entries are held now, expired ones not yet dropped included. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** The reckoned bytes of the entries held now. */
  long bytes() {
    synchronized (entries) {
      return bytes;
    }
  }

  long maxBytes() {
    return maxBytes;
  }

  /** The bytes an entry of this key and value is reckoned to take. */
  static long weight(String key, byte[] value) {
    return ENTRY_OVERHEAD + 2L * key.length() + value.length;
  }

  // Callers hold the lock of entries.
  private void store(String key, byte[] value, long deadlineNanos) {
    long weight = weight(key, value);
    if (weight > maxBytes) {
      return;
    }
    entries.put(key, new Entry(value, deadlineNanos, weight));
    bytes += weight;
    Iterator<Entry> eldestFirst = entries.values().iterator();
    while (bytes > maxBytes) {
      // The new entry is the most recent and fits alone, so it is never reached here.
      bytes -= eldestFirst.next().weight;
      eldestFirst.remove();
    }
  }

  // Callers hold the lock of entries.
  private void remove(String key) {
    Entry old = entries.remove(key);
    if (old != null) {
      bytes -= old.weight;
    }
  }

  // Callers hold the lock of entries.
  private void sweepIfDue(long now) {
    if (now - nextSweepNanos < 0) {
      return;
    }
    for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
      Entry entry = it.next().getValue();
      if (entry.expiredAt(now)) {
        bytes -= entry.weight;
        it.remove();
      }
    }
    nextSweepNanos = now + sweepIntervalNanos;
  }

  private static void checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
  }

  private static long ttlNanos(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got: " + ttl);
    }
    return (ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl).toNanos();
  }

  private static final class Entry {
    final byte[] value;
    final long deadlineNanos;
    final long weight;

    Entry(byte[] value, long deadlineNanos, long weight) {
      this.value = value;
      this.deadlineNanos = deadlineNanos;
      this.weight = weight;
    }

    boolean expiredAt(long now) {
      // Compared by difference, so a ticker that wraps around past Long.MAX_VALUE is fine.
      return now - deadlineNanos >= 0;
    }
  }

  /** Settings of an {@link InMemoryCache}. */
  public static final class Builder {
    private LongSupplier ticker = System::nanoTime;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;

    private Builder() {}

    /** Nanoseconds from an arbitrary origin, like {@link System#nanoTime()} (the default). */
    public Builder ticker(LongSupplier ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The most bytes the entries may be reckoned to take; {@link #DEFAULT_MAX_BYTES} by default. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBytes must be at least 1, got: " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** How often expired entries are swept out; one minute by default. */
    public Builder sweepInterval(Duration sweepInterval) {
      Objects.requireNonNull(sweepInterval, "sweepInterval");
      if (sweepInterval.isNegative() || sweepInterval.isZero()) {
        throw new IllegalArgumentException("sweepInterval must be positive, got: " + sweepInterval);
      }
      if (sweepInterval.compareTo(MAX_TTL) > 0) {
        throw new IllegalArgumentException("sweepInterval must be at most " + MAX_TTL + ", got: " + sweepInterval);
      }
      this.sweepInterval = sweepInterval;
      return this;
    }

    public InMemoryCache build() {
      return new InMemoryCache(this);
    }
  }
}
