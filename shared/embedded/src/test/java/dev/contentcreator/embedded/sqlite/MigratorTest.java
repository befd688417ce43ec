package dev.contentcreator.embedded.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MigratorTest {
  private static final Migration ONE = new Migration(1, "create a", List.of("CREATE TABLE a (x INTEGER)"));
  private static final Migration TWO = new Migration(2, "create b", List.of("CREATE TABLE b (y INTEGER)"));
  private static final Migration THREE = new Migration(3, "index b", List.of("CREATE INDEX b_y ON b (y)"));

  @TempDir
  Path folder;
  private Connection connection;

  @BeforeEach
  void connect() throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("m.db"));
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  @Test
  void appliesEveryStepToAnEmptyDatabase() throws SQLException {
    assertEquals(2, Migrator.migrate(connection, List.of(ONE, TWO)));

    assertEquals(List.of("1:create a", "2:create b"), recorded());
    assertTrue(tableExists("b"));
  }

  @Test
  void secondRunAppliesNothing() throws SQLException {
    Migrator.migrate(connection, List.of(ONE, TWO));

    assertEquals(0, Migrator.migrate(connection, List.of(ONE, TWO)));
    assertEquals(List.of("1:create a", "2:create b"), recorded());
  }

  @Test
  void newStepIsAppliedOnceOnAnExistingDatabase() throws SQLException {
    Migrator.migrate(connection, List.of(ONE, TWO));

    assertEquals(1, Migrator.migrate(connection, List.of(ONE, TWO, THREE)));
    assertEquals(0, Migrator.migrate(connection, List.of(ONE, TWO, THREE)));
    assertEquals(List.of("1:create a", "2:create b", "3:index b"), recorded());
  }

  @Test
  void failingStepLeavesTheWholeBatchUnapplied() throws SQLException {
    Migration broken = new Migration(3, "broken", List.of("CREATE TABLE c (z INTEGER)", "NOT SQL AT ALL"));

    SQLException e = assertThrows(SQLException.class,
        () -> Migrator.migrate(connection, List.of(ONE, TWO, broken)));

    assertTrue(e.getMessage().contains("migration 3 'broken' failed"), e.getMessage());
    assertFalse(tableExists("a"));
    assertFalse(tableExists("c"));
    assertTrue(connection.getAutoCommit());
  }

  @Test
  void databaseFromANewerBuildIsRefused() throws SQLException {
    Migrator.migrate(connection, List.of(ONE, TWO, THREE));

    SqliteStoreException e = assertThrows(SqliteStoreException.class,
        () -> Migrator.migrate(connection, List.of(ONE, TWO)));

    assertTrue(e.getMessage().contains("migration 3 'index b'"), e.getMessage());
  }

  @Test
  void renamedStepIsRefused() throws SQLException {
    Migrator.migrate(connection, List.of(ONE));

    assertThrows(SqliteStoreException.class, () -> Migrator.migrate(connection,
        List.of(new Migration(1, "something else", List.of("SELECT 1")))));
  }

  @Test
  void stepsOutOfOrderAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Migrator.migrate(connection, List.of(TWO, ONE)));
  }

  @Test
  void shippedMigrationsAreNumberedInOrder() throws SQLException {
    assertEquals(Migrations.ALL.size(), Migrator.migrate(connection, Migrations.ALL));
  }

  @Test
  void contentItemsStoredBeforeReviewAreGivenTheDraftStatusAndOthersKeepTheirs() throws SQLException {
    Migrator.migrate(connection, Migrations.ALL.subList(0, 3));
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("INSERT INTO documents VALUES ('contents', 'old', '{\"projectId\":\"p1\",\"version\":4}')");
      s.executeUpdate("INSERT INTO documents VALUES ('contents', 'new', '{\"reviewStatus\":\"approved\"}')");
      s.executeUpdate("INSERT INTO documents VALUES ('versions', 'v', '{\"projectId\":\"p1\"}')");
    }

    Migrator.migrate(connection, Migrations.ALL);

    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT id, json_extract(data, '$.reviewStatus'), json_extract(data, '$.version')"
            + " FROM documents ORDER BY collection, id")) {
      List<String> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(r.getString(1) + "=" + r.getString(2) + "/" + r.getString(3));
      }
      assertEquals(List.of("new=approved/null", "old=draft/4", "v=null/null"), rows);
    }
  }

  @Test
  void stepsOfAnotherTableAreRecordedApartFromTheDocuments() throws SQLException {
    Migrator.migrate(connection, Migrations.ALL);

    assertEquals(1, Migrator.migrate(connection, "other_migrations", List.of(new Migration(1, "create other",
        List.of("CREATE TABLE other (z INTEGER)")))));

    assertEquals(List.of("1:create other"), recorded("other_migrations"));
    assertEquals(Migrations.ALL.size(), recorded().size());
    assertEquals(0, Migrator.migrate(connection, Migrations.ALL));
  }

  @Test
  void tableNameThatIsNotAPlainNameIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Migrator.migrate(connection, "x; DROP TABLE documents", List.of(ONE)));

    assertTrue(e.getMessage().contains("migrations table"), e.getMessage());
  }

  private List<String> recorded() throws SQLException {
    return recorded("schema_migrations");
  }

  private List<String> recorded(String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT version, name FROM " + table + " ORDER BY version")) {
      while (r.next()) {
        rows.add(r.getInt(1) + ":" + r.getString(2));
      }
    }
    return rows;
  }

  private boolean tableExists(String name) throws SQLException {
    try (var s = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
