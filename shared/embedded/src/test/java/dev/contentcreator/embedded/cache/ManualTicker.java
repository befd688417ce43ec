package dev.contentcreator.embedded.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond ticker that moves only when a test says so. */
final class ManualTicker implements LongSupplier {
  private final AtomicLong nanos;

  ManualTicker(long start) {
    this.nanos = new AtomicLong(start);
  }

  ManualTicker() {
    this(1_000_000_000L);
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Override
  public long getAsLong() {
    return nanos.get();
  }
}
