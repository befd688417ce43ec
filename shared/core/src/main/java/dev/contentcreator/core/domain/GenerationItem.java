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
 * {@code provider} and {@code model} name what made a completed item: the job's own, or the next
 * provider of the kind's fallback order when the job's circuit was open (null when the cache served it).
 * {@code variables} are a batch row's variables as they were when its run started, in the
 * template's order, so an export of the run shows them whatever became of the batch since (null for
 * an item not made from a row, or stored before items kept them).
 * {@code findings} counts what the project's brand rules found in a completed text (0 otherwise): an
 * item with findings is flagged, never failed.
 *
 * <p>The components are the stored document's fields (a stored item is read back by their names),
 * so an item is made by {@link #queued} and moved through its life by named transitions:
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
    Instant leaseUntil,
    String provider,
    String model,
    java.util.List<Variable> variables,
    int findings) {

  public GenerationItem {
    variables = variables == null ? null : java.util.List.copyOf(variables);
  }

  /** One variable of the row an item was made from: its name and value. */
  public record Variable(String name, String value) {
    public Variable {
      Checks.present("name", name);
      java.util.Objects.requireNonNull(value, "value");
    }
  }

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

  /**
   * A new item of a job: queued, never tried, nothing used. {@code prompt} is its own (a batch
   * row's) or null for the job's; {@code reserved} is what its job holds for it. Refuses an item
   * without its job or project, or with a negative index.
   */
  public static GenerationItem queued(String jobId, String projectId, int index, String prompt, Reservation reserved,
      Instant now) {
    return queued(jobId, projectId, index, prompt, null, reserved, now);
  }

  /** A new item of a job made from a batch row, keeping the row's {@code variables} (null for none). */
  public static GenerationItem queued(String jobId, String projectId, int index, String prompt,
      java.util.List<Variable> variables, Reservation reserved, Instant now) {
    Checks.present("jobId projectId now", jobId, projectId, now);
    Checks.notNegative("index", index);
    return new GenerationItem(documentId(jobId, index), jobId, projectId, index, Status.QUEUED, 0, null, null, null,
        false, false, 0, 0, 0, 0, 0, null, now, now, prompt, reserved, null, null, null, null, variables, 0);
  }

  /**
   * The item claimed by the delivery {@code owner} on its {@code attempt}: running, held until
   * {@code until}, with whatever an earlier attempt left cleared.
   */
  public GenerationItem claimed(String owner, int attempt, Instant until, Instant now) {
    return change().state(Status.RUNNING, Math.max(attempts, attempt), now).outcome(null, null, false)
        .lease(owner, until).usage(Used.NONE, charged).build();
  }

  /** The item held by {@code owner} until {@code until}; a null owner lets the lease go. */
  public GenerationItem leased(String owner, Instant until) {
    return change().lease(owner, owner == null ? null : until).build();
  }

  /**
   * The item handed to the provider as task {@code providerTaskId}, to be finished by a poll or the
   * provider's webhook before {@code deadline}; no delivery holds it any more.
   */
  public GenerationItem waiting(String providerTaskId, Instant deadline, Instant now) {
    return change().task(providerTaskId, deadline).state(Status.WAITING, attempts, now).outcome(null, null, false)
        .lease(null, null).usage(Used.NONE, charged).build();
  }

  /** The item ended as made: its content item, whether the cache served it, what it used (charged). */
  public GenerationItem completed(String contentId, boolean cached, Used used, Instant now) {
    return completed(contentId, cached, used, null, null, now);
  }

  /**
   * The item ended as made by {@code provider} and {@code model} (null when the cache served it):
   * its content item, whether the cache served it, what it used (charged).
   */
  public GenerationItem completed(String contentId, boolean cached, Used used, String provider, String model,
      Instant now) {
    return completed(contentId, cached, used, provider, model, 0, now);
  }

  /** The same, with how many findings the brand rules made on its text. */
  public GenerationItem completed(String contentId, boolean cached, Used used, String provider, String model,
      int findings, Instant now) {
    Checks.notNegative("findings", findings);
    Change c = change().state(Status.COMPLETED, attempts, now).outcome(contentId, null, cached).lease(null, null)
        .usage(used, true).maker(provider, model);
    c.findings = findings;
    return c.build();
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
    return change().state(how, attempts, now).outcome(null, reason, false).lease(null, null).usage(Used.NONE, charged)
        .build();
  }

  /** A change of this item, refused when the item has ended: an item ends exactly once. */
  private Change change() {
    if (status.terminal()) {
      throw new IllegalStateException("item " + id + " has ended (" + status + ") and does not change any more");
    }
    return new Change(this);
  }

  /**
   * What a transition changes of an item, by aspect; what an item is (its job, index, prompt,
   * reservation, creation) never changes. {@link #build()} refuses a negative attempt count or use.
   */
  private static final class Change {
    private final GenerationItem from;
    private Status status;
    private Instant updatedAt, deadlineAt, leaseUntil;
    private int attempts;
    private String providerTaskId, contentId, failureReason, leaseOwner, provider, model;
    private boolean cached, charged;
    private Used used;
    private int findings;

    Change(GenerationItem from) {
      this.from = from;
      task(from.providerTaskId, from.deadlineAt).state(from.status, from.attempts, from.updatedAt)
          .outcome(from.contentId, from.failureReason, from.cached).lease(from.leaseOwner, from.leaseUntil)
          .usage(from.used(), from.charged).maker(from.provider, from.model);
      this.findings = from.findings;
    }

    Change maker(String provider, String model) {
      this.provider = provider;
      this.model = model;
      return this;
    }

    Change task(String providerTaskId, Instant deadlineAt) {
      this.providerTaskId = providerTaskId;
      this.deadlineAt = deadlineAt;
      return this;
    }

    /** Where the item is in its life, after how many tries, since when. */
    Change state(Status status, int attempts, Instant at) {
      this.status = status;
      this.attempts = attempts;
      this.updatedAt = at;
      return this;
    }

    Change outcome(String contentId, String failureReason, boolean cached) {
      this.contentId = contentId;
      this.failureReason = failureReason;
      this.cached = cached;
      return this;
    }

    Change lease(String owner, Instant until) {
      this.leaseOwner = owner;
      this.leaseUntil = until;
      return this;
    }

    Change usage(Used used, boolean charged) {
      this.used = used;
      this.charged = charged;
      return this;
    }

    GenerationItem build() {
      Checks.present("status used updatedAt", status, used, updatedAt);
      Checks.notNegative("attempts inputTokens outputTokens images videoSeconds costMicros", attempts,
          used.inputTokens(), used.outputTokens(), used.images(), used.videoSeconds(), used.costMicros());
      return new GenerationItem(from.id, from.jobId, from.projectId, from.index, status, attempts, providerTaskId,
          contentId, failureReason, cached, charged, used.inputTokens(), used.outputTokens(), used.images(),
          used.videoSeconds(), used.costMicros(), deadlineAt, from.createdAt, updatedAt, from.prompt, from.reserved,
          leaseOwner, leaseUntil, provider, model, from.variables, findings);
    }
  }
}
