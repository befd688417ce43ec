package dev.contentcreator.embedded.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The connections of one adapter to the one SQLite file that holds documents and queues: one write
 * connection (WAL mode, {@code synchronous=NORMAL}, foreign keys on), used by one thread at a time
 * under a fair lock and always inside {@code BEGIN IMMEDIATE}, so writers in this process and in
 * others never interleave; and a pool of read-only connections for reads outside transactions,
 * which run concurrently. Opening it creates the file and its folder if needed and brings the whole
 * schema (documents and queues) up to date through {@link Migrator#migrateAll}. Closing waits for
 * running calls. Thread-safe.
 */
public final class SqliteFile implements AutoCloseable {
  private final Path path;
  private final String label;
  private final Duration busyTimeout;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final List<Connection> readers = new ArrayList<>();
  private final BlockingQueue<Connection> idleReaders;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private SqliteFile(Path path, String label, Duration busyTimeout, int readConnections) throws SQLException {
    this.path = path;
    this.label = label;
    this.busyTimeout = busyTimeout;
    this.writer = connect(path, busyTimeout, false);
    this.idleReaders = new ArrayBlockingQueue<>(readConnections);
    try {
      Migrator.migrateAll(writer);
      for (int i = 0; i < readConnections; i++) {
        Connection reader = connect(path, busyTimeout, true);
        readers.add(reader);
        idleReaders.add(reader);
      }
    } catch (SQLException | RuntimeException e) {
      closeAll(e);
      throw e;
    }
  }

  /**
   * Opens {@code path} for the adapter {@code label} names in errors ("document store", "queue")
   * with {@code readConnections} read-only connections (1 to 64).
   *
   * @throws SqliteStoreException when the file cannot be opened or its schema migrated
   */
  public static SqliteFile open(Path path, String label, Duration busyTimeout, int readConnections) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(busyTimeout, "busyTimeout");
    if (readConnections < 1 || readConnections > 64) {
      throw new IllegalArgumentException("readConnections must be within 1..64, got: " + readConnections);
    }
    createParent(path);
    try {
      return new SqliteFile(path, label, busyTimeout, readConnections);
    } catch (SQLException e) {
      throw new SqliteStoreException("cannot open the " + label + " in " + path + ": " + e.getMessage(), e);
    }
  }

  /** The database file. */
  public Path path() {
    return path;
  }

  /** Whether {@link #close()} has run. */
  public boolean isClosed() {
    lifecycle.readLock().lock();
    try {
      return closed;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Whether this thread is inside {@link #write} now (a second write would deadlock on itself). */
  public boolean writingOnThisThread() {
    return writeLock.isHeldByCurrentThread();
  }

  /**
   * Runs {@code work} on the write connection in one {@code BEGIN IMMEDIATE} transaction, committed
   * when it returns and rolled back when it throws; {@code what} names it in errors.
   */
  public <T> T write(String what, Work<T> work) {
    lifecycle.readLock().lock();
    try {
      requireOpen();
      writeLock.lock();
      try {
        execute("BEGIN IMMEDIATE", what);
        try {
          T result = work.run(writer);
          execute("COMMIT", what);
          return result;
        } catch (SQLException e) {
          rollback(e);
          throw new SqliteStoreException(what + " failed on " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
          rollback(e);
          throw e;
        }
      } finally {
        writeLock.unlock();
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Runs {@code work} on a read-only connection outside a transaction (one statement, one snapshot). */
  public <T> T read(String what, Work<T> work) {
    lifecycle.readLock().lock();
    try {
      requireOpen();
      Connection reader = borrowReader();
      try {
        return work.run(reader);
      } catch (SQLException e) {
        throw new SqliteStoreException(what + " failed on " + path + ": " + e.getMessage(), e);
      } finally {
        idleReaders.add(reader);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * Writes a consistent copy of the database to {@code target}, which must not exist yet, while the
   * file stays in use ({@code VACUUM INTO} on a connection of its own).
   */
  public void backupTo(Path target) {
    Path destination = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    if (Files.exists(destination)) {
      throw new IllegalArgumentException("backup target already exists: " + destination);
    }
    lifecycle.readLock().lock();
    try {
      requireOpen();
      createParent(destination);
      try (Connection connection = connect(path, busyTimeout, false);
          PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, destination.toString());
        vacuum.execute();
      } catch (SQLException e) {
        throw new SqliteStoreException("backup of " + path + " to " + destination + " failed", e);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Waits for running calls to finish, then closes every connection. Later calls fail; a second close does nothing. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      SqliteStoreException failure = new SqliteStoreException("closing the " + label + " on " + path + " failed");
      closeAll(failure);
      if (failure.getSuppressed().length > 0) {
        throw failure;
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the " + label + " on " + path + " is closed");
    }
  }

  private Connection borrowReader() {
    try {
      return idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a read connection", e);
    }
  }

  private void execute(String sql, String what) {
    try (PreparedStatement statement = Statements.prepare(writer, sql)) {
      statement.execute();
    } catch (SQLException e) {
      throw new SqliteStoreException(what + ": " + sql + " failed on " + path + ": " + e.getMessage(), e);
    }
  }

  /** Rolls back; a failed COMMIT may have ended the transaction already, so failures only annotate. */
  private void rollback(Throwable cause) {
    try (Statement statement = writer.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void closeAll(Exception failure) {
    List<Connection> all = new ArrayList<>(readers);
    all.add(writer);
    for (Connection connection : all) {
      Statements.forget(connection);
      try {
        connection.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static Connection connect(Path file, Duration busyTimeout, boolean readOnly) throws SQLException {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.enforceForeignKeys(true);
    config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
    if (!readOnly) {
      config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
    }
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    if (readOnly) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA query_only = ON");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }
    return connection;
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

  /** Work on a connection of the file. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
