package dev.contentcreator.embedded.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityFilter;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.ActivityView;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activity log of {@code shared/core} over a real document store (the SQLite one; core's own
 * tests have no store that answers queries): a record is written with its change or not at all,
 * the list pages and filters, and the CSV export reads the log page by page to its end.
 */
final class ActivityLogOnSqliteTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  @TempDir Path folder;
  DocumentStore store;
  ActivityLog log;

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(folder.resolve("data.db"));
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    log = new ActivityLog(store, new ProjectService(store, new UserService(store, clock), clock));
    member("alice", Role.OWNER, "Alice");
    member("vic", Role.VIEWER, null);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void member(String uid, Role role, String name) {
    store.set(ProjectService.MEMBERS, Member.documentId("p1", uid), Json.toTree(new Member("p1", uid, role,
        uid + "@example.com", name, "alice", T0, T0)).getAsJsonObject());
  }

  private static List<String> actions(Listing<ActivityView> page) {
    List<String> out = new ArrayList<>();
    page.items().forEach(a -> out.add(a.action()));
    return out;
  }

  @Test
  void aRecordIsWrittenWithTheChangeOfItsTransactionOrNotAtAll() {
    assertThrows(IllegalStateException.class, () -> store.transaction(tx -> {
      tx.set("things", "t1", Json.toTree(Map.of("projectId", "p1")).getAsJsonObject());
      ActivityLog.record(tx, "p1", T0, Actor.person("alice", "Alice"), ActivityAction.CONTENT_EDITED,
          Target.content("c1", "Poster"), Map.of());
      throw new IllegalStateException("the change failed after its record was written");
    }));

    assertEquals(List.of(), log.list("vic", "p1", ActivityFilter.ALL, 10, null).items());
    assertTrue(store.get("things", "t1").isEmpty());
  }

  @Test
  void theListIsNewestFirstFiltersAndNamesThoseWrittenWithoutAName() {
    ActivityLog.record(store, "p1", T0, Actor.person("vic", null), ActivityAction.MEMBER_JOINED,
        Target.of("member", "vic", "vic"), Map.of("role", "viewer"));
    ActivityLog.record(store, "p1", T0.plusSeconds(60), Actor.person("alice", "Alice"), ActivityAction.CONTENT_RENAMED,
        Target.content("c1", "New"), Map.of("from", "Old", "to", "New"));
    ActivityLog.record(store, "p1", T0.plusSeconds(120), Actor.SCHEDULE, ActivityAction.BATCH_RUN_STARTED,
        Target.of("batch", "b1", "Weekly"), Map.of("note", "x".repeat(ActivityLog.MAX_DETAIL + 5)));
    ActivityLog.record(store, "p2", T0, Actor.person("alice", "Alice"), ActivityAction.CONTENT_RENAMED,
        Target.content("c9", "Elsewhere"), Map.of());

    Listing<ActivityView> all = log.list("vic", "p1", ActivityFilter.ALL, 10, null);
    assertEquals(List.of("batch.run_started", "content.renamed", "member.joined"), actions(all));
    assertEquals("vic@example.com", all.items().get(2).actor().name(), "a record without a name shows the member's");
    assertEquals(ActivityLog.MAX_DETAIL, all.items().get(0).details().get("note").length());
    assertEquals(List.of("content.renamed"), actions(log.list("vic", "p1",
        new ActivityFilter(null, null, "c1", null, null), 10, null)));
    assertEquals(List.of("batch.run_started"), actions(log.list("vic", "p1",
        new ActivityFilter(null, "schedule", null, null, null), 10, null)));
    assertEquals(List.of("content.renamed"), actions(log.list("vic", "p1",
        new ActivityFilter(null, null, null, T0.plusSeconds(30), T0.plusSeconds(120)), 10, null)));

    Listing<ActivityView> first = log.list("vic", "p1", ActivityFilter.ALL, 2, null);
    Listing<ActivityView> second = log.list("vic", "p1", ActivityFilter.ALL, 2, first.nextCursor());
    assertEquals(List.of("member.joined"), actions(second));
    assertNull(second.nextCursor());
  }

  @Test
  void strangersFindNoLogAndOnlyOwnersExport() {
    ApiException stranger = assertThrows(ApiException.class, () -> log.list("zed", "p1", ActivityFilter.ALL, 10, null));
    assertEquals(404, stranger.status());
    assertEquals(403, assertThrows(ApiException.class, () -> log.requireExport("vic", "p1")).status());
    log.requireExport("alice", "p1");
  }

  @Test
  void theExportWritesEveryRecordAcrossItsPagesNewestFirst() throws Exception {
    int count = 450;
    for (int i = 0; i < count; i++) {
      ActivityLog.record(store, "p1", T0.plusSeconds(i), Actor.person("alice", "Alice"), ActivityAction.CONTENT_EDITED,
          Target.content("c1", i == 0 ? "=SUM(A1)" : "Item " + i), Map.of("version", Integer.toString(i)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    log.exportCsv("p1", ActivityFilter.ALL, out);

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
    assertEquals(count + 1, lines.length, "a header and one row per record, across the export's pages");
    assertTrue(lines[1].startsWith("2026-12-01T10:07:29.000Z,alice,Alice,content.edited,content,c1,Item 449,c1,"),
        lines[1]);
    assertTrue(lines[count].contains(",'=SUM(A1),"), lines[count]);
  }
}
