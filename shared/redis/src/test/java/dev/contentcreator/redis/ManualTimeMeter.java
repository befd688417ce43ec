package dev.contentcreator.redis;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock that starts at the real time and then moves only when a test says so. */
final class ManualTimeMeter implements TimeMeter {
  private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Override
  public long currentTimeNanos() {
    return nanos.get();
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
