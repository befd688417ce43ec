package dev.contentcreator.functions.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.batches.BatchView;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.generation.Providers;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.templates.TemplateView;
import dev.contentcreator.core.usage.Limits;
import dev.contentcreator.core.usage.UsageService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.queue.SqliteEventBus;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch scheduler on the real embedded store and bus, with a clock the test moves. */
class BatchSchedulerTest {
  /** Sunday 22 November 2026, 12:00 in Paris: the batch is made then; it runs on Mondays at 09:00. */
  static final Instant SUNDAY = Instant.parse("2026-11-22T11:00:00Z");
  static final Instant MONDAY_0900 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;
  private SqliteDocumentStore documents;
  private SqliteEventBus events;
  private Instant now = SUNDAY;
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };
  private String project;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null);

  static final class FakeText implements SyncProvider {
    @Override public String name() { return "fake"; }
    @Override public boolean isDemo() { return false; }
    @Override public Set<ContentKind> kinds() { return Set.of(ContentKind.TEXT); }
    @Override public List<String> models(ContentKind kind) { return List.of("fake-text"); }
    @Override public ItemResult generate(ItemRequest request, Progress progress) {
      throw new AssertionError("the scheduler starts runs; it never calls a provider");
    }
  }

  private BatchService newService(TemplateService templates, ProjectService projects, UsageService usage) {
    Providers providers = new Providers(List.of(new FakeText()), List.of(), null, List.of());
    GenerationService generation = new GenerationService(documents, projects, templates, usage, () -> providers,
        () -> ProviderPolicy.DIRECT, () -> events, GenerationSettings.from(Config.of(Map.of())), clock);
    return new BatchService(documents, projects, templates, usage, generation, () -> providers, () -> events,
        GenerationSettings.from(Config.of(Map.of("GENERATION_MAX_ITEMS", "20"))), clock);
  }

  private BatchService batches;
  private String batchId;

  @BeforeEach
  void open() {
    documents = SqliteDocumentStore.open(dir.resolve("cc.db"));
    events = SqliteEventBus.open(dir.resolve("cc.db"));
    UserService users = new UserService(documents, clock);
    users.ensure(alice);
    ProjectService projects = new ProjectService(documents, users, clock);
    TemplateService templates = new TemplateService(documents, projects, clock);
    UsageService usage = new UsageService(documents, Limits.from(Config.of(Map.of())), clock);
    project = projects.create(alice, "Shop", "").id();
    TemplateView t = templates.create("alice", project, "Description", ContentKind.TEXT,
        "Describe {{product}} in one line", List.of(new Template.Variable("product", "string", true, null, null, 100)));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      rows.add(Map.of("product", "product " + i));
    }
    batches = newService(templates, projects, usage);
    BatchView b = batches.create("alice", project, new BatchService.Spec("Weekly", t.id(), rows, "0 9 * * 1",
        "Europe/Paris", 4, 0, Optional.empty(), Optional.empty(), Map.of()));
    batchId = b.id();
  }

  @AfterEach
  void close() {
    events.close();
    documents.close();
  }

  private List<JsonObject> runs() {
    return batches.runs("alice", project, batchId, 100, null).items().stream().map(BatchSchedulerTest::tree).toList();
  }

  /** A view as the API writes it. */
  private static JsonObject tree(Object view) {
    return Json.toApiTree(view).getAsJsonObject();
  }

  @Test
  void nothingStartsBeforeTheDueTime() {
    now = MONDAY_0900.minusSeconds(60);
    assertEquals(0, batches.tick());
    assertTrue(runs().isEmpty());
  }

  @Test
  void theRunStartsAtItsDueTimeOnceWithOneItemPerRow() {
    now = MONDAY_0900.plusSeconds(20);
    assertEquals(1, batches.tick());
    assertEquals(0, batches.tick(), "a second call at the same time starts nothing");
    List<JsonObject> history = runs();
    assertEquals(1, history.size());
    JsonObject run = history.get(0);
    assertEquals("schedule", run.get("trigger").getAsString());
    assertEquals(MONDAY_0900.toString(), Instant.parse(run.get("dueAt").getAsString()).toString());
    assertEquals(50, run.get("items").getAsInt());
    assertEquals("queued", run.get("status").getAsString());
    String jobId = run.get("jobId").getAsString();
    assertEquals(jobId, run.getAsJsonArray("jobIds").get(0).getAsString());
    List<GenerationItem> items = Jobs.items(documents, jobId);
    assertEquals(20, items.size(), "a job holds at most GENERATION_MAX_ITEMS (20 here) of the 50 rows");
    assertEquals("Describe product 7 in one line", items.get(6).prompt());
    GenerationJob job = documents.get(Jobs.JOBS, jobId).map(Jobs::job).orElseThrow();
    assertEquals(batchId, job.batchId());
    assertEquals(1, job.maxConcurrent(), "the batch's 4 at a time shared by its 3 jobs");
    assertEquals(3, events.messageCount(GenerationSettings.TOPIC), "one event per job for the fan-out");
  }

  @Test
  void twoSchedulersRacingStartTheRunOnce() throws Exception {
    now = MONDAY_0900.plusSeconds(5);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(batches::tick);
    }
    int started = 0;
    for (Future<Integer> f : pool.invokeAll(calls)) {
      started += f.get();
    }
    pool.shutdown();
    assertEquals(1, started);
    assertEquals(1, runs().size());
  }

  @Test
  void runsMissedWhileNothingCalledStartOnceForTheLatestDueTime() {
    now = MONDAY_0900.plus(java.time.Duration.ofDays(21)).plusSeconds(3600);
    assertEquals(1, batches.tick());
    assertEquals(0, batches.tick());
    JsonObject run = runs().get(0);
    assertEquals(MONDAY_0900.plus(java.time.Duration.ofDays(21)), Instant.parse(run.get("dueAt").getAsString()));
  }

  @Test
  void aPausedBatchStartsNothingAndResumesFromNow() {
    batches.update("alice", project, batchId, null, new BatchService.Change(Optional.empty(), Optional.of(true),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    now = MONDAY_0900.plusSeconds(10);
    assertEquals(0, batches.tick());
    now = MONDAY_0900.plusSeconds(3600);
    batches.update("alice", project, batchId, null, new BatchService.Change(Optional.empty(), Optional.of(false),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    assertEquals(0, batches.tick(), "the run due while paused is not made up");
    now = MONDAY_0900.plus(java.time.Duration.ofDays(7)).plusSeconds(1);
    assertEquals(1, batches.tick());
  }

  @Test
  void runNowStartsARunWhateverTheSchedule() {
    BatchService.RunNow answer = batches.runNow("alice", project, batchId);
    assertTrue(answer.started());
    JsonObject run = tree(answer.run());
    assertEquals("manual", run.get("trigger").getAsString());
    assertEquals(50, run.get("items").getAsInt());
  }

  @Test
  void aRunOfMoreRowsThanAJobHoldsIsSplitIntoCappedJobsEachPublished() {
    JsonObject run = tree(batches.runNow("alice", project, batchId).run());
    List<Integer> sizes = new ArrayList<>();
    int row = 1;
    for (var id : run.getAsJsonArray("jobIds")) {
      GenerationJob job = documents.get(Jobs.JOBS, id.getAsString()).map(Jobs::job).orElseThrow();
      sizes.add(job.itemCount());
      assertEquals(GenerationJob.Status.QUEUED, job.status());
      assertEquals(batchId, job.batchId());
      for (GenerationItem item : Jobs.items(documents, job.id())) {
        assertEquals("Describe product " + row++ + " in one line", item.prompt(), "rows stay in order across jobs");
      }
    }
    assertEquals(List.of(20, 20, 10), sizes);
    assertEquals("queued", run.get("status").getAsString());
    assertEquals(50, run.get("items").getAsInt());
  }

  @Test
  void aSecondRunNowAnswersTheRunStillGoing() {
    BatchService.RunNow first = batches.runNow("alice", project, batchId);
    now = now.plusSeconds(60);
    BatchService.RunNow second = batches.runNow("alice", project, batchId);
    assertFalse(second.started());
    assertEquals(first.run().id(), second.run().id());
    assertEquals(1, runs().size());
  }

  @Test
  void aBrokenBatchIsMarkedAndTheOthersStillRun() {
    // A second batch whose document this version cannot read, sorted before the healthy one.
    JsonObject broken = documents.get(BatchService.BATCHES, batchId).orElseThrow().data().deepCopy();
    broken.addProperty("id", "0broken");
    broken.addProperty("kind", "hologram");
    documents.create(BatchService.BATCHES, "0broken", broken);
    now = MONDAY_0900.plusSeconds(30);
    assertEquals(1, batches.tick(), "the healthy batch still starts its run");
    JsonObject marked = documents.get(BatchService.BATCHES, "0broken").orElseThrow().data();
    assertTrue(marked.has("lastError") && marked.has("lastErrorAt"), marked.toString());
    assertEquals(1, runs().size());
  }
}
