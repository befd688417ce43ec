package dev.contentcreator.functions.generations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.JobEvent;
import dev.contentcreator.core.generation.JobEvents;
import dev.contentcreator.core.generation.JobStream;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.generation.StreamSettings;
import dev.contentcreator.core.generation.StreamSlots;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Cache;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.usage.Limits;
import dev.contentcreator.core.usage.UsageService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one live stream costs in document reads, on the real embedded store: the job and its items
 * once, then only the job's document at each check, and the items again only when something changed.
 */
class StreamReadsTest {
  static final int ITEMS = 10;
  @TempDir Path dir;
  private SqliteDocumentStore store;
  private final AtomicInteger jobReads = new AtomicInteger();
  private final AtomicInteger itemQueries = new AtomicInteger();
  private final AtomicInteger documentsRead = new AtomicInteger();
  private final JobEvents events = new JobEvents();
  private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

  /** The store, counting what is read outside transactions (as a stream reads). */
  private final class Counting implements DocumentStore {
    @Override
    public Optional<Document> get(String collection, String id) {
      Optional<Document> d = store.get(collection, id);
      if (collection.equals(Jobs.JOBS)) {
        jobReads.incrementAndGet();
      }
      documentsRead.addAndGet(d.isPresent() ? 1 : 0);
      return d;
    }

    @Override
    public Page query(Query query) {
      Page p = store.query(query);
      itemQueries.incrementAndGet();
      documentsRead.addAndGet(p.items().size());
      return p;
    }

    @Override
    public <T> T transaction(TransactionWork<T> work) {
      return store.transaction(work);
    }

    @Override
    public void close() {
      store.close();
    }
  }

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("cc.db"));
    store.transaction(tx -> {
      tx.set(ProjectService.MEMBERS, Member.documentId("p1", "u1"), Json.toTree(new Member("p1", "u1", Role.OWNER,
          "u1@example.com", "U", "u1", now, now)).getAsJsonObject());
      GenerationJob job = GenerationJob.builder().id("job1").project("p1", "u1")
          .maker(ContentKind.TEXT, "demo", "demo-text", true).status(GenerationJob.Status.RUNNING).itemCount(ITEMS)
          .request("prompt", "", Map.of()).times(now, now).build();
      tx.set(Jobs.JOBS, job.id(), Json.toTree(job).getAsJsonObject());
      for (int i = 0; i < ITEMS; i++) {
        GenerationItem item = GenerationItem.queued("job1", "p1", i, null, null, now)
            .claimed("runner", 1, now.plusSeconds(60), now);
        tx.set(Jobs.ITEMS, item.id(), Json.toTree(item).getAsJsonObject());
      }
      return null;
    });
  }

  @AfterEach
  void close() {
    store.close();
  }

  private JobStream stream(Duration bound, Duration check) {
    DocumentStore documents = new Counting();
    Clock clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
    Config config = Config.of(Map.of());
    UserService users = new UserService(documents, clock);
    ProjectService projects = new ProjectService(documents, users, clock);
    TemplateService templates = new TemplateService(documents, projects, clock);
    UsageService usage = new UsageService(documents, Limits.from(config), clock);
    GenerationService generation = new GenerationService(documents, projects, templates, usage, () -> null,
        () -> null, () -> null, GenerationSettings.from(config), clock);
    StreamSettings settings = new StreamSettings(4, bound, check, Duration.ofSeconds(1));
    return new JobStream(() -> generation, () -> projects, events, new StreamSlots(NoCache::new, 4,
        bound.plusSeconds(15), System::nanoTime), settings, System::nanoTime);
  }

  /** A cache that keeps nothing: each claim finds its slot free. */
  private static final class NoCache implements Cache {
    @Override
    public Optional<byte[]> get(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {}

    @Override
    public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
      return true;
    }

    @Override
    public void delete(String key) {}
  }

  private String run(JobStream streams) throws Exception {
    ApiResponse r = streams.open("u1", "p1", "job1", Optional.empty());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.stream().writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aQuietJobIsReadWholeOnceAndThenOnlyItsDocumentAtEachCheck() throws Exception {
    long started = System.nanoTime();
    String body = run(stream(Duration.ofMillis(2000), Duration.ofMillis(200)));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(1, itemQueries.get(), "the items were read once: " + body);
    // One read when the stream opens, one with the items, then one per 200 ms check.
    assertTrue(jobReads.get() >= 2 + 7 && jobReads.get() <= 2 + 11, "job reads: " + jobReads.get());
    System.out.printf("a quiet stream of a %d-item job read %d documents in %.1f s (%d job reads, %d item queries)%n",
        ITEMS, documentsRead.get(), seconds, jobReads.get(), itemQueries.get());
    assertTrue(body.startsWith("retry: 1000\n\n"), body);
    assertTrue(body.endsWith("retry: 1000\n\n"), "it ended by its bound with a retry hint: " + body);
  }

  @Test
  void anItemThatEndsInThisProcessCausesOneMoreFullRead() throws Exception {
    JobStream streams = stream(Duration.ofMillis(1500), Duration.ofSeconds(60));
    Thread later = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      events.publish("job1", new JobEvent.ItemCompleted(3, "c3", false));
    });
    later.start();
    String body = run(streams);
    later.join();
    assertEquals(2, itemQueries.get(), "read again once, for the change: " + body);
    assertTrue(body.contains("event: item\n"), body);
  }
}
