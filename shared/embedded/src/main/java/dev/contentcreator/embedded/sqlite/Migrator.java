package dev.contentcreator.embedded.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a database up to the latest {@link Migration}: records each applied step in a table of
 * its own ({@code schema_migrations} for the documents) and runs the missing ones in one
 * transaction, so a failed step leaves the schema as it was. Running it again applies nothing.
 * Several adapters can keep their own schema in one file, each with its own record table.
 */
public final class Migrator {
  private Migrator() {}

  /**
   * Brings the whole file up to date, whichever adapter opens it first: the documents' steps
   * (recorded in {@code schema_migrations}), then the queue's (in {@code queue_migrations}), then brand knowledge's vectors (in
   * {@code vector_migrations}).
   * Returns how many steps it applied.
   */
  static int migrateAll(Connection connection) throws SQLException {
    return migrate(connection, Migrations.DOCUMENTS_TABLE, Migrations.ALL)
        + migrate(connection, Migrations.QUEUE_TABLE, Migrations.QUEUE)
        + migrate(connection, Migrations.VECTORS_TABLE, Migrations.VECTORS);
  }

  /** Applies the documents steps the database lacks, recorded in {@code schema_migrations}. */
  static int migrate(Connection connection, List<Migration> migrations) throws SQLException {
    return migrate(connection, Migrations.DOCUMENTS_TABLE, migrations);
  }

  /**
   * Applies the steps the database lacks, recording them in {@code table} (a plain SQL name,
   * created if missing); returns how many it applied.
   */
  public static int migrate(Connection connection, String table, List<Migration> migrations) throws SQLException {
    if (!table.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("a migrations table is lower-case letters, digits and _, got: " + table);
    }
    requireOrdered(migrations);
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
    }
    try {
      int applied = applyMissing(connection, table, migrations);
      try (Statement statement = connection.createStatement()) {
        statement.execute("COMMIT");
      }
      return applied;
    } catch (SQLException | RuntimeException e) {
      rollback(connection, e);
      throw e;
    }
  }

  private static int applyMissing(Connection connection, String table, List<Migration> migrations)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
          + " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    Map<Integer, String> recorded = recorded(connection, table);
    requireKnown(recorded, migrations);
    int applied = 0;
    for (Migration migration : migrations) {
      if (!recorded.containsKey(migration.version())) {
        apply(connection, table, migration);
        applied++;
      }
    }
    return applied;
  }

  private static void apply(Connection connection, String table, Migration migration) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : migration.statements()) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new SQLException("migration " + migration.version() + " '" + migration.name() + "' failed: "
          + e.getMessage(), e);
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.name());
      insert.executeUpdate();
    }
  }

  private static Map<Integer, String> recorded(Connection connection, String table) throws SQLException {
    Map<Integer, String> recorded = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, name FROM " + table)) {
      while (rows.next()) {
        recorded.put(rows.getInt(1), rows.getString(2));
      }
    }
    return recorded;
  }

  private static void requireKnown(Map<Integer, String> recorded, List<Migration> migrations) {
    for (Map.Entry<Integer, String> entry : recorded.entrySet()) {
      int version = entry.getKey();
      Migration known = version <= migrations.size() ? migrations.get(version - 1) : null;
      if (known == null || !known.name().equals(entry.getValue())) {
        throw new SqliteStoreException("the database has migration " + version + " '" + entry.getValue()
            + "' that this build does not know (it knows " + migrations.size()
            + "); it was written by a newer or different build");
      }
    }
  }

  private static void requireOrdered(List<Migration> migrations) {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... in order; position " + (i + 1)
            + " holds version " + migrations.get(i).version());
      }
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
