package dev.contentcreator.embedded.queue;

import dev.contentcreator.embedded.sqlite.Migrator;
import dev.contentcreator.embedded.sqlite.SqliteStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One connection of the queue to the SQLite file, used by one thread at a time. Writes run in
 * {@code BEGIN IMMEDIATE} transactions, so a claim by one process and a claim by another never
 * interleave; the busy timeout makes a writer wait for another connection's transaction.
 */
final class QueueDatabase implements AutoCloseable {
  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock(true);
  private volatile boolean closed;

  QueueDatabase(Path file, Duration busyTimeout) {
    this.file = file;
    createParent(file);
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
      config.enforceForeignKeys(true);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      this.connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    } catch (SQLException e) {
      throw new SqliteStoreException("cannot open the queue in " + file + ": " + e.getMessage(), e);
    }
    try {
      Migrator.migrate(connection, QueueMigrations.TABLE, QueueMigrations.ALL);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof SQLException s
          ? new SqliteStoreException("cannot migrate the queue schema in " + file + ": " + s.getMessage(), s)
          : (RuntimeException) e;
    }
  }

  Path file() {
    return file;
  }

  boolean isClosed() {
    return closed;
  }

  /** Runs {@code work} in one write transaction; {@code what} names it in errors. */
  <T> T write(String what, Work<T> work) {
    lock.lock();
    try {
      requireOpen();
      execute("BEGIN IMMEDIATE", what);
      try {
        T result = work.run(connection);
        execute("COMMIT", what);
        return result;
      } catch (SQLException e) {
        rollback(e);
        throw new SqliteStoreException(what + " failed on " + file + ": " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        rollback(e);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} outside a transaction (one statement sees one snapshot). */
  <T> T read(String what, Work<T> work) {
    lock.lock();
    try {
      requireOpen();
      return work.run(connection);
    } catch (SQLException e) {
      throw new SqliteStoreException(what + " failed on " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next moment work of {@code table} becomes due or a lease in it runs out, or
   * {@link Long#MAX_VALUE} when there is none: when the dispatcher should look again.
   */
  long nextWakeAt(String table, long now) {
    return read("find the next due row of " + table, c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT min(t) FROM ("
          + " SELECT min(due_at) AS t FROM " + table + " WHERE state = 'pending' AND due_at > ?"
          + " UNION ALL SELECT min(lease_until) FROM " + table + " WHERE state = 'running' AND lease_until > ?)")) {
        select.setLong(1, now);
        select.setLong(2, now);
        try (ResultSet rows = select.executeQuery()) {
          long next = rows.next() ? rows.getLong(1) : 0;
          return rows.wasNull() ? Long.MAX_VALUE : next;
        }
      }
    });
  }

  /** Extends to {@code until} the leases of {@code owner}'s running rows of {@code table}. */
  int renewLeases(String table, String owner, long until) {
    return write("renew leases in " + table, c -> {
      try (PreparedStatement renew = c.prepareStatement("UPDATE " + table + " SET lease_until = ?"
          + " WHERE state = 'running' AND lease_owner = ?")) {
        renew.setLong(1, until);
        renew.setString(2, owner);
        return renew.executeUpdate();
      }
    });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connection.close();
    } catch (SQLException e) {
      throw new SqliteStoreException("closing the queue connection to " + file + " failed", e);
    } finally {
      lock.unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the queue on " + file + " is closed");
    }
  }

  private void execute(String sql, String what) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SqliteStoreException(what + ": " + sql + " failed on " + file + ": " + e.getMessage(), e);
    }
  }

  private void rollback(Throwable cause) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void createParent(Path path) {
    Path parent = path.getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the folder " + parent, e);
      }
    }
  }

  /** Work on the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
