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
 *
 * <p>The components are the stored document's fields (a stored item is read back by their names),
 * so an item is made with {@link #builder()} and moved through its life by named transitions:
 * {@link #claimed}, {@link #leased}, {@link #waiting}, then one of {@link #completed},
 * {@link #failed} or {@link #cancelled}; a transition of an item that has ended is refused.
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

  /** Where an item is in its life. */
  public enum Status {
    QUEUED, RUNNING, WAITING, COMPLETED, FAILED, CANCELLED;

    public boolean terminal() {
      return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
  }

  /** What an item used, in the provider's units, and what that cost in millionths of a dollar. */
  public record Used(long inputTokens, long outputTokens, int images, double videoSeconds, long costMicros) {
    public static final Used NONE = new Used(0, 0, 0, 0, 0);
  }

  public static String documentId(String jobId, int index) {
    return jobId + "_" + index;
  }

  /** What the item used (nothing until it completed). */
  public Used used() {
    return new Used(inputTokens, outputTokens, images, videoSeconds, costMicros);
  }

  /** A builder of a new item: queued, never tried, nothing used, until told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this item's values. */
  public Builder toBuilder() {
    return new Builder().of(jobId, projectId, index).status(status).attempts(attempts)
        .providerTask(providerTaskId, deadlineAt).outcome(contentId, failureReason, cached).charged(charged)
        .used(used()).times(createdAt, updatedAt).prompt(prompt).reserved(reserved).lease(leaseOwner, leaseUntil);
  }

  /**
   * The item claimed by the delivery {@code owner} on its {@code attempt}: running, held until
   * {@code until}, with whatever an earlier attempt left cleared.
   */
  public GenerationItem claimed(String owner, int attempt, Instant until, Instant now) {
    return open().status(Status.RUNNING).attempts(Math.max(attempts, attempt)).outcome(null, null, false)
        .used(Used.NONE).lease(owner, until).updatedAt(now).build();
  }

  /** The item held by {@code owner} until {@code until}; a null owner lets the lease go. */
  public GenerationItem leased(String owner, Instant until) {
    return open().lease(owner, owner == null ? null : until).build();
  }

  /**
   * The item handed to the provider as task {@code providerTaskId}, to be finished by a poll or the
   * provider's webhook before {@code deadline}; no delivery holds it any more.
   */
  public GenerationItem waiting(String providerTaskId, Instant deadline, Instant now) {
    return open().status(Status.WAITING).providerTask(providerTaskId, deadline).outcome(null, null, false)
        .used(Used.NONE).lease(null, null).updatedAt(now).build();
  }

  /** The item ended as made: its content item, whether the cache served it, what it used (charged). */
  public GenerationItem completed(String contentId, boolean cached, Used used, Instant now) {
    return open().status(Status.COMPLETED).outcome(contentId, null, cached).used(used).charged(true)
        .lease(null, null).updatedAt(now).build();
  }

  /** The item ended as failed, with a reason a person can read. */
  public GenerationItem failed(String reason, Instant now) {
    return ended(Status.FAILED, reason, now);
  }

  /** The item ended as cancelled, saying why. */
  public GenerationItem cancelled(String reason, Instant now) {
    return ended(Status.CANCELLED, reason, now);
  }

  private GenerationItem ended(Status how, String reason, Instant now) {
    return open().status(how).outcome(null, reason, false).used(Used.NONE).lease(null, null).updatedAt(now).build();
  }

  /** A builder from this item, refused when the item has ended: an item ends exactly once. */
  private Builder open() {
    if (status.terminal()) {
      throw new IllegalStateException("item " + id + " has ended (" + status + ") and does not change any more");
    }
    return toBuilder();
  }

  /**
   * Gathers an item's values; {@link #build()} refuses an item without its job, project, status or
   * times, or with a negative index, attempt count or usage. Its id is always
   * {@link #documentId} of its job and index.
   */
  public static final class Builder {
    private String jobId, projectId, providerTaskId, contentId, failureReason, prompt, leaseOwner;
    private int index, attempts;
    private Status status = Status.QUEUED;
    private boolean cached, charged;
    private Used used = Used.NONE;
    private Instant deadlineAt, createdAt, updatedAt, leaseUntil;
    private Reservation reserved;

    private Builder() {}

    /** Which item: the job it belongs to, its project, and its place in the job. */
    public Builder of(String jobId, String projectId, int index) {
      this.jobId = jobId;
      this.projectId = projectId;
      this.index = index;
      return this;
    }

    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /** The provider's task that makes the item, and when the item times out waiting for it. */
    public Builder providerTask(String providerTaskId, Instant deadlineAt) {
      this.providerTaskId = providerTaskId;
      this.deadlineAt = deadlineAt;
      return this;
    }

    /** How many deliveries of its task have tried to make the item. */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /** How it ended: the content item it made or why it did not, and whether the cache served it. */
    public Builder outcome(String contentId, String failureReason, boolean cached) {
      this.contentId = contentId;
      this.failureReason = failureReason;
      this.cached = cached;
      return this;
    }

    /** Whether its usage has been charged to the month. */
    public Builder charged(boolean charged) {
      this.charged = charged;
      return this;
    }

    /** When the item was made and last changed. */
    public Builder times(Instant createdAt, Instant updatedAt) {
      this.createdAt = createdAt;
      this.updatedAt = updatedAt;
      return this;
    }

    public Builder used(Used used) {
      this.used = used;
      return this;
    }

    /** The delivery that holds the item, and until when. */
    public Builder lease(String owner, Instant until) {
      this.leaseOwner = owner;
      this.leaseUntil = until;
      return this;
    }

    /** The item's own prompt (a batch row's); null for its job's. */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    /** What its job reserved for it against the monthly limits. */
    public Builder reserved(Reservation reserved) {
      this.reserved = reserved;
      return this;
    }

    public GenerationItem build() {
      Checks.present("jobId projectId status used createdAt updatedAt", jobId, projectId, status, used, createdAt,
          updatedAt);
      Checks.notNegative("index attempts inputTokens outputTokens images videoSeconds costMicros", index, attempts,
          used.inputTokens(), used.outputTokens(), used.images(), used.videoSeconds(), used.costMicros());
      return new GenerationItem(documentId(jobId, index), jobId, projectId, index, status, attempts, providerTaskId,
          contentId, failureReason, cached, charged, used.inputTokens(), used.outputTokens(), used.images(),
          used.videoSeconds(), used.costMicros(), deadlineAt, createdAt, updatedAt, prompt, reserved, leaseOwner,
          leaseUntil);
    }
  }
}
