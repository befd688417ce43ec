package dev.contentcreator.core.hooks;

import com.google.gson.JsonObject;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.domain.Comment;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.generation.JobOutcomes;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.review.ReviewListener;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the product's events become webhook events: the job ledger's outcomes (a job ended, an
 * item failed, and a batch run ended once every job of it has), review moves and new comments.
 * Each only queues the event ({@link HookService#emit}) and never throws.
 */
public final class HookEvents implements JobOutcomes, ReviewListener, Consumer<Comment> {
  private final Supplier<DocumentStore> documents;
  private final Supplier<HookService> hooks;

  public HookEvents(Supplier<DocumentStore> documents, Supplier<HookService> hooks) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.hooks = Objects.requireNonNull(hooks, "hooks");
  }

  @Override
  public void jobEnded(GenerationJob job) {
    JsonObject data = new JsonObject();
    data.addProperty("jobId", job.id());
    data.addProperty("status", job.status().name().toLowerCase(java.util.Locale.ROOT));
    data.addProperty("kind", job.kind().name().toLowerCase(java.util.Locale.ROOT));
    data.addProperty("itemCount", job.itemCount());
    data.addProperty("completed", job.completed());
    data.addProperty("failed", job.failed());
    data.addProperty("cancelled", job.cancelled());
    data.addProperty("costMicros", job.costMicros());
    data.addProperty("requestedBy", job.requestedBy());
    if (job.contentId() != null) {
      data.addProperty("contentId", job.contentId());
    }
    if (job.batchId() != null) {
      data.addProperty("batchId", job.batchId());
    }
    hooks.get().emit(job.projectId(), HookEventType.JOB_COMPLETED, "job/" + job.id(), data);
    if (job.batchId() != null) {
      runEnded(job);
    }
  }

  @Override
  public void itemFailed(GenerationItem item) {
    JsonObject data = new JsonObject();
    data.addProperty("jobId", item.jobId());
    data.addProperty("itemId", item.id());
    data.addProperty("index", item.index());
    data.addProperty("reason", item.failureReason());
    hooks.get().emit(item.projectId(), HookEventType.ITEM_FAILED, "item/" + item.id(), data);
  }

  @Override
  public void moved(ContentItem before, ReviewStatus to, Member by, String note) {
    JsonObject data = new JsonObject();
    data.addProperty("contentId", before.id());
    data.addProperty("title", before.title());
    data.add("from", Json.toTree(before.reviewStatus()));
    data.add("to", Json.toTree(to));
    data.addProperty("byUid", by.uid());
    data.addProperty("byName", by.shownName());
    if (note != null && !note.isBlank()) {
      data.addProperty("note", note);
    }
    // Every move is its own event (the listener is told once, after the move committed).
    hooks.get().emit(before.projectId(), HookEventType.CONTENT_STATUS_CHANGED, "move/" + before.id() + "/" + Ids.newId(),
        data);
  }

  /** A comment was posted. */
  @Override
  public void accept(Comment c) {
    JsonObject data = new JsonObject();
    data.addProperty("contentId", c.contentId());
    data.addProperty("commentId", c.id());
    data.addProperty("threadId", c.threadId());
    if (c.parentId() != null) {
      data.addProperty("parentId", c.parentId());
    }
    data.addProperty("version", c.version());
    data.addProperty("authorUid", c.authorUid());
    data.addProperty("authorName", c.authorName());
    data.addProperty("body", c.body());
    hooks.get().emit(c.projectId(), HookEventType.COMMENT_ADDED, "comment/" + c.id(), data);
  }

  /** Emits batch_run.completed when every job of the run this job belongs to has ended. */
  private void runEnded(GenerationJob job) {
    try {
      List<Document> runs = documents.get().query(Query.on(BatchService.RUNS).whereEqualTo("batchId", job.batchId())
          .orderBy("startedAt", Query.Direction.DESCENDING).limit(20).build()).items();
      for (Document d : runs) {
        JsonObject run = d.data();
        if (!run.has("jobs") || !run.get("jobs").isJsonArray()) {
          continue;
        }
        List<String> jobIds = new java.util.ArrayList<>();
        run.getAsJsonArray("jobs").forEach(j -> jobIds.add(j.getAsJsonObject().get("jobId").getAsString()));
        if (!jobIds.contains(job.id())) {
          continue;
        }
        int completed = 0;
        int failed = 0;
        int cancelled = 0;
        for (String id : jobIds) {
          Optional<GenerationJob> other = id.equals(job.id()) ? Optional.of(job)
              : documents.get().get(Jobs.JOBS, id).map(Jobs::job);
          if (other.isEmpty() || !other.get().status().terminal()) {
            return;
          }
          completed += other.get().completed();
          failed += other.get().failed();
          cancelled += other.get().cancelled();
        }
        JsonObject data = new JsonObject();
        data.addProperty("batchId", job.batchId());
        data.addProperty("runId", d.id());
        data.add("jobIds", Json.toTree(jobIds));
        data.addProperty("completed", completed);
        data.addProperty("failed", failed);
        data.addProperty("cancelled", cancelled);
        hooks.get().emit(job.projectId(), HookEventType.BATCH_RUN_COMPLETED, "run/" + d.id(), data);
        return;
      }
    } catch (RuntimeException e) {
      Log.error("could not tell webhooks that the batch run of job " + job.id() + " ended", e);
    }
  }
}
