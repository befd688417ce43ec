package dev.contentcreator.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A request to generate {@code itemCount} items of one kind into a project, and how far it got.
 * {@code request} is the normalised request (prompt with variables filled in, options), kept so
 * every item can be run, retried or served from the cache from it alone. A batch run's job has its
 * {@code batchId}, may run at most {@code maxConcurrent} items at once (0: no cap of its own) and
 * stops starting items once {@code costMicros} reaches {@code budgetMicros} (0: no budget).
 */
public record GenerationJob(
    String id,
    String projectId,
    ContentKind kind,
    String provider,
    String model,
    boolean demo,
    Status status,
    int itemCount,
    int completed,
    int failed,
    int cancelled,
    String prompt,
    String systemPrompt,
    Map<String, String> options,
    String templateId,
    String contentId,
    boolean fresh,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt,
    String batchId,
    int maxConcurrent,
    long budgetMicros,
    long costMicros) {

  /** Where a job is in its life. */
  public enum Status {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean terminal() {
      return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
  }

  /** Items that have ended one way or another. */
  public int ended() {
    return completed + failed + cancelled;
  }
}
