package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.Query;
import java.util.List;
import java.util.Optional;

/** Reading and writing jobs and items as documents ({@code jobs/<id>}, {@code items/<jobId>_<index>}). */
public final class Jobs {
  public static final String JOBS = "jobs";
  public static final String ITEMS = "items";

  private Jobs() {}

  public static GenerationJob job(Document d) {
    return Json.fromTree(d.data(), GenerationJob.class);
  }

  public static GenerationItem item(Document d) {
    return Json.fromTree(d.data(), GenerationItem.class);
  }

  public static Optional<GenerationJob> job(Transaction tx, String jobId) {
    return tx.get(JOBS, jobId).map(Jobs::job);
  }

  public static Optional<GenerationItem> item(Transaction tx, String itemId) {
    return tx.get(ITEMS, itemId).map(Jobs::item);
  }

  public static void put(Transaction tx, GenerationJob job) {
    tx.set(JOBS, job.id(), Json.toTree(job).getAsJsonObject());
  }

  public static void put(Transaction tx, GenerationItem item) {
    tx.set(ITEMS, item.id(), Json.toTree(item).getAsJsonObject());
  }

  public static List<GenerationItem> items(DocumentStore documents, String jobId) {
    return documents.query(Query.on(ITEMS).whereEqualTo("jobId", jobId).orderBy("index", Query.Direction.ASCENDING)
        .limit(Query.MAX_LIMIT).build()).items().stream().map(Jobs::item).toList();
  }

  static GenerationJob withCounts(GenerationJob j, GenerationJob.Status status, int completed, int failed,
      int cancelled, java.time.Instant now) {
    return new GenerationJob(j.id(), j.projectId(), j.kind(), j.provider(), j.model(), j.demo(), status, j.itemCount(),
        completed, failed, cancelled, j.prompt(), j.systemPrompt(), j.options(), j.templateId(), j.contentId(),
        j.fresh(), j.requestedBy(), j.createdAt(), now, j.batchId(), j.maxConcurrent(), j.budgetMicros(), j.costMicros());
  }

  /** The job with {@code micros} more spent. */
  static GenerationJob plusCost(GenerationJob j, long micros) {
    return new GenerationJob(j.id(), j.projectId(), j.kind(), j.provider(), j.model(), j.demo(), j.status(),
        j.itemCount(), j.completed(), j.failed(), j.cancelled(), j.prompt(), j.systemPrompt(), j.options(),
        j.templateId(), j.contentId(), j.fresh(), j.requestedBy(), j.createdAt(), j.updatedAt(), j.batchId(),
        j.maxConcurrent(), j.budgetMicros(), j.costMicros() + micros);
  }

  /** The prompt of an item: its own (a batch row's) or its job's. */
  static String promptOf(GenerationJob job, GenerationItem item) {
    return item.prompt() != null ? item.prompt() : job.prompt();
  }

  /** The status a job has once {@code ended} of its items have ended. */
  static GenerationJob.Status settle(GenerationJob j, int completed, int failed, int cancelled) {
    if (j.status() == GenerationJob.Status.CANCELLED) {
      return GenerationJob.Status.CANCELLED;
    }
    if (completed + failed + cancelled < j.itemCount()) {
      return GenerationJob.Status.RUNNING;
    }
    return completed > 0 ? GenerationJob.Status.COMPLETED : GenerationJob.Status.FAILED;
  }

  static GenerationItem with(GenerationItem i, GenerationItem.Status status, int attempts, String providerTaskId,
      String contentId, String reason, boolean cached, boolean charged, long in, long out, int images, double video,
      long cost, java.time.Instant deadline, java.time.Instant now) {
    return new GenerationItem(i.id(), i.jobId(), i.projectId(), i.index(), status, attempts, providerTaskId, contentId,
        reason, cached, charged, in, out, images, video, cost, deadline, i.createdAt(), now, i.prompt(), i.reserved(),
        status.terminal() ? null : i.leaseOwner(), status.terminal() ? null : i.leaseUntil());
  }

  /** The item held by {@code owner} until {@code until}; a null owner lets the lease go. */
  static GenerationItem withLease(GenerationItem i, String owner, java.time.Instant until) {
    return new GenerationItem(i.id(), i.jobId(), i.projectId(), i.index(), i.status(), i.attempts(), i.providerTaskId(),
        i.contentId(), i.failureReason(), i.cached(), i.charged(), i.inputTokens(), i.outputTokens(), i.images(),
        i.videoSeconds(), i.costMicros(), i.deadlineAt(), i.createdAt(), i.updatedAt(), i.prompt(), i.reserved(),
        owner, owner == null ? null : until);
  }
}
