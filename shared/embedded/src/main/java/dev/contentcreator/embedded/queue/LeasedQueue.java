package dev.contentcreator.embedded.queue;

import dev.contentcreator.embedded.sqlite.SqliteFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What the task queue and the event bus share around their {@link LeasedRows}: the SQLite file,
 * the dispatcher that runs claimed rows, and their start and close. Each subclass says only what its
 * semantics make different: how due rows are claimed, what a failed attempt means, and what
 * housekeeping removes.
 */
abstract class LeasedQueue implements AutoCloseable {
  final DispatchSettings settings;
  final Clock clock;
  final SqliteFile database;
  final LeasedRows rows;
  private final Dispatcher dispatcher;

  LeasedQueue(DispatchSettings settings, LeasedRows.Shape shape, String threadName) {
    this.settings = settings;
    this.clock = settings.clock();
    this.database = SqliteFile.open(settings.file(), "queue", settings.busyTimeout(), 2);
    // The callbacks run only once the dispatcher starts, after the subclass is constructed.
    this.rows = new LeasedRows(database, shape, settings, this::recordFailure, this::claimDue, this::purgeExpired);
    this.dispatcher = new Dispatcher(threadName, rows, clock, settings);
  }

  /** Picks due rows whose handler runs here, up to {@code capacity}, and leases them; in the claim's transaction. */
  abstract List<Dispatcher.Job> claimDue(Connection c, long now, int capacity) throws SQLException;

  /** Records a failed attempt under this queue's rules, while the lease is still ours. */
  abstract void recordFailure(Connection c, LeasedRows.Lease lease, long failedAt, String error, Duration notBefore)
      throws SQLException;

  /** Removes finished work older than the retention window; the dispatcher calls it every minute. */
  public abstract int purgeExpired();

  /** The database file. */
  public Path file() {
    return settings.file();
  }

  /** Starts dispatching due work to the registered handlers. A second call does nothing. */
  public void start() {
    dispatcher.start();
  }

  /** Makes the dispatcher look for due work now (after new work is added, or a test moves its clock). */
  void wake() {
    dispatcher.wake();
  }

  /**
   * Stops taking work, waits up to the shutdown timeout for running handlers, and closes the file.
   * Work still running after that keeps its lease, which expires, so it runs again.
   */
  @Override
  public void close() {
    if (database.isClosed()) {
      return;
    }
    dispatcher.close();
    database.close();
  }
}
