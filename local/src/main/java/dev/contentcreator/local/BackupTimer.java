package dev.contentcreator.local;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.embedded.backup.BackupService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link BackupService} every interval while the local server runs, the first time one
 * interval after it starts. A failed backup is reported and the next one still runs.
 */
final class BackupTimer implements AutoCloseable {
  /** Runs a task every period, first after one period; closing the handle stops it. */
  @FunctionalInterface
  interface Scheduler {
    AutoCloseable every(Duration period, Runnable task);
  }

  private final BackupService service;
  private final Duration interval;
  private final Scheduler scheduler;
  private AutoCloseable running;

  BackupTimer(BackupService service, Duration interval, Scheduler scheduler) {
    this.service = Objects.requireNonNull(service, "service");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the backup interval must be positive, got: " + interval);
    }
  }

  /** A scheduler on one daemon thread, shut down when its handle closes. */
  static Scheduler daemonThread() {
    return (period, task) -> {
      ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "backup");
        thread.setDaemon(true);
        return thread;
      });
      long millis = period.toMillis();
      executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
      return executor::shutdownNow;
    };
  }

  synchronized void start() {
    if (running != null) {
      throw new IllegalStateException("the backup timer is already started");
    }
    running = scheduler.every(interval, this::runOnce);
  }

  /** Takes one backup, logging the outcome; never throws. */
  void runOnce() {
    try {
      Log.info("backup written to " + service.backup());
    } catch (Exception e) {
      Log.error("the scheduled backup of " + service.layout().dataDir() + " failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (running != null) {
      try {
        running.close();
      } catch (Exception e) {
        Log.warning("stopping the backup timer failed", e);
      }
      running = null;
    }
  }
}
