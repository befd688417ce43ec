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
 * under a lock and always inside {@code BEGIN IMMEDIATE}, so writers in this process and in others
 * never interleave; and a pool of read-only connections for reads outside transactions, which run
 * concurrently. Opening it creates the file and its folder if needed and brings the whole schema
 * (documents and queues) up to date through {@link Migrator#migrateAll}. Closing waits for running
 * calls. Thread-safe.
 *
 * <p>The write lock is the file's, shared by every adapter of this process that has it open
 * (documents, tasks and events each open it): their writers wait their turn in the lock rather than
 * in SQLite's busy handler, which sleeps 5 to 100 ms at a time and held a generation run's items up
 * for 45 ms each. The lock is not fair: a fair lock hands over to a parked thread on every release,
 * and with 32 writers on two cores each handover waited for a thread to wake.
 */
public final class SqliteFile implements AutoCloseable {
  private final Path path;
  private final String label;
  private final Duration busyTimeout;
  private final Connection writer;
  private final Path lockKey;
  private final ReentrantLock writeLock;
  private final List<Connection> readers = new ArrayList<>();
  private final BlockingQueue<Connection> idleReaders;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private SqliteFile(Path path, String label, Duration busyTimeout, int readConnections) throws SQLException {
    this.path = path;
    this.label = label;
    this.busyTimeout = busyTimeout;
    this.lockKey = path.toAbsolutePath().normalize();
    this.writeLock = WriteLocks.take(lockKey);
    Connection opened;
    try {
      opened = connect(path, busyTimeout, false);
    } catch (SQLException | RuntimeException e) {
      WriteLocks.give(lockKey);
      throw e;
    }
    this.writer = opened;
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
      WriteLocks.give(lockKey);
      throw e;
    }
  }

  /** How many open adapters of this process share {@code path}'s write lock (for tests). */
  static int writeLockUsers(Path path) {
    return WriteLocks.users(path.toAbsolutePath().normalize());
  }

  /** Whether this file's write lock is the same as {@code other}'s (for tests). */
  boolean sharesWriteLockWith(SqliteFile other) {
    return writeLock == other.writeLock;
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
      WriteLocks.give(lockKey);
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

  /** The write lock of each file this process has open, kept while any adapter holds it open. */
  private static final class WriteLocks {
    private record Shared(ReentrantLock lock, int users) {}

    private static final java.util.Map<Path, Shared> BY_FILE = new java.util.HashMap<>();

    static synchronized ReentrantLock take(Path file) {
      Shared shared = BY_FILE.get(file);
      Shared taken = shared == null ? new Shared(new ReentrantLock(), 1) : new Shared(shared.lock(), shared.users() + 1);
      BY_FILE.put(file, taken);
      return taken.lock();
    }

    static synchronized void give(Path file) {
      Shared shared = BY_FILE.get(file);
      if (shared == null) {
        return;
      }
      if (shared.users() == 1) {
        BY_FILE.remove(file);
      } else {
        BY_FILE.put(file, new Shared(shared.lock(), shared.users() - 1));
      }
    }

    static synchronized int users(Path file) {
      Shared shared = BY_FILE.get(file);
      return shared == null ? 0 : shared.users();
    }
  }
}
