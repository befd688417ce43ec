package dev.contentcreator.functions.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.knowledge.DocumentReader;
import dev.contentcreator.core.knowledge.KnowledgeDoc;
import dev.contentcreator.core.knowledge.KnowledgeService;
import dev.contentcreator.core.knowledge.KnowledgeSettings;
import dev.contentcreator.core.ports.Embedder;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import dev.contentcreator.embedded.vectors.SqliteVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge service's background indexing and failures, on the embedded store, with an embedder
 * that can be made to fail: a large document is queued and indexed by its task; a failing embedder
 * is retried by the queue and the last attempt marks the document failed with a reason; a document
 * deleted before its task runs leaves no vectors.
 */
class KnowledgeServiceTest {
  /** A small deterministic embedder: letter counts, which can be told to fail. */
  static final class LetterEmbedder implements Embedder {
    final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public String model() {
      return "letters";
    }

    @Override
    public int dimensions() {
      return 26;
    }

    @Override
    public List<float[]> embed(List<String> texts) throws IOException {
      if (failing.get()) {
        throw new IOException("the embedder is down");
      }
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        float[] v = new float[26];
        for (char c : t.toLowerCase().toCharArray()) {
          if (c >= 'a' && c <= 'z') {
            v[c - 'a']++;
          }
        }
        v[0] += 0.01f;
        out.add(v);
      }
      return out;
    }
  }

  static final class Queue implements TaskQueue {
    final List<Task> pending = new ArrayList<>();

    @Override
    public boolean enqueue(Task task) {
      pending.add(task);
      return true;
    }
  }

  @TempDir Path dir;
  private SqliteDocumentStore store;
  private SqliteVectors vectors;
  private final Queue queue = new Queue();
  private final LetterEmbedder embedder = new LetterEmbedder();
  private KnowledgeService knowledge;
  private TaskHandler handler;
  private String project;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null, true);

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    vectors = SqliteVectors.open(dir.resolve("t.db"), Duration.ofSeconds(5));
    FolderBlobStore blobs = FolderBlobStore.open(dir.resolve("blobs"));
    Clock clock = Clock.systemUTC();
    UserService users = new UserService(store, clock);
    ProjectService projects = new ProjectService(store, users, clock);
    users.ensure(alice);
    project = projects.create(alice, "Bakery", "").id();
    knowledge = new KnowledgeService(store, projects, () -> blobs, () -> vectors, () -> embedder, () -> queue,
        () -> KnowledgeService.pageFetcher(1_000_000, false), DocumentReader::find,
        new KnowledgeSettings(1_000_000, 100, 2, 5), clock);
    handler = KnowledgeService.handlers(() -> knowledge).get(KnowledgeService.INDEX_HANDLER);
  }

  @AfterEach
  void close() {
    vectors.close();
    store.close();
  }

  private static byte[] sections(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("## Part ").append(i).append("\nText of part ").append(i).append(" about ").append("xyz".repeat(i + 1))
          .append(".\n\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void run(TaskQueue.Task task, int attempt) throws Exception {
    handler.handle(new TaskHandler.Context(task.queue(), task.name(), attempt, Instant.now()), task.payload());
  }

  @Test
  void aSmallDocumentIsReadyAtOnceAndALargeOneWhenItsTaskHasRun() throws Exception {
    KnowledgeDoc small = knowledge.upload("alice", project, "small.md", sections(2));
    assertEquals(KnowledgeDoc.READY, small.status());
    assertTrue(queue.pending.isEmpty());

    KnowledgeDoc large = knowledge.upload("alice", project, "large.md", sections(5));
    assertEquals(KnowledgeDoc.QUEUED, large.status());
    assertEquals(1, queue.pending.size());
    run(queue.pending.get(0), 1);
    KnowledgeDoc after = knowledge.get("alice", project, large.id());
    assertEquals(KnowledgeDoc.READY, after.status());
    assertEquals(5, after.passageCount());
    assertEquals("letters", after.model());
    assertEquals(7, vectors.count(project));
    // A second delivery of the task finds it ready and does nothing.
    run(queue.pending.get(0), 2);
    assertEquals(7, vectors.count(project));
  }

  @Test
  void aFailingEmbedderIsRetriedByTheQueueAndTheLastAttemptSaysWhy() throws Exception {
    KnowledgeDoc large = knowledge.upload("alice", project, "large.md", sections(5));
    embedder.failing.set(true);
    TaskQueue.Task task = queue.pending.get(0);
    assertThrows(IOException.class, () -> run(task, 1));
    assertThrows(IOException.class, () -> run(task, 2));
    run(task, 3);
    KnowledgeDoc failed = knowledge.get("alice", project, large.id());
    assertEquals(KnowledgeDoc.FAILED, failed.status());
    assertTrue(failed.reason() != null && !failed.reason().isBlank());
    assertEquals(0, vectors.count(project));
  }

  @Test
  void aSmallDocumentWhoseEmbeddingFailsIsStoredFailedWithItsReason() {
    embedder.failing.set(true);
    KnowledgeDoc doc = knowledge.upload("alice", project, "small.md", sections(1));
    assertEquals(KnowledgeDoc.FAILED, doc.status());
    assertEquals(KnowledgeDoc.FAILED, knowledge.get("alice", project, doc.id()).status());
  }

  @Test
  void aDocumentDeletedBeforeItsTaskRunsLeavesNoVectors() throws Exception {
    KnowledgeDoc large = knowledge.upload("alice", project, "large.md", sections(5));
    knowledge.delete("alice", project, large.id());
    run(queue.pending.get(0), 1);
    assertEquals(0, vectors.count(project));
    assertThrows(ApiException.class, () -> knowledge.get("alice", project, large.id()));
  }

  @Test
  void aSearchRanksByMeaningOfTheEmbedderAndShowsTheDocumentsName() {
    knowledge.upload("alice", project, "small.md", sections(2));
    var hits = knowledge.search("alice", project, "xyzxyz", 2);
    assertEquals("small.md", hits.get(0).documentName());
    assertTrue(hits.get(0).excerpt().contains("Part 1"), hits.toString());
    assertThrows(ApiException.class, () -> knowledge.search("alice", project, " ", 2));
  }
}
