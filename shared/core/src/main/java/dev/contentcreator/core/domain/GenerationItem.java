package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * One item of a job: one provider call. It ends exactly once, completed (with the content item it
 * made), failed (with a reason a person can read) or cancelled; {@code charged} records that its
 * usage was counted, so it is counted once. {@code prompt} is the item's own (a batch row's), or
 * null for the job's.
 */
public record GenerationItem(
    String id,
    String jobId,
    String projectId,
    int index,
    Status status,
    int attempts,
    String providerTaskId,
    String contentId,
    String failureReason,
    boolean cached,
    boolean charged,
    long inputTokens,
    long outputTokens,
    int images,
    double videoSeconds,
    long costMicros,
    Instant deadlineAt,
    Instant createdAt,
    Instant updatedAt,
    String prompt) {

  /** Where an item is in its life. */
  public enum Status {
    QUEUED, RUNNING, WAITING, COMPLETED, FAILED, CANCELLED;

    public boolean terminal() {
      return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
  }

  public static String documentId(String jobId, int index) {
    return jobId + "_" + index;
  }
}
