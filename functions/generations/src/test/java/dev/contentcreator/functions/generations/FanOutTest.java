package dev.contentcreator.functions.generations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.generation.FanOut;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.JobLedger;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.EventHandler.Event;
import dev.contentcreator.embedded.queue.SqliteTaskQueue;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fan-out on the real embedded store and queue: one task per item, however often the event comes. */
class FanOutTest {
  @TempDir Path dir;
  private SqliteDocumentStore documents;
  private SqliteTaskQueue tasks;
  private FanOut fanOut;
  private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

  @BeforeEach
  void open() {
    documents = SqliteDocumentStore.open(dir.resolve("cc.db"));
    tasks = SqliteTaskQueue.open(dir.resolve("cc.db"));
    fanOut = new FanOut(documents, () -> tasks, Clock.fixed(now, java.time.ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    tasks.close();
    documents.close();
  }

  private void storeJob(String jobId, int items, GenerationJob.Status status, int endedItems) {
    storeJob(jobId, items, status, endedItems, 0);
  }

  private void storeJob(String jobId, int items, GenerationJob.Status status, int endedItems, int cap) {
    GenerationJob job = GenerationJob.builder().id(jobId).project("p1", "u1")
        .maker(ContentKind.TEXT, "demo", "demo-text", true).status(status).itemCount(items)
        .request("prompt", "", Map.of()).batch(cap > 0 ? "b1" : null, cap, 0).times(now, now).build();
    documents.transaction(tx -> {
      JobLedger.open(tx, job, Collections.nCopies(items, Reservation.NONE), List.of());
      return null;
    });
    for (int i = 0; i < endedItems; i++) {
      GenerationItem ended = GenerationItem.queued(jobId, "p1", i, null, Reservation.NONE, now)
          .completed("c" + i, false, GenerationItem.Used.NONE, now);
      documents.set(Jobs.ITEMS, ended.id(), Json.toTree(ended).getAsJsonObject());
    }
  }

  private static Event event(String jobId, Instant published, int attempt) {
    JsonObject data = new JsonObject();
    data.addProperty("jobId", jobId);
    return new Event("m-" + attempt, GenerationSettings.TOPIC, data, Map.of(), published, attempt);
  }

  @Test
  void aRedeliveredEventEnqueuesNothingTwice() {
    storeJob("job1", 3, GenerationJob.Status.QUEUED, 0);
    fanOut.handle(event("job1", now, 1));
    fanOut.handle(event("job1", now, 2));
    assertEquals(3, tasks.stats(GenerationSettings.QUEUE).pending());
  }

  @Test
  void aQueuedJobsFirstEventEnqueuesEveryItemWithoutReadingThem() {
    storeJob("job9", 5, GenerationJob.Status.QUEUED, 0);
    List<String> queried = new java.util.ArrayList<>();
    dev.contentcreator.core.ports.DocumentStore counting = new dev.contentcreator.core.ports.DocumentStore() {
      @Override
      public java.util.Optional<dev.contentcreator.core.ports.Document> get(String collection, String id) {
        return documents.get(collection, id);
      }

      @Override
      public dev.contentcreator.core.ports.Page query(dev.contentcreator.core.ports.Query query) {
        queried.add(query.collection());
        return documents.query(query);
      }

      @Override
      public <T> T transaction(TransactionWork<T> work) {
        return documents.transaction(work);
      }

      @Override
      public void close() {}
    };
    new FanOut(counting, () -> tasks, Clock.fixed(now, java.time.ZoneOffset.UTC)).handle(event("job9", now, 1));
    assertEquals(5, tasks.stats(GenerationSettings.QUEUE).pending());
    assertEquals(List.of(), queried, "the job's document alone was read");
  }

  @Test
  void itemsThatEndedGetNoTask() {
    storeJob("job2", 4, GenerationJob.Status.RUNNING, 3);
    fanOut.handle(event("job2", now, 1));
    assertEquals(1, tasks.stats(GenerationSettings.QUEUE).pending());
  }

  @Test
  void anEventOlderThanADayIsDropped() {
    storeJob("job3", 2, GenerationJob.Status.QUEUED, 0);
    fanOut.handle(event("job3", now.minus(Duration.ofHours(25)), 1));
    assertEquals(0, tasks.stats(GenerationSettings.QUEUE).pending());
  }

  @Test
  void aQueuedJobWhoseEventNeverCameIsFannedOutByTheSweep() {
    storeJob("job5", 2, GenerationJob.Status.QUEUED, 0);
    storeJob("job6", 3, GenerationJob.Status.COMPLETED, 3);
    assertEquals(1, fanOut.fanOutQueuedJobs());
    assertEquals(2, tasks.stats(GenerationSettings.QUEUE).pending());
    fanOut.fanOutQueuedJobs();
    assertEquals(2, tasks.stats(GenerationSettings.QUEUE).pending(), "sweeping again enqueues nothing twice");
  }

  @Test
  void anEventForACompletedOrFailedJobIsDropped() {
    storeJob("job4", 2, GenerationJob.Status.COMPLETED, 0);
    storeJob("job7", 2, GenerationJob.Status.FAILED, 0);
    fanOut.handle(event("job4", now, 1));
    fanOut.handle(event("job7", now, 1));
    assertEquals(0, tasks.stats(GenerationSettings.QUEUE).pending());
  }

  @Test
  void aJobCancelledBeforeItsEventCameStillHandsItsOpenItemsToRunnersWhateverItsCap() {
    // Cancelled with one item ended: the other five would stay queued for ever without a task.
    storeJob("job8", 6, GenerationJob.Status.CANCELLED, 1, 2);
    fanOut.handle(event("job8", now, 1));
    assertEquals(5, tasks.stats(GenerationSettings.QUEUE).pending());
    fanOut.handle(event("job8", now, 2));
    assertEquals(5, tasks.stats(GenerationSettings.QUEUE).pending(), "a second event enqueues nothing twice");
  }

  @Test
  void aGoingJobWithACapGetsOnlyItsWindow() {
    storeJob("job9", 6, GenerationJob.Status.RUNNING, 1, 2);
    fanOut.handle(event("job9", now, 1));
    assertEquals(2, tasks.stats(GenerationSettings.QUEUE).pending());
  }
}
