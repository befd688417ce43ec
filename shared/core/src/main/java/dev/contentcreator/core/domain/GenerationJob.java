package dev.contentcreator.core.domain;

import java.time.Instant;

/** A request to generate {@code itemCount} items of one kind into a project. (Type only for now.) */
public record GenerationJob(
    String id,
    String projectId,
    ContentKind kind,
    Status status,
    int itemCount,
    int completed,
    int failed,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt) {

  /** Where a job is in its life. */
  public enum Status { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED }
}
