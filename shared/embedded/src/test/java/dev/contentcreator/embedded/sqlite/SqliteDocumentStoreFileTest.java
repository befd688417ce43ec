package dev.contentcreator.embedded.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite adapter does beyond the contract: the file, its schema, its connections. */
final class SqliteDocumentStoreFileTest {
  @TempDir
  Path folder;

  @Test
  void documentsSurviveReopeningTheFile() {
    Path file = folder.resolve("data.db");
    try (SqliteDocumentStore store = SqliteDocumentStore.open(file)) {
      store.create("users", "u1", json("{\"name\":\"Ada\"}"));
    }

    try (SqliteDocumentStore store = SqliteDocumentStore.open(file)) {
      assertEquals(json("{\"name\":\"Ada\"}"), store.get("users", "u1").orElseThrow().data());
    }
  }

  @Test
  void reopeningAppliesNoMigrationTwice() throws SQLException {
    Path file = folder.resolve("data.db");
    SqliteDocumentStore.open(file).close();
    List<String> first = migrations(file);

    SqliteDocumentStore.open(file).close();

    assertEquals(Migrations.ALL.size(), first.size());
    assertEquals(first, migrations(file));
  }

  @Test
  void fileIsInWalMode() throws SQLException {
    Path file = folder.resolve("data.db");
    SqliteDocumentStore.open(file).close();

    assertEquals("wal", pragma(file, "journal_mode"));
  }

  @Test
  void openCreatesMissingFolders() {
    Path file = folder.resolve("a/b/c/data.db");

    SqliteDocumentStore.open(file).close();

    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void activityLogPagesUseTheirPartialIndexWithATimeWindow() throws SQLException {
    Path file = folder.resolve("data.db");
    SqliteDocumentStore.open(file).close();

    String plan = plan(file, Query.on("activity").whereEqualTo("projectId", "p1")
        .orderBy("at", Query.Direction.DESCENDING).range("at", "2026-01-01T00:00:00.000Z", null).build());

    assertTrue(plan.contains("documents_activity_project_at"), plan);
    assertFalse(plan.contains("TEMP B-TREE"), "ordered by the index, not sorted afterwards: " + plan);
  }

  @Test
  void membersQueriesUseTheirPartialIndexes() throws SQLException {
    Path file = folder.resolve("data.db");
    SqliteDocumentStore.open(file).close();

    assertTrue(plan(file, Query.on("members").whereEqualTo("uid", "u1").build()).contains("documents_members_uid"));
    assertTrue(plan(file, Query.on("members").whereEqualTo("projectId", "p1").build())
        .contains("documents_members_project_id"));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void readsOutsideTransactionsDoNotWaitForAnOpenTransaction() throws Exception {
    try (SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"))) {
      store.create("users", "u1", json("{\"v\":1}"));
      CountDownLatch written = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Void> tx = CompletableFuture.runAsync(() -> store.transaction(t -> {
        t.set("users", "u1", json("{\"v\":2}"));
        written.countDown();
        await(release);
        return null;
      }));
      written.await();

      JsonObject seen = store.get("users", "u1").orElseThrow().data();
      release.countDown();
      tx.get();

      assertEquals(json("{\"v\":1}"), seen);
      assertEquals(json("{\"v\":2}"), store.get("users", "u1").orElseThrow().data());
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void manyReadsRunAtOnce() throws Exception {
    try (SqliteDocumentStore store = SqliteDocumentStore.builder(folder.resolve("data.db")).readConnections(4).build()) {
      store.create("users", "u1", json("{\"v\":1}"));
      List<CompletableFuture<Boolean>> reads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        reads.add(CompletableFuture.supplyAsync(() -> {
          boolean all = true;
          for (int j = 0; j < 200; j++) {
            all &= store.get("users", "u1").isPresent();
          }
          return all;
        }));
      }
      for (CompletableFuture<Boolean> read : reads) {
        assertTrue(read.get());
      }
    }
  }

  @Test
  void nestedTransactionIsRejected() {
    try (SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"))) {
      assertThrows(IllegalStateException.class, () -> store.transaction(tx -> store.transaction(inner -> null)));
    }
  }

  @Test
  void transactionCannotBeUsedAfterItsBody() {
    try (SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"))) {
      AtomicReference<Transaction> escaped = new AtomicReference<>();
      store.transaction(tx -> {
        escaped.set(tx);
        return null;
      });

      assertThrows(IllegalStateException.class, () -> escaped.get().set("users", "u1", json("{}")));
      assertTrue(store.get("users", "u1").isEmpty());
    }
  }

  @Test
  void closedStoreRefusesCalls() {
    SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"));
    store.close();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.get("users", "u1"));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> store.transaction(tx -> null));
  }

  @Test
  void closeTwiceIsHarmless() {
    SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"));
    store.close();

    store.close();
  }

  @Test
  void invalidCollectionOrIdIsRejected() {
    try (SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"))) {
      assertThrows(IllegalArgumentException.class, () -> store.get("Users", "u1"));
      assertThrows(IllegalArgumentException.class, () -> store.get("users", ""));
      assertThrows(IllegalArgumentException.class, () -> store.set("users", "a/b", json("{}")));
    }
  }

  @Test
  void backupIsACopyThatOpensWithTheSameDocuments() {
    Path backup = folder.resolve("backups/copy.db");
    try (SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"))) {
      store.create("users", "u1", json("{\"name\":\"Ada\"}"));
      store.backupTo(backup);
      store.create("users", "u2", json("{\"name\":\"Eve\"}"));
    }

    try (SqliteDocumentStore copy = SqliteDocumentStore.open(backup)) {
      assertEquals(json("{\"name\":\"Ada\"}"), copy.get("users", "u1").orElseThrow().data());
      assertTrue(copy.get("users", "u2").isEmpty());
    }
  }

  @Test
  void backupRefusesAnExistingTarget() throws Exception {
    Path target = Files.writeString(folder.resolve("taken.db"), "keep me");
    try (SqliteDocumentStore store = SqliteDocumentStore.open(folder.resolve("data.db"))) {
      assertThrows(IllegalArgumentException.class, () -> store.backupTo(target));
    }
    assertEquals("keep me", Files.readString(target));
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> migrations(Path file) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")) {
      while (r.next()) {
        rows.add(r.getInt(1) + " " + r.getString(2) + " " + r.getString(3));
      }
    }
    return rows;
  }

