package dev.contentcreator.functions.generations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.generation.GenerationRequest;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.generation.Providers;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Added;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create answers the job it has just stored without reading it back (on Firestore the query of a
 * 100-item job's items was a third of the create's time), and that answer is the job a read finds;
 * a replayed Idempotency-Key answers the first job as it stands, read.
 */
class JobCreateTest {
  @TempDir Path dir;
  // Nanoseconds the store does not keep: the answer must still say what a later read says.
  private final Instant now = Instant.parse("2026-12-04T10:00:00.123456789Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private final Caller owner = new Caller("u1", "u1@example.com", "U", null);
  private SqliteDocumentStore store;
  private final List<String> reads = new ArrayList<>();
  /** The collections each batched read in a transaction named. */
  private final List<List<String>> batches = new ArrayList<>();
  private final List<JsonObject> published = new ArrayList<>();
  private GenerationService generation;
  private String projectId;

  /** The store, noting every read of a job or its items made outside a transaction. */
  private final class Reads implements DocumentStore {
    @Override
    public Optional<Document> get(String collection, String id) {
      note(collection);
      return store.get(collection, id);
    }

    @Override
    public List<Optional<Document>> getAll(String collection, List<String> ids) {
      note(collection);
      return store.getAll(collection, ids);
    }

    @Override
    public Page query(Query query) {
      note(query.collection());
      return store.query(query);
    }

    private void note(String collection) {
      if (collection.equals(Jobs.JOBS) || collection.equals(Jobs.ITEMS)) {
        reads.add(collection);
      }
    }

    @Override
    public <T> T transaction(TransactionWork<T> work) {
      return store.transaction(tx -> work.run(new Transaction() {
        @Override
        public Optional<Document> get(String collection, String id) {
          return tx.get(collection, id);
        }

        @Override
        public List<Optional<Document>> getAll(String collection, List<String> ids) {
          return tx.getAll(collection, ids);
        }

        @Override
        public List<Optional<Document>> getAll(List<Key> keys) {
          batches.add(keys.stream().map(Key::collection).toList());
          return tx.getAll(keys);
        }

        @Override
        public Page query(Query query) {
          return tx.query(query);
        }

        @Override
        public void create(String collection, String id, JsonObject data) {
          tx.create(collection, id, data);
        }

        @Override
        public void set(String collection, String id, JsonObject data) {
          tx.set(collection, id, data);
        }

        @Override
        public void delete(String collection, String id) {
          tx.delete(collection, id);
        }

        @Override
        public Added increment(String collection, String id, JsonObject fields, JsonObject deltas) {
          return tx.increment(collection, id, fields, deltas);
        }
      }));
    }

    @Override
    public void close() {}
  }

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("cc.db"));
    DocumentStore documents = new Reads();
    UsageService usage = new UsageService(documents, Limits.from(Config.of(Map.of())), clock);
    ProjectService projects = new ProjectService(documents, new UserService(documents, clock), clock);
    projectId = projects.create(owner, "Launch", "").id();
    EventBus events = (topic, data, attributes) -> {
      published.add(data);
      return "m" + published.size();
    };
    Providers providers = Providers.load(Config.of(Map.of()));
    generation = new GenerationService(documents, projects, new TemplateService(documents, projects, clock), usage,
        () -> providers, () -> ProviderPolicy.DIRECT, () -> events, GenerationSettings.from(Config.of(Map.of())), clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static GenerationRequest text(int count) {
    return new GenerationRequest(ContentKind.TEXT, Optional.of("A launch post"), Optional.empty(), Map.of(),
        Optional.empty(), Optional.empty(), Map.of(), count, false, Optional.empty());
  }

  @Test
  void aNewJobIsAnsweredAsStoredWithoutReadingItBack() {
    GenerationService.Accepted accepted = generation.create(owner, projectId, "key-1", text(5));

    assertTrue(accepted.created());
    assertEquals(List.of(), reads, "the create read neither the job nor its items back");
    assertEquals(1, published.size(), "the job's event went out once");
    assertEquals(Json.toApiJson(generation.get("u1", projectId, accepted.jobId())), Json.toApiJson(accepted.job()),
        "the answer is the job a read finds, to the millisecond the store keeps");
    assertEquals(List.of(List.of(GenerationService.IDEMPOTENCY, UsageService.COLLECTION, UsageService.COLLECTION,
        UsageService.COLLECTION, dev.contentcreator.core.budgets.Budget.COLLECTION)), batches,
        "the key, the month's held documents and the budget in one batched read");
    assertEquals(5, accepted.job().items().size());
    assertTrue(accepted.job().items().stream().allMatch(i -> i.status() == GenerationItem.Status.QUEUED));
  }

  @Test
  void aReplayedKeyAnswersTheFirstJobAsItStandsNow() {
    GenerationService.Accepted first = generation.create(owner, projectId, "key-1", text(3));
    reads.clear();

    GenerationService.Accepted again = generation.create(owner, projectId, "key-1", text(3));

    assertFalse(again.created());
    assertEquals(first.jobId(), again.jobId());
    assertEquals(List.of(Jobs.JOBS, Jobs.ITEMS), reads, "a replay reads the job and its items");
    assertEquals(Json.toApiJson(first.job()), Json.toApiJson(again.job()));
    assertEquals(2, published.size(), "a job still queued is queued again, in case the first publish failed");
  }
}
