package dev.contentcreator.embedded.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements kept per connection: used again, never a stale snapshot, bounded, closed with the file. */
class StatementsTest {
  @TempDir Path folder;
  private SqliteFile file;

  @BeforeEach
  void open() {
    file = SqliteFile.open(folder.resolve("t.db"), "test", Duration.ofSeconds(5), 1);
    file.write("make the table", c -> {
      try (PreparedStatement s = Statements.prepare(c, "CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")) {
        s.execute();
      }
      return null;
    });
  }

  @AfterEach
  void close() {
    file.close();
  }

  private String read(String key) {
    return file.read("read", c -> {
      try (PreparedStatement s = Statements.prepare(c, "SELECT v FROM t WHERE k = ?")) {
        s.setString(1, key);
        try (ResultSet row = s.executeQuery()) {
          return row.next() ? row.getString(1) : null;
        }
      }
    });
  }

  private void put(String key, String value) {
    file.write("put", c -> {
      try (PreparedStatement s = Statements.prepare(c,
          "INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v")) {
        s.setString(1, key);
        s.setString(2, value);
        s.executeUpdate();
      }
      return null;
    });
  }

  @Test
  void theSameSqlOnTheSameConnectionGetsTheSameStatementBack() {
    List<PreparedStatement> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(file.read("twice", c -> {
        try (PreparedStatement s = Statements.prepare(c, "SELECT count(*) FROM t")) {
          try (ResultSet row = s.executeQuery()) {
            row.next();
          }
          return s;
        }
      }));
    }
    assertSame(seen.get(0), seen.get(1));
    assertSame(seen.get(1), seen.get(2));
  }

  @Test
  void aKeptReadStatementSeesEveryLaterWrite() {
    put("a", "1");
    assertEquals("1", read("a"));
    put("a", "2"); // with a statement left unreset, the read connection would still see "1"
    assertEquals("2", read("a"));
    put("b", "3");
    assertEquals("3", read("b"));
    assertEquals("2", read("a"));
  }

  @Test
  void closingClearsTheParameters() {
    put("a", "1");
    file.read("bound", c -> {
      try (PreparedStatement s = Statements.prepare(c, "SELECT v FROM t WHERE k = ?")) {
        s.setString(1, "a");
        try (ResultSet row = s.executeQuery()) {
          assertTrue(row.next());
        }
      }
      try (PreparedStatement s = Statements.prepare(c, "SELECT v FROM t WHERE k = ?")) {
        try (ResultSet row = s.executeQuery()) { // the last use's "a" is gone: k = NULL matches nothing
          assertTrue(!row.next());
        }
      }
      return null;
    });
  }

  @Test
  void atMostSoManyAreKeptPerConnectionTheLeastRecentlyUsedClosedFirst() {
    file.read("many", c -> {
      PreparedStatement first;
      try (PreparedStatement s = Statements.prepare(c, "SELECT 0")) {
        first = s;
      }
      for (int i = 1; i <= Statements.PER_CONNECTION; i++) {
        try (PreparedStatement s = Statements.prepare(c, "SELECT " + i)) {
          s.execute();
        }
      }
      assertEquals(Statements.PER_CONNECTION, Statements.keptFor(c));
      assertTrue(first.isClosed(), "the eldest was closed when it left");
      try (PreparedStatement again = Statements.prepare(c, "SELECT 0")) {
        assertNotSame(first, again);
      }
      return null;
    });
  }

  @Test
  void closingTheFileClosesTheStatementsItKept() throws SQLException {
    Connection[] reader = new Connection[1];
    PreparedStatement kept = file.read("keep", c -> {
      reader[0] = c;
      try (PreparedStatement s = Statements.prepare(c, "SELECT 1")) {
        return s;
      }
    });
    file.close();
    assertTrue(kept.isClosed());
    assertEquals(0, Statements.keptFor(reader[0]));
    assertThrows(IllegalStateException.class, () -> read("a"));
    file = SqliteFile.open(folder.resolve("t2.db"), "test", Duration.ofSeconds(5), 1);
  }
}
