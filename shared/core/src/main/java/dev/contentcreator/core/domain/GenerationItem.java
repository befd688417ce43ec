package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * One item of a job: one provider call. It ends exactly once, completed (with the content item it
 * made), failed (with a reason a person can read) or cancelled; {@code charged} records that its
 * usage was counted, so it is counted once. {@code prompt} is the item's own (a batch row's), or
 * null for the job's. {@code reserved} is what its job reserved for it against the monthly limits
 * (null for an item accepted before reservations existed), given back or turned into use when it
 * ends. {@code leaseOwner} and {@code leaseUntil} name the one delivery of its task that may call
 * the provider for it until then: another delivery backs off while the lease is live.
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
    String prompt,
    Reservation reserved,
    String leaseOwner,
    Instant leaseUntil) {

  /** An item with nothing reserved and no lease (tests, and items made before either existed). */
  public GenerationItem(String id, String jobId, String projectId, int index, Status status, int attempts,
      String providerTaskId, String contentId, String failureReason, boolean cached, boolean charged,
      long inputTokens, long outputTokens, int images, double videoSeconds, long costMicros, Instant deadlineAt,
      Instant createdAt, Instant updatedAt, String prompt) {
    this(id, jobId, projectId, index, status, attempts, providerTaskId, contentId, failureReason, cached, charged,
        inputTokens, outputTokens, images, videoSeconds, costMicros, deadlineAt, createdAt, updatedAt, prompt, null,
        null, null);
  }

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
