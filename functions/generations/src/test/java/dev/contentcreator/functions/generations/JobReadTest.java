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
import dev.contentcreator.core.generation.JobLedger;
import dev.contentcreator.core.generation.JobView;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.json.Json;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job read while its items end: whatever ends between the reads of one GET, the answer counts
 * exactly the ended items it lists (a client that waits for all items to end, then reads the
 * counts, must not see them behind), and a job shown as ended lists no item still going (a client
 * that waits for the job to end, then reads its items, must find them all ended).
 */
class JobReadTest {
  @TempDir Path dir;
  private SqliteDocumentStore store;
  private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

  /** The store, ending the job's only item right after the first read made outside a transaction. */
  private final class EndsBetweenReads implements DocumentStore {
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable between;

    EndsBetweenReads(Runnable between) {
      this.between = between;
    }

    private void afterRead() {
      if (ended.compareAndSet(false, true)) {
        between.run();
      }
    }

    @Override
    public Optional<Document> get(String collection, String id) {
      Optional<Document> d = store.get(collection, id);
      if (collection.equals(Jobs.JOBS) || collection.equals(Jobs.ITEMS)) {
        afterRead();
      }
      return d;
    }

    @Override
    public Page query(Query query) {
      Page p = store.query(query);
      if (query.collection().equals(Jobs.ITEMS)) {
        afterRead();
      }
      return p;
    }

    @Override
    public <T> T transaction(TransactionWork<T> work) {
      return store.transaction(work);
    }

    @Override
    public void close() {}
  }

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("cc.db"));
    store.transaction(tx -> {
      tx.set(ProjectService.MEMBERS, Member.documentId("p1", "u1"), Json.toTree(new Member("p1", "u1", Role.OWNER,
          "u1@example.com", "U", "u1", now, now)).getAsJsonObject());
      GenerationJob job = GenerationJob.builder().id("job1").project("p1", "u1")
          .maker(ContentKind.TEXT, "demo", "demo-text", true).status(GenerationJob.Status.RUNNING).itemCount(1)
          .request("prompt", "", Map.of()).times(now, now).build();
      tx.set(Jobs.JOBS, job.id(), Json.toTree(job).getAsJsonObject());
      GenerationItem item = GenerationItem.queued("job1", "p1", 0, null, null, now);
      tx.set(Jobs.ITEMS, item.id(), Json.toTree(item).getAsJsonObject());
      return null;
    });
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anItemThatEndsBetweenTheReadsOfAGetLeavesTheAnswerConsistent() {
    UsageService usage = new UsageService(store, Limits.from(Config.of(Map.of())), clock);
    JobLedger ledger = new JobLedger(store, usage, clock);
    DocumentStore documents = new EndsBetweenReads(
        () -> ledger.cancel(GenerationItem.documentId("job1", 0), "Cancelled by a test."));
    UserService users = new UserService(documents, clock);
    ProjectService projects = new ProjectService(documents, users, clock);
    GenerationService generation = new GenerationService(documents, projects,
        new TemplateService(documents, projects, clock), usage, () -> null, () -> null, () -> null,
        GenerationSettings.from(Config.of(Map.of())), clock);

    JobView job = generation.get("u1", "p1", "job1");

    long endedItems = job.items().stream().filter(i -> i.status().terminal()).count();
    assertEquals(endedItems, job.completed() + job.failed() + job.cancelled(),
        "the job counts every ended item it lists: " + Json.toTree(job));
    assertTrue(!job.status().terminal() || endedItems == job.items().size(),
        "an ended job lists no item still going: " + Json.toTree(job));
    assertEquals(1, Jobs.job(store.get(Jobs.JOBS, "job1").orElseThrow()).cancelled(),
        "the item ended between the reads");
  }
}
