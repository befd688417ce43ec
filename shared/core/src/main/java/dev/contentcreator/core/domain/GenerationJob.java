package dev.contentcreator.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A request to generate {@code itemCount} items of one kind into a project, and how far it got.
 * {@code request} is the normalised request (prompt with variables filled in, options), kept so
 * every item can be run, retried or served from the cache from it alone. A batch run's job has its
 * {@code batchId}, may run at most {@code maxConcurrent} items at once (0: no cap of its own) and
 * stops starting items once {@code costMicros} reaches {@code budgetMicros} (0: no budget).
 *
 * <p>The components are the stored document's fields (a stored job is read back by their names),
 * so a job is made with {@link #builder()} and changed by its named transitions ({@link #started},
 * {@link #cancelled}, {@link #counted}, {@link #plusCost}), never by listing every field.
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
    long costMicros,
    java.util.List<KnowledgeSource> knowledge,
    String brandKitId) {

  public GenerationJob {
    knowledge = knowledge == null ? java.util.List.of() : java.util.List.copyOf(knowledge);
  }

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

  /** A builder of a new job: queued, nothing ended, nothing spent, until told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this job's values. */
  public Builder toBuilder() {
    return new Builder().id(id).project(projectId, requestedBy).maker(kind, provider, model, demo).status(status)
        .itemCount(itemCount).counts(completed, failed, cancelled).request(prompt, systemPrompt, options)
        .templateId(templateId).contentId(contentId).fresh(fresh).times(createdAt, updatedAt)
        .batch(batchId, maxConcurrent, budgetMicros).costMicros(costMicros).knowledge(knowledge)
        .brandKitId(brandKitId);
  }

  /** The job once an item of it was claimed: running (its items end it). */
  public GenerationJob started(Instant now) {
    return toBuilder().status(Status.RUNNING).updatedAt(now).build();
  }

  /** The job cancelled by a person: what already ended stays counted; the rest end as cancelled. */
  public GenerationJob cancelled(Instant now) {
    return toBuilder().status(Status.CANCELLED).updatedAt(now).build();
  }

  /**
   * The job once its last item has ended, with the final counts and cost: completed when any item
   * completed, else failed; a cancelled job stays cancelled.
   */
  public GenerationJob settled(int c, int f, int x, long cost, Instant now) {
    if (c + f + x != itemCount) {
      throw new IllegalArgumentException("a job settles when all " + itemCount + " items ended, not " + (c + f + x));
    }
    Status next = status == Status.CANCELLED ? Status.CANCELLED : c > 0 ? Status.COMPLETED : Status.FAILED;
    return toBuilder().counts(c, f, x).costMicros(cost).status(next).updatedAt(now).build();
  }


  /**
   * Gathers a job's values; {@link #build()} refuses a job without its ids, kind, provider, model,
   * status or times, or with a negative count, cap, budget or cost.
   */
  public static final class Builder {
    private String id, projectId, requestedBy, provider, model, prompt, systemPrompt, templateId, contentId, batchId;
    private ContentKind kind;
    private Status status = Status.QUEUED;
    private boolean demo, fresh;
    private int itemCount, completed, failed, cancelled, maxConcurrent;
    private long budgetMicros, costMicros;
    private String brandKitId;

    /** The brand kit the job writes in; null for the project's default. */
    public Builder brandKitId(String brandKitId) {
      this.brandKitId = brandKitId;
      return this;
    }

    private Map<String, String> options = Map.of();
    private Instant createdAt, updatedAt;
    private java.util.List<KnowledgeSource> knowledge = java.util.List.of();

    private Builder() {}

    /** The passages of brand knowledge the job's prompt was given (none unless it asked for them). */
    public Builder knowledge(java.util.List<KnowledgeSource> knowledge) {
      this.knowledge = knowledge == null ? java.util.List.of() : knowledge;
      return this;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** The project the job makes content for, and the person who asked (and is charged). */
    public Builder project(String projectId, String requestedBy) {
      this.projectId = projectId;
      this.requestedBy = requestedBy;
      return this;
    }

    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /** What the job makes, and with which provider and model (the demo's are free). */
    public Builder maker(ContentKind kind, String provider, String model, boolean demo) {
      this.kind = kind;
      this.provider = provider;
      this.model = model;
      this.demo = demo;
      return this;
    }

    public Builder itemCount(int itemCount) {
      this.itemCount = itemCount;
      return this;
    }

    /** How many of its items ended, each way. */
    public Builder counts(int completed, int failed, int cancelled) {
      this.completed = completed;
      this.failed = failed;
      this.cancelled = cancelled;
      return this;
    }

    public Builder templateId(String templateId) {
      this.templateId = templateId;
      return this;
    }

    /** The normalised request every item is made from. */
    public Builder request(String prompt, String systemPrompt, Map<String, String> options) {
      this.prompt = prompt;
      this.systemPrompt = systemPrompt;
      this.options = options;
      return this;
    }

    /** The content item a regeneration adds a version to (null: the job makes new ones). */
    public Builder contentId(String contentId) {
      this.contentId = contentId;
      return this;
    }

    /** When the job was made and last changed. */
    public Builder times(Instant createdAt, Instant updatedAt) {
      this.createdAt = createdAt;
      this.updatedAt = updatedAt;
      return this;
    }

    /** Whether the job skips the result cache. */
    public Builder fresh(boolean fresh) {
      this.fresh = fresh;
      return this;
    }

    /** A batch run's job: its batch, its share of the run's concurrency and of its budget. */
    public Builder batch(String batchId, int maxConcurrent, long budgetMicros) {
      this.batchId = batchId;
      this.maxConcurrent = maxConcurrent;
      this.budgetMicros = budgetMicros;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    /** What its items have cost so far, in millionths of a dollar. */
    public Builder costMicros(long costMicros) {
      this.costMicros = costMicros;
      return this;
    }

    public GenerationJob build() {
      Checks.present("id projectId requestedBy kind provider model status options createdAt updatedAt", id, projectId,
          requestedBy, kind, provider, model, status, options, createdAt, updatedAt);
      Checks.notNegative("itemCount completed failed cancelled maxConcurrent budgetMicros costMicros", itemCount,
          completed, failed, cancelled, maxConcurrent, budgetMicros, costMicros);
      return new GenerationJob(id, projectId, kind, provider, model, demo, status, itemCount, completed, failed,
          cancelled, prompt, systemPrompt, options, templateId, contentId, fresh, requestedBy, createdAt, updatedAt,
          batchId, maxConcurrent, budgetMicros, costMicros, knowledge, brandKitId);
    }
  }
}
