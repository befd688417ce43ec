package dev.contentcreator.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.calendar.CalendarService.CalendarView;
import dev.contentcreator.core.calendar.CalendarService.UnavailableProject;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A calendar over several projects where one project's entries cannot be read: the others still
 * answer, the answer names the one left out, one warning is logged for it, and the feed leaves it
 * out too.
 */
class CalendarServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Caller ALICE = new Caller("alice", "alice@example.com", "Alice", null, true);

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Store store = new Store();
  private final ProjectService projects = new ProjectService(store, new UserService(store, clock), clock);
  private String launch;
  private String broken;
  private String daily;
  private CalendarService calendar;

  @BeforeEach
  void setUp() {
    launch = projects.create(ALICE, "Launch", "").id();
    broken = projects.create(ALICE, "Broken", "").id();
    daily = projects.create(ALICE, "Daily", "").id();
    calendar = CalendarService.builder().documents(store).projects(projects)
        .source(new OneEach("batch", null))
        .source(new OneEach("publication", broken))
        .links(path -> "https://cc.example" + path).clock(clock).build();
  }

  @Test
  void aProjectWhoseEntriesCannotBeReadIsNamedAndTheOthersStillAnswer() {
    CalendarRange week = new CalendarRange(NOW, NOW.plus(Duration.ofDays(7)), ZoneOffset.UTC);
    String warnings = stderrOf(() -> {
      CalendarView view = calendar.list("alice", week);
      assertEquals(List.of(new UnavailableProject(broken, "Broken")), view.unavailable());
      assertEquals(4, view.entries().size(), view.entries().toString());
      assertTrue(view.entries().stream().noneMatch(e -> e.projectId().equals(broken)),
          "nothing of the project that failed, not even what its other source read");
      assertEquals(List.of(daily, launch).stream().sorted().toList(),
          view.entries().stream().map(CalendarEntry::projectId).distinct().sorted().toList());
      assertFalse(view.truncated());
    });
    List<String> lines = warnings.lines().filter(l -> l.contains(broken)).toList();
    assertEquals(1, lines.size(), warnings);
    JsonObject line = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertEquals("WARNING", line.get("severity").getAsString());
    assertTrue(line.get("message").getAsString().contains("publications unreadable"), line.toString());
  }

  @Test
  void anAnswerWithNothingLeftOutHasNoUnavailableMember() {
    CalendarView view = calendar.listProject("alice", launch,
        new CalendarRange(NOW, NOW.plus(Duration.ofDays(7)), ZoneOffset.UTC));
    assertNull(view.unavailable());
    assertEquals(2, view.entries().size());
    JsonElement written = Json.toApiTree(view);
    assertFalse(written.getAsJsonObject().has("unavailable"), written.toString());
  }

  @Test
  void theFeedLeavesTheUnreadableProjectOut() {
    String token = calendar.createFeed("alice").token();
    String[] ics = new String[1];
    String warnings = stderrOf(() -> ics[0] = calendar.ics(token + ".ics"));
    assertTrue(ics[0].contains("Project: Launch") && ics[0].contains("Project: Daily"), ics[0]);
    assertFalse(ics[0].contains("Project: Broken"), ics[0]);
    assertEquals(1, warnings.lines().filter(l -> l.contains(broken)).count(), warnings);
  }

  private static String stderrOf(Runnable work) {
    PrintStream before = System.err;
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    System.setErr(new PrintStream(sink, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(before);
    }
    return sink.toString(StandardCharsets.UTF_8);
  }

  /** One entry an hour from now for every project, except the one it cannot read. */
  private record OneEach(String kind, String unreadable) implements CalendarSource {
    @Override
    public List<CalendarEntry> entries(CalendarProject project, Instant from, Instant until, int max) {
      if (project.id().equals(unreadable)) {
        throw new IllegalStateException("the store's " + kind + "s unreadable");
      }
      Instant start = NOW.plus(Duration.ofHours(1));
      return List.of(new CalendarEntry(CalendarEntry.scheduledId(kind, project.id(), start), kind, project.id(),
          project.name(), project.id(), kind + " of " + project.name(), start, "scheduled", false, false, null, null));
    }

    @Override
    public CalendarEntry move(CalendarProject project, String refId, Instant start, String ifMatch) {
      throw new UnsupportedOperationException("this calendar's entries are not moved here");
    }
  }

  /**
   * Documents in a sorted map; a query answers the documents of its collection that match its
   * equality filters, all in one page (these tests hold a handful).
   */
  private static final class Store implements DocumentStore {
    private final Map<String, Document> docs = new TreeMap<>();

    @Override
    public synchronized Optional<Document> get(String collection, String id) {
      return Optional.ofNullable(docs.get(collection + "/" + id));
    }

    @Override
    public synchronized Page query(Query query) {
      List<Document> found = new ArrayList<>();
      for (Document d : docs.values()) {
        if (d.collection().equals(query.collection()) && query.filters().stream()
            .allMatch(f -> f.value().equals(d.data().get(f.field())))) {
          found.add(d);
        }
      }
      return new Page(found, null);
    }

    @Override
    public synchronized <T> T transaction(TransactionWork<T> work) {
      return work.run(new Transaction() {
        @Override
        public Optional<Document> get(String collection, String id) {
          return Store.this.get(collection, id);
        }

        @Override
        public Page query(Query query) {
          return Store.this.query(query);
        }

        @Override
        public void create(String collection, String id, JsonObject data) {
          if (docs.containsKey(collection + "/" + id)) {
            throw new DocumentExistsException(collection, id);
          }
          set(collection, id, data);
        }

        @Override
        public void set(String collection, String id, JsonObject data) {
          docs.put(collection + "/" + id, new Document(collection, id, data.deepCopy()));
        }

        @Override
        public void delete(String collection, String id) {
          docs.remove(collection + "/" + id);
        }

        @Override
        public dev.contentcreator.core.ports.Added increment(String collection, String id, JsonObject fields,
            JsonObject deltas) {
          Document d = docs.get(collection + "/" + id);
          set(collection, id, dev.contentcreator.core.ports.Increments.apply(d == null ? null : d.data(), fields,
              deltas));
          return new dev.contentcreator.core.ports.Added(collection, id, deltas);
        }
      });
    }

    @Override
    public void close() {}
  }
}
