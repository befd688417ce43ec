package dev.contentcreator.embedded.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * Prepared statements kept per connection and used again. Preparing is a large part of a small
 * statement's cost on the documents table (SQLite weighs every expression index for the plan): on
 * a generation run it was a fifth of the server's CPU. A statement from {@link #prepare} is closed
 * as usual, with try-with-resources; closing only clears its parameters, and the next
 * {@code prepare} of the same SQL on the same connection gets it back. Its result sets must be
 * closed before that (try-with-resources again), which resets it, so a read connection never
 * keeps an old snapshot open.
 *
 * <p>A connection is used by one thread at a time ({@link SqliteFile} lends its connections out
 * whole), so each connection's statements need no lock; at most {@value #PER_CONNECTION} are kept
 * per connection, the least recently used closed first (the documents' statements name their
 * collection, so a busy server keeps a few hundred). {@link #forget} closes a connection's
 * statements before the connection closes.
 */
public final class Statements {
  static final int PER_CONNECTION = 512;

  private static final Map<Connection, Map<String, Kept>> BY_CONNECTION = new ConcurrentHashMap<>();

  private Statements() {}

  /** A statement of {@code sql} on {@code connection}, made once and then used again. */
  public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    Objects.requireNonNull(sql, "sql");
    if (!(connection instanceof SQLiteConnection sqlite)) {
      return connection.prepareStatement(sql); // not SQLite's driver: plain statements
    }
    Map<String, Kept> kept = BY_CONNECTION.computeIfAbsent(connection, c -> new Lru());
    Kept statement = kept.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = new Kept(sqlite, sql);
      kept.put(sql, statement);
    }
    return statement;
  }

  /** Closes the statements kept for {@code connection}, which is about to close. */
  public static void forget(Connection connection) {
    Map<String, Kept> kept = BY_CONNECTION.remove(connection);
    if (kept == null) {
      return;
    }
    List<Kept> all = new ArrayList<>(kept.values());
    for (Kept statement : all) {
      statement.discard();
    }
  }

  /** How many statements are kept for {@code connection} (for tests). */
  static int keptFor(Connection connection) {
    return sqlKeptFor(connection).size();
  }

  /** The SQL of the statements kept for {@code connection} (for tests). */
  static List<String> sqlKeptFor(Connection connection) {
    Map<String, Kept> kept = BY_CONNECTION.get(connection);
    return kept == null ? List.of() : List.copyOf(kept.keySet());
  }

  private static final class Lru extends LinkedHashMap<String, Kept> {
    Lru() {
      super(32, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
      if (size() <= PER_CONNECTION) {
        return false;
      }
      eldest.getValue().discard();
      return true;
    }
  }

  /** A statement whose {@link #close} keeps it for the next use. */
  private static final class Kept extends JDBC4PreparedStatement {
    Kept(SQLiteConnection connection, String sql) throws SQLException {
      super(connection, sql);
    }

    @Override
    public void close() throws SQLException {
      if (!isClosed()) {
        clearParameters();
      }
    }

    void discard() {
      try {
        super.close();
      } catch (SQLException e) {
        // the connection is closing or the statement was evicted: nothing depends on it any more
      }
    }
  }
}