  /**
   * SQLite plans a statement again each time a value its planner read is bound again, and it reads
   * a bound collection when it weighs the partial indexes; so every statement on the documents
   * names its collection in the SQL, and reads of a few ids share a statement.
   */
  @Test
  void documentStatementsNameTheirCollectionAndAreKept() throws SQLException {
    Path file = folder.resolve("data.db");
    SqliteDocumentStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      DocumentSql.insert(c, "usage", "a", json("{\"n\":1}"));
      DocumentSql.upsert(c, "usage", "b", json("{\"n\":2}"));
      assertEquals(json("{\"n\":1}"), DocumentSql.get(c, "usage", "a").orElseThrow().data());
      assertEquals(List.of(true, false, true), DocumentSql.getAll(c, "usage", List.of("a", "x", "b")).stream()
          .map(java.util.Optional::isPresent).toList());
      assertEquals(List.of(false, true, false, true), DocumentSql.getAll(c, "usage", List.of("x", "b", "y", "a"))
          .stream().map(java.util.Optional::isPresent).toList());
      DocumentSql.delete(c, "usage", "a");
      DocumentSql.query(c, Query.on("usage").whereEqualTo("n", 2).build());

      List<String> kept = Statements.sqlKeptFor(c);
      assertEquals(6, kept.size(), "three ids and four share one statement of four marks: " + kept);
      for (String sql : kept) {
        assertTrue(sql.contains("'usage'"), sql);
        assertFalse(sql.contains("collection = ?") || sql.contains("VALUES (?, ?, ?)"), sql);
      }
      Statements.forget(c);
    }
  }

  /**
   * Adapters of one process on one file share its write lock: a writer waits for another's commit
   * in the lock, not in SQLite's busy handler (here given 20 ms, which it would run out of).
   */
  @Test
  void adaptersOnOneFileTakeTurnsInOneWriteLock() throws Exception {
    Path path = folder.resolve("shared.db");
    SqliteFile documents = SqliteFile.open(path, "document store", java.time.Duration.ofMillis(20), 1);
    SqliteFile queue = SqliteFile.open(folder.resolve(".").resolve("shared.db"), "queue",
        java.time.Duration.ofMillis(20), 1);
    try {
      assertTrue(documents.sharesWriteLockWith(queue));
      assertEquals(2, SqliteFile.writeLockUsers(path));
      CountDownLatch inside = new CountDownLatch(1);
      CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> documents.write("hold", c -> {
        DocumentSql.upsert(c, "users", "a", json("{\"n\":1}"));
        inside.countDown();
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      assertTrue(inside.await(10, TimeUnit.SECONDS));

      queue.write("after", c -> {
        DocumentSql.upsert(c, "users", "b", json("{\"n\":2}"));
        return null;
      });
      holding.get(10, TimeUnit.SECONDS);

      assertEquals(List.of(true, true), queue.read("both", c -> DocumentSql.getAll(c, "users", List.of("a", "b")))
          .stream().map(java.util.Optional::isPresent).toList());
    } finally {
      documents.close();
      queue.close();
    }
    assertEquals(0, SqliteFile.writeLockUsers(path), "the lock is let go once both close");
  }

  private static String pragma(Path file, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA " + name)) {
      r.next();
      return r.getString(1);
    }
  }

  private static String plan(Path file, Query query) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = DocumentSql.select(query, null, params);
    StringBuilder plan = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          plan.append(r.getString("detail")).append('\n');
        }
      }
    }
    return plan.toString();
  }
}
