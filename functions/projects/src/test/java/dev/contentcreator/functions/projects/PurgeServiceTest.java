package dev.contentcreator.functions.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.deletion.PurgeService;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The purge's pages over the embedded store and folder: paged, idempotent, and only for a marked deletion. */
class PurgeServiceTest {
  @TempDir Path dir;
  private SqliteDocumentStore store;
  private FolderBlobStore blobs;
  private final Queue queue = new Queue();
  private PurgeService purges;
  private TaskHandler handler;

  /** A task queue that keeps what was enqueued, with Cloud Tasks' named-task dedupe. */
  static final class Queue implements TaskQueue {
    final Deque<Task> pending = new ArrayDeque<>();
    final Set<String> names = new HashSet<>();

    @Override
    public boolean enqueue(Task task) {
      if (!names.add(task.name())) {
        return false;
      }
      pending.add(task);
      return true;
    }
  }

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    blobs = FolderBlobStore.open(dir.resolve("blobs"));
    purges = PurgeService.builder().withDocuments(store).withBlobs(() -> blobs).withTasks(() -> queue)
        .withPageSize(3).withClock(Clock.systemUTC()).build();
    handler = PurgeService.handlers(() -> purges).get(PurgeService.HANDLER);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void put(String collection, String id, String projectId) {
    JsonObject d = new JsonObject();
    d.addProperty("projectId", projectId);
    d.addProperty("contentId", "c1");
    store.set(collection, id, d);
  }

  private int count(String collection, String projectId) {
    return store.query(Query.on(collection).whereEqualTo("projectId", projectId).limit(500).build()).items().size();
  }

  private static TaskHandler.Context attempt(TaskQueue.Task t, int n) {
    return new TaskHandler.Context(t.queue(), t.name(), n, Instant.now());
  }

  @Test
  void aPurgedProjectLosesItsKnowledgeDocumentsTextsAndVectorsAndNoOtherProjectsDo() throws Exception {
    try (dev.contentcreator.embedded.vectors.SqliteVectors vectors = dev.contentcreator.embedded.vectors.SqliteVectors
        .open(dir.resolve("t.db"), java.time.Duration.ofSeconds(5))) {
      PurgeService withVectors = PurgeService.builder().withDocuments(store).withBlobs(() -> blobs).withTasks(() -> queue)
          .withVectors(() -> vectors).withPageSize(3).withClock(Clock.systemUTC()).build();
      TaskHandler purge = PurgeService.handlers(() -> withVectors).get(PurgeService.HANDLER);
      for (String p : java.util.List.of("p1", "p2")) {
        put("knowledgedocs", "k-" + p, p);
        blobs.put("projects/" + p + "/knowledge/k-" + p + ".txt", new ByteArrayInputStream(new byte[] {1}), "text/plain");
        for (int i = 0; i < 5; i++) {
          vectors.upsert(p, new dev.contentcreator.core.ports.Vectors.Entry("k-" + p + "-" + i, "k-" + p,
              new dev.contentcreator.core.ports.Vectors.Embedding("m", new float[] {i, 1}), java.util.Map.of()));
        }
      }
      PurgeService.Ticket ticket = withVectors.startProject("p1");
      store.transaction(tx -> {
        ticket.mark(tx, "owner", Instant.now());
        return null;
      });
      while (!queue.pending.isEmpty()) {
        TaskQueue.Task t = queue.pending.poll();
        purge.handle(attempt(t, 1), t.payload());
      }
      assertEquals(0, count("knowledgedocs", "p1"));
      assertEquals(0, vectors.count("p1"));
      assertTrue(blobs.list("projects/p1/").isEmpty());
      assertEquals(1, count("knowledgedocs", "p2"));
      assertEquals(5, vectors.count("p2"));
      assertEquals(1, blobs.list("projects/p2/").size());
    }
  }

  @Test
  void aMarkedProjectIsPurgedInPagesEvenWhenEveryTaskRunsTwice() throws Exception {
    for (int i = 0; i < 8; i++) {
      put("versions", "v" + i, "p1");
    }
    put("templates", "t1", "p1");
    for (int i = 0; i < 4; i++) {
      put("comments", "cm" + i, "p1");
      put("notifications", "n" + i, "p1");
    }
    put("comments", "other-comment", "p2");
    put("versions", "other", "p2");
    put("usage", "project-p1-2026-03", "p1");
    blobs.put("projects/p1/media/abc/web.webp", new ByteArrayInputStream(new byte[] {1, 2}), "image/webp");
    blobs.put("projects/p2/media/def/web.webp", new ByteArrayInputStream(new byte[] {3}), "image/webp");
    PurgeService.Ticket ticket = purges.startProject("p1");
    store.transaction(tx -> {
      ticket.mark(tx, "owner", Instant.now());
      return null;
    });
    int steps = 0;
    while (!queue.pending.isEmpty()) {
      TaskQueue.Task t = queue.pending.poll();
      handler.handle(attempt(t, 1), t.payload());
      handler.handle(attempt(t, 2), t.payload());
      steps++;
    }
    assertEquals(0, count("versions", "p1"));
    assertEquals(0, count("templates", "p1"));
    assertEquals(0, count("comments", "p1"));
    assertEquals(0, count("notifications", "p1"));
    assertEquals(1, count("comments", "p2"), "another project's comments stay");
    assertEquals(1, count("versions", "p2"), "another project's versions stay");
    assertEquals(1, count("usage", "p1"), "usage history stays");
    assertTrue(blobs.list("projects/p1/").isEmpty());
    assertEquals(1, blobs.list("projects/p2/").size());
    assertTrue(store.get(PurgeService.PURGES, "project-p1").isEmpty(), "the tombstone goes last");
    assertTrue(steps > 8 / 3, "eight versions took more than one page: " + steps);
  }

  @Test
  void aDeletedContentItemTakesItsCommentsAndLeavesTheOthers() throws Exception {
    put("versions", "c1_1", "p1");
    for (int i = 0; i < 5; i++) {
      put("comments", "cm" + i, "p1");
    }
    JsonObject other = new JsonObject();
    other.addProperty("projectId", "p1");
    other.addProperty("contentId", "c2");
    store.set("comments", "on-c2", other);
    PurgeService.Ticket ticket = purges.startContent("p1", "c1");
    store.transaction(tx -> {
      ticket.mark(tx, "owner", Instant.now());
      return null;
    });
    while (!queue.pending.isEmpty()) {
      TaskQueue.Task t = queue.pending.poll();
      handler.handle(attempt(t, 1), t.payload());
    }
    assertEquals(1, count("comments", "p1"), "only the other item's comment stays");
    assertTrue(store.get("comments", "on-c2").isPresent());
    assertEquals(0, count("versions", "p1"));
  }

  @Test
  void aDeletionThatWasNeverMarkedPurgesNothing() throws Exception {
    put("versions", "v1", "p1");
    purges.startProject("p1");
    TaskQueue.Task first = queue.pending.poll();
    assertThrows(TaskHandler.RetryLaterException.class, () -> handler.handle(attempt(first, 1), first.payload()));
    handler.handle(attempt(first, 8), first.payload());
    assertTrue(queue.pending.isEmpty());
    assertEquals(1, count("versions", "p1"));
  }
}
