package dev.contentcreator.ai.guard;

import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs everything at once on its own threads and writes down each wait it was asked for. */
final class RecordingScheduler implements Scheduler, AutoCloseable {
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "recording-scheduler");
    t.setDaemon(true);
    return t;
  });
  private final Scheduler now = Scheduler.of(pool);
  private final List<Duration> delays = new CopyOnWriteArrayList<>();

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    if (delay > 0) {
      delays.add(Duration.ofNanos(unit.toNanos(delay)));
    }
    return now.schedule(callable, 0, TimeUnit.NANOSECONDS);
  }

  /** The waits asked for, in order. */
  List<Duration> delays() {
    return List.copyOf(delays);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
