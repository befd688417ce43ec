package dev.contentcreator.embedded.sqlite;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Added;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Increments;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The documents port on one SQLite file: a table of JSON documents keyed by (collection, id).
 *
 * <p>One write connection, guarded by a lock, runs every write and every transaction with
 * {@code BEGIN IMMEDIATE}; transactions also read through it, so they see one snapshot and never
 * lose an update. Reads outside transactions use a small pool of read-only connections and run
 * concurrently (WAL mode). The schema is brought up to date when the store opens. Thread-safe.
 */
public final class SqliteDocumentStore implements DocumentStore {
  private final SqliteFile file;

  private SqliteDocumentStore(SqliteFile file) {
    this.file = file;
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
    return file.path();
  }

  @Override
  public Optional<Document> get(String collection, String id) {
    return file.read("get " + collection + "/" + id, c -> DocumentSql.get(c, collection, id));
  }

  @Override
  public List<Optional<Document>> getAll(String collection, List<String> ids) {
    return file.read("get " + ids.size() + " of " + collection, c -> DocumentSql.getAll(c, collection, ids));
  }

  @Override
  public Page query(Query query) {
    Objects.requireNonNull(query, "query");
    return file.read("query " + query.collection(), c -> DocumentSql.query(c, query));
  }

  @Override
  public <T> T transaction(TransactionWork<T> work) {
    Objects.requireNonNull(work, "work");
    if (file.writingOnThisThread()) {
      throw new IllegalStateException("transactions cannot be nested: this thread is already in one");
    }
    SqliteTransaction[] ran = new SqliteTransaction[1];
    T result = file.write("a transaction", c -> {
      SqliteTransaction tx = new SqliteTransaction(c);
      ran[0] = tx;
      try {
        return work.run(tx);
      } finally {
        tx.end();
      }
    });
    // Committed: what the increments left is what the one writer computed.
    ran[0].added.forEach(Added::committed);
    return result;
  }

  /**
   * Writes a consistent copy of the database to {@code target}, which must not exist yet, while the
   * store stays in use ({@code VACUUM INTO} on a connection of its own).
   */
  public void backupTo(Path target) {
    file.backupTo(target);
  }

  /** Waits for running calls to finish, then closes every connection. Later calls fail. */
  @Override
  public void close() {
    file.close();
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A transaction on the write connection; valid only while its body runs. */
  private final class SqliteTransaction implements Transaction {
    private final Connection writer;
    /** Each increment's handle, with what it left, told to the handle once the transaction commits. */
    private final java.util.Map<Added, JsonObject> added = new java.util.LinkedHashMap<>();
    private boolean wrote;
    private boolean ended;

    @Override
    public Optional<Document> get(String collection, String id) {
      requireReadable();
      return run("get " + collection + "/" + id, c -> DocumentSql.get(c, collection, id));
    }

    @Override
    public List<Optional<Document>> getAll(String collection, List<String> ids) {
      requireReadable();
      return run("get " + ids.size() + " of " + collection, c -> DocumentSql.getAll(c, collection, ids));
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

    @Override
    public Added increment(String collection, String id, JsonObject fields, JsonObject deltas) {
      Increments.check(fields, deltas);
      requireWritable();
      // The one writer holds the file, so reading the document here races with nobody.
      JsonObject after = run("increment " + collection + "/" + id, c -> {
        JsonObject current = DocumentSql.get(c, collection, id).map(Document::data).orElse(null);
        JsonObject sum = Increments.apply(current, fields, deltas);
        DocumentSql.upsert(c, collection, id, sum);
        return sum;
      });
      Added handle = new Added(collection, id, deltas);
      JsonObject totals = new JsonObject();
      for (String field : handle.fields()) {
        totals.add(field, after.get(field));
      }
      added.put(handle, totals);
      return handle;
    }

    SqliteTransaction(Connection writer) {
      this.writer = writer;
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
      if (!file.writingOnThisThread()) {
        throw new IllegalStateException("a transaction can only be used by the thread that runs its body");
      }
    }

    private <T> T run(String what, SqlWork<T> work) {
      try {
        return work.run(writer);
      } catch (SQLException e) {
        throw new SqliteStoreException(what + " failed on " + file.path(), e);
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
      return new SqliteDocumentStore(SqliteFile.open(file, "document store", busyTimeout, readConnections));
    }
  }
}
