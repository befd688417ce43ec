package dev.contentcreator.embedded.sqlite;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
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
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sqlite.SQLiteConfig;

/**
 * The documents port on one SQLite file: a table of JSON documents keyed by (collection, id).
 *
 * <p>One write connection, guarded by a lock, runs every write and every transaction with
 * {@code BEGIN IMMEDIATE}; transactions also read through it, so they see one snapshot and never
 * lose an update. Reads outside transactions use a small pool of read-only connections and run
 * concurrently (WAL mode). The schema is brought up to date when the store opens. Thread-safe.
 */
public final class SqliteDocumentStore implements DocumentStore {
  private final Path file;
  private final Duration busyTimeout;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final List<Connection> readers;
  private final BlockingQueue<Connection> idleReaders;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private SqliteDocumentStore(Builder builder) throws SQLException {
    this.file = builder.file;
    this.busyTimeout = builder.busyTimeout;
    this.writer = connect(file, busyTimeout, false);
    this.readers = new ArrayList<>();
    this.idleReaders = new ArrayBlockingQueue<>(builder.readConnections);
    try {
      Migrator.migrate(writer, Migrations.ALL);
      for (int i = 0; i < builder.readConnections; i++) {
        Connection reader = connect(file, busyTimeout, true);
        readers.add(reader);
        idleReaders.add(reader);
      }
    } catch (SQLException | RuntimeException e) {
      closeAll(e);
      throw e;
    }
  }

  /** Opens (creating if needed) the store in {@code file} with the default settings. */
  public static SqliteDocumentStore open(Path file) {
    return builder(file).build();
  }

  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<Document> get(String collection, String id) {
    return read("get " + collection + "/" + id, c -> DocumentSql.get(c, collection, id));
  }

  @Override
  public Page query(Query query) {
    Objects.requireNonNull(query, "query");
    return read("query " + query.collection(), c -> DocumentSql.query(c, query));
  }

  @Override
  public <T> T transaction(TransactionWork<T> work) {
    Objects.requireNonNull(work, "work");
    if (writeLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("transactions cannot be nested: this thread is already in one");
    }
    lifecycle.readLock().lock();
    try {
      requireOpen();
      writeLock.lock();
      try {
        return runTransaction(work);
      } finally {
        writeLock.unlock();
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * Writes a consistent copy of the database to {@code target}, which must not exist yet, while the
   * store stays in use ({@code VACUUM INTO} on a connection of its own).
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
      try (Connection connection = connect(file, busyTimeout, false);
          PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, destination.toString());
        vacuum.execute();
      } catch (SQLException e) {
        throw new SqliteStoreException("backup of " + file + " to " + destination + " failed", e);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Waits for running calls to finish, then closes every connection. Later calls fail. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      SqliteStoreException failure = new SqliteStoreException("closing " + file + " failed");
      closeAll(failure);
      if (failure.getSuppressed().length > 0) {
        throw failure;
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private <T> T runTransaction(TransactionWork<T> work) {
    execute(writer, "BEGIN IMMEDIATE", "begin a transaction");
    SqliteTransaction tx = new SqliteTransaction();
    try {
      T result = work.run(tx);
      tx.end();
      execute(writer, "COMMIT", "commit a transaction");
      return result;
    } catch (RuntimeException | Error e) {
      tx.end();
      rollback(e);
      throw e;
    }
  }

  /** Rolls back; a failed COMMIT may have ended the transaction already, so failures only annotate. */
  private void rollback(Throwable cause) {
    try {
      execute(writer, "ROLLBACK", "roll back a transaction");
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private <T> T read(String what, SqlWork<T> work) {
    lifecycle.readLock().lock();
    try {
      requireOpen();
      Connection reader = borrowReader();
      try {
        return work.run(reader);
      } catch (SQLException e) {
        throw new SqliteStoreException(what + " failed on " + file, e);
      } finally {
        idleReaders.add(reader);
      }
    } finally {
      lifecycle.readLock().unlock();
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

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the document store on " + file + " is closed");
    }
  }

  private void closeAll(Exception failure) {
    List<Connection> all = new ArrayList<>(readers);
    all.add(writer);
    for (Connection connection : all) {
      try {
        connection.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void execute(Connection connection, String sql, String what) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SqliteStoreException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path file, Duration busyTimeout, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.enforceForeignKeys(true);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    if (!readOnly) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
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

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A transaction on the write connection; valid only while its body runs. */
  private final class SqliteTransaction implements Transaction {
    private boolean wrote;
    private boolean ended;

    @Override
    public Optional<Document> get(String collection, String id) {
      requireReadable();
      return run("get " + collection + "/" + id, c -> DocumentSql.get(c, collection, id));
    }

    @Override
    public Page query(Query query) {
      Objects.requireNonNull(query, "query");
      requireReadable();
      return run("query " + query.collection(), c -> DocumentSql.query(c, query));
    }

    @Override
    public void create(String collection, String id, JsonObject data) {
      requireWritable();
      boolean inserted = run("create " + collection + "/" + id, c -> DocumentSql.insert(c, collection, id, data));
      if (!inserted) {
        throw new DocumentExistsException(collection, id);
      }
    }

    @Override
    public void set(String collection, String id, JsonObject data) {
      requireWritable();
      run("set " + collection + "/" + id, c -> {
        DocumentSql.upsert(c, collection, id, data);
        return null;
      });
    }

    @Override
    public void delete(String collection, String id) {
      requireWritable();
      run("delete " + collection + "/" + id, c -> {
        DocumentSql.delete(c, collection, id);
        return null;
      });
    }

    void end() {
      ended = true;
    }

    private void requireReadable() {
      requireActive();
      if (wrote) {
        throw new IllegalStateException("all reads of a transaction must come before its first write");
      }
    }

    private void requireWritable() {
      requireActive();
      wrote = true;
    }

    private void requireActive() {
      if (ended) {
        throw new IllegalStateException("the transaction has ended; use the store or a new transaction");
      }
      if (!writeLock.isHeldByCurrentThread()) {
        throw new IllegalStateException("a transaction can only be used by the thread that runs its body");
      }
    }

    private <T> T run(String what, SqlWork<T> work) {
      try {
        return work.run(writer);
      } catch (SQLException e) {
        throw new SqliteStoreException(what + " failed on " + file, e);
      }
    }
  }

  /** Settings of a {@link SqliteDocumentStore}; each setter checks its argument. */
  public static final class Builder {
    private final Path file;
    private int readConnections = 8;
    private Duration busyTimeout = Duration.ofSeconds(5);

    private Builder(Path file) {
      this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    /** How many connections serve reads outside transactions at once; 1 to 64, default 8. */
    public Builder readConnections(int count) {
      if (count < 1 || count > 64) {
        throw new IllegalArgumentException("readConnections must be within 1..64, got: " + count);
      }
      this.readConnections = count;
      return this;
    }

    /** How long a connection waits for a lock another process holds; default 5 s. */
    public Builder busyTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("busyTimeout must not be negative, got: " + timeout);
      }
      this.busyTimeout = timeout;
      return this;
    }

    /** Opens the file, creating it and its folder if needed, and migrates its schema. */
    public SqliteDocumentStore build() {
      createParent(file);
      try {
        return new SqliteDocumentStore(this);
      } catch (SQLException e) {
        throw new SqliteStoreException("cannot open the document store " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
