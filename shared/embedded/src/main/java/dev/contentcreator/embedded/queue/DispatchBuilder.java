package dev.contentcreator.embedded.queue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings the task queue and the event bus share, for their builders; each setter checks its
 * argument.
 *
 * @param <T> what is built
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class DispatchBuilder<T, B extends DispatchBuilder<T, B>> {
  private final DispatchSettings.Builder settings;

  DispatchBuilder(Path file) {
    this.settings = new DispatchSettings.Builder(file);
  }

  abstract B self();

  /** Opens the file, creating it and its folder if needed, and migrates the queue's tables. */
  public abstract T build();

  DispatchSettings settings() {
    return settings.build();
  }

  /** The clock of schedules, backoffs, leases and retention; default the system clock. */
  public B clock(Clock clock) {
    settings.clock(clock);
    return self();
  }

  /** How many tasks (or deliveries) this process runs at once; 1 to 1000, default 8. */
  public B workers(int workers) {
    settings.workers(workers);
    return self();
  }

  /** The longest the dispatcher sleeps before looking for work again; default 1 s. */
  public B pollInterval(Duration interval) {
    settings.pollInterval(interval);
    return self();
  }

  /** How long a lease lasts without renewal, so how soon a dead process's work runs again; default 30 s. */
  public B leaseDuration(Duration lease) {
    settings.leaseDuration(lease);
    return self();
  }

  /** How long finished work is kept (a finished task's name stays taken that long); default 1 h. */
  public B retention(Duration retention) {
    settings.retention(retention);
    return self();
  }

  /** How long closing waits for running handlers; default 30 s. */
  public B shutdownTimeout(Duration timeout) {
    settings.shutdownTimeout(timeout);
    return self();
  }

  /** How long a write waits for another connection's transaction; default 5 s. */
  public B busyTimeout(Duration timeout) {
    settings.busyTimeout(timeout);
    return self();
  }

  /**
   * Takes the dispatch settings every local queue reads from the catalog: {@code QUEUE_WORKERS},
   * {@code QUEUE_POLL_INTERVAL}, {@code QUEUE_LEASE}, {@code QUEUE_RETENTION},
   * {@code QUEUE_SHUTDOWN_TIMEOUT} and {@code SQLITE_BUSY_TIMEOUT}.
   */
  public B configure(Config config) {
    return workers(config.get(Settings.QUEUE_WORKERS))
        .pollInterval(config.get(Settings.QUEUE_POLL_INTERVAL))
        .leaseDuration(config.get(Settings.QUEUE_LEASE))
        .retention(config.get(Settings.QUEUE_RETENTION))
        .shutdownTimeout(config.get(Settings.QUEUE_SHUTDOWN_TIMEOUT))
        .busyTimeout(config.get(Settings.SQLITE_BUSY_TIMEOUT));
  }
}
