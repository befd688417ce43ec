package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.EventHandler;
import dev.contentcreator.core.ports.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The subscriber of {@code generation-requests}: one task per item that has not ended, each named
 * from its job and index, so a redelivered event enqueues nothing twice. Events about jobs that
 * completed or failed, or older than a day, are dropped. A cancelled job's items that have not
 * ended still get their tasks, all at once whatever the job's cap: a runner that picks one up
 * cancels it without calling a provider, and nothing else would end them (a cancel that comes
 * before its job's event, or before a capped job's later items were enqueued, left them queued).
 */
public final class FanOut implements EventHandler {
  static final Duration TOO_OLD = Duration.ofDays(1);

  private final DocumentStore documents;
  private final Supplier<TaskQueue> tasks;
  private final Clock clock;

  public FanOut(DocumentStore documents, Supplier<TaskQueue> tasks, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Fans out every job still queued, as if its event came again: for a job whose event was published
   * before the subscriber existed (the very first start) or was never published (the publish failed
   * after the job was stored). Harmless for the rest, since tasks are named. Returns how many.
   */
  public int fanOutQueuedJobs() {
    int count = 0;
    String cursor = null;
    do {
      var page = documents.query(dev.contentcreator.core.ports.Query.on(Jobs.JOBS).whereEqualTo("status", "queued")
          .limit(100).startAfter(cursor).build());
      for (var d : page.items()) {
        JsonObject data = new JsonObject();
        data.addProperty("jobId", d.id());
        handle(new Event("sweep-" + d.id(), GenerationSettings.TOPIC, data, java.util.Map.of(), null, 1));
        count++;
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return count;
  }

  /**
   * Enqueues the items of a job that have not ended, or for a job with a concurrency cap only the
   * first {@code maxConcurrent} of them by index (running ones included): called again whenever one
   * of its items ends, it keeps at most that many going. Named tasks make every call idempotent.
   */
  public static void enqueue(DocumentStore documents, TaskQueue tasks, GenerationJob job, java.time.Instant now) {
    IntStream indexes;
    if (job.status() == GenerationJob.Status.QUEUED && job.maxConcurrent() == 0) {
      // A job no item has started yet, without a cap: every item gets its task, without reading the
      // items (a query of up to 100 documents, billed each, for the first event of every job). An
      // item that has ended meanwhile (its job started by another item's claim) finds so at its claim.
      indexes = IntStream.range(0, job.itemCount());
    } else {
      java.util.List<GenerationItem> open = Jobs.items(documents, job.id()).stream()
          .filter(i -> !i.status().terminal()).toList();
      boolean capped = job.maxConcurrent() > 0 && job.status() != GenerationJob.Status.CANCELLED;
      int window = capped ? Math.min(job.maxConcurrent(), open.size()) : open.size();
      indexes = open.subList(0, window).stream().mapToInt(GenerationItem::index);
    }
    tasks.enqueueAll(indexes.mapToObj(i -> GenerationTasks.generate(job.id(), i, now)).toList());
  }

  @Override
  public void handle(Event event) {
    if (event.publishTime() != null && event.publishTime().plus(TOO_OLD).isBefore(clock.instant())) {
      return;
    }
    if (!event.data().has("jobId")) {
      return;
    }
    String jobId = event.data().get("jobId").getAsString();
    Optional<GenerationJob> job = documents.get(Jobs.JOBS, jobId).map(Jobs::job);
    if (job.isEmpty() || !needsTasks(job.get())) {
      return;
    }
    enqueue(documents, tasks.get(), job.get(), clock.instant());
  }

  /** Whether a job's open items may still need a task: it is going, or it was cancelled. */
  static boolean needsTasks(GenerationJob job) {
    return !job.status().terminal() || job.status() == GenerationJob.Status.CANCELLED;
  }
}
