package dev.contentcreator.core.deletion;

import com.google.gson.JsonObject;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.comments.CommentService;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.live.Presence;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.JobCounters;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.invitations.InvitationService;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.media.MediaService;
import dev.contentcreator.core.notifications.NotificationService;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.review.ReviewService;
import dev.contentcreator.core.hooks.HookService;
import dev.contentcreator.core.publishing.PublishingService;
import dev.contentcreator.core.shares.ShareService;
import dev.contentcreator.core.templates.TemplateService;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Removes everything that belongs to a deleted project or content item, in pages, in the
 * background, resumably.
 *
 * <p>Deleting writes a tombstone ({@code purges/<id>}) in the same transaction that makes the
 * project or item disappear from the API, so it answers 404 at once for everyone. The work then
 * runs as a chain of {@code purge-page} tasks on the task queue: each task deletes one page (at
 * most {@code PURGE_PAGE_SIZE} documents or blobs) of one phase and enqueues the next task, named
 * from the purge and its step number, so a task that runs twice enqueues nothing twice, and a
 * crash or restart resumes where the durable queue holds the next step. The first task is
 * enqueued before the transaction: it waits for the tombstone (and gives up if the deletion was
 * refused), so there is no moment when the project is gone and no task will clean it.
 *
 * <p>A project's phases: batches, batch runs, jobs, items, job counters, templates, uploads,
 * idempotency records, invitations, comments, notifications, versions, content items, then every
 * blob under {@code projects/<id>/} and {@code uploads/<id>/}, review histories, the activity log,
 * share links, then the tombstone. A content item's: its versions (with the media no remaining version
 * uses), its review history, its comments, its one-item share links (a gallery link shows the items it
 * still finds; it answers 404 once none is left), then the tombstone; its activity records stay, as the project's
 * history, until the project goes. Usage counters stay: they are the history that
 * billing and limits read. Backups keep what they held until they expire.
 */
public final class PurgeService {
  public static final String PURGES = "purges";
  public static final String HANDLER = "purge-page";
  /** Purge pages share the generation queue: the one every adapter and the tasks function serve. */
  public static final String QUEUE = GenerationSettings.QUEUE;
  private static final int FIRST_STEP_WAITS = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What one phase deletes: documents of a collection whose field equals the purge's id, or blobs under a prefix. */
  private record Phase(String name, String collection, String field, String blobPrefix) {
    static Phase documents(String collection, String field) {
      return new Phase(collection, collection, field, null);
    }

    static Phase blobs(String prefix) {
      return new Phase("blobs:" + prefix, null, null, prefix);
    }

    /** The project's vectors in the vectors port (all in one call: the adapters delete page by page). */
    static Phase vectors() {
      return new Phase(VECTORS, null, null, null);
    }
  }

  private static final String VECTORS = "vectors";
  private static final List<Phase> PROJECT = List.of(
      Phase.documents(BatchService.BATCHES, "projectId"),
      Phase.documents(BatchService.RUNS, "projectId"),
      Phase.documents(Jobs.JOBS, "projectId"),
      Phase.documents(Jobs.ITEMS, "projectId"),
      Phase.documents(JobCounters.COLLECTION, "projectId"),
      Phase.documents(TemplateService.COLLECTION, "projectId"),
      Phase.documents(MediaService.UPLOADS, "projectId"),
      Phase.documents(GenerationService.IDEMPOTENCY, "projectId"),
      Phase.documents(InvitationService.COLLECTION, "projectId"),
      Phase.documents(CommentService.COLLECTION, "projectId"),
      Phase.documents(NotificationService.COLLECTION, "projectId"),
      Phase.documents(ContentService.VERSIONS, "projectId"),
      Phase.documents(ContentService.CONTENTS, "projectId"),
      Phase.blobs("projects/"),
      Phase.blobs("uploads/"),
      // Added after the blobs, so a purge begun by an earlier build keeps the step numbers it has.
      Phase.documents(ReviewService.REVIEWS, "projectId"),
      Phase.documents(ActivityLog.ACTIVITY, "projectId"),
      // Phases are numbered by position in running purges: a new one goes last.
      Phase.documents(ShareService.SHARES, "projectId"),
      Phase.documents(Presence.COLLECTION, "projectId"),
      // A deleted project's webhooks send nothing more (the delivery task finds no hook), then go.
      Phase.documents(HookService.HOOKS, "projectId"),
      Phase.documents(HookService.DELIVERIES, "projectId"),
      // A project's template versions (a personal library's have no projectId and stay).
      Phase.documents(TemplateService.VERSIONS, "projectId"),
      // Brand knowledge: its documents (their texts went with the project's blobs), then their vectors.
      Phase.documents(dev.contentcreator.core.knowledge.KnowledgeService.DOCS, "projectId"),
      Phase.vectors(),
      Phase.documents(dev.contentcreator.core.exports.ExportStyles.COLLECTION, "projectId"),
      // Their files live under projects/<id>/exports/, which the blobs phase above deletes.
      Phase.documents(dev.contentcreator.core.exports.BackgroundExports.COLLECTION, "projectId"),
      Phase.documents(dev.contentcreator.core.budgets.Budget.COLLECTION, "projectId"),
      Phase.documents(dev.contentcreator.core.brand.BrandKitService.COLLECTION, "projectId"),
      // Publications of a deleted project fail when due (no project); then they and its connections go.
      Phase.documents(PublishingService.PUBLICATIONS, "projectId"),
      Phase.documents(PublishingService.CONNECTIONS, "projectId"));

  private static final List<Phase> CONTENT = List.of(Phase.documents(ContentService.VERSIONS, "contentId"),
      Phase.documents(ReviewService.REVIEWS, "contentId"),
      Phase.documents(CommentService.COLLECTION, "contentId"), Phase.documents(ShareService.SHARES, "contentId"),
      Phase.documents(Presence.COLLECTION, "contentId"),
      Phase.documents(PublishingService.PUBLICATIONS, "contentId"));

  private final DocumentStore documents;
  private final Supplier<BlobStore> blobs;
  private final Supplier<dev.contentcreator.core.ports.Vectors> vectors;
  private final Supplier<TaskQueue> tasks;
  private final int pageSize;
  private final Duration pageDelay;
  private final Clock clock;

  private PurgeService(Builder b) {
    this.documents = b.documents;
    this.blobs = b.blobs;
    this.vectors = b.vectors;
    this.tasks = b.tasks;
    this.pageSize = b.pageSize;
    this.pageDelay = b.pageDelay;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with {@code PURGE_PAGE_SIZE} (200, at most 500) and {@code PURGE_PAGE_DELAY} (0s) read. */
  public static Builder builder(Config config) {
    return new Builder().withPageSize(config.get(Settings.PURGE_PAGE_SIZE))
        .withPageDelay(config.get(Settings.PURGE_PAGE_DELAY));
  }

  /** The task handlers of purges, by name, for the local queue and the tasks function. */
  public static Map<String, TaskHandler> handlers(Supplier<PurgeService> purges) {
    Objects.requireNonNull(purges, "purges");
    return Map.of(HANDLER, (context, payload) -> purges.get().page(context, payload));
  }

  /** A purge about to be asked for: enqueue its first page, then write its tombstone in the deleting transaction. */
  public record Ticket(String purgeId, String kind, String projectId, String contentId, String nonce) {
    /** Writes the tombstone; call it in the transaction that deletes the project or item, after its reads. */
    public void mark(Transaction tx, String uid, Instant now) {
      JsonObject t = new JsonObject();
      t.addProperty("kind", kind);
      t.addProperty("projectId", projectId);
      if (contentId != null) {
        t.addProperty("contentId", contentId);
      }
      t.addProperty("nonce", nonce);
      t.addProperty("requestedBy", uid);
      t.addProperty("requestedAt", Json.format(now));
      tx.set(PURGES, purgeId, t);
    }
  }

  /** Starts the purge of a project: enqueues its first page and returns the ticket to mark it with. */
  public Ticket startProject(String projectId) {
    return start(new Ticket("project-" + projectId, "project", projectId, null, nonce()));
  }

  /** Starts the purge of one content item's versions and media. */
  public Ticket startContent(String projectId, String contentId) {
    return start(new Ticket("content-" + contentId, "content", projectId, contentId, nonce()));
  }

  private Ticket start(Ticket ticket) {
    enqueue(ticket.purgeId(), ticket.nonce(), 0, 0, clock.instant());
    return ticket;
  }

  /** Runs one page of a purge: payload {@code {purgeId, nonce, phase, step}}. */
  void page(TaskHandler.Context context, JsonObject payload) throws TaskHandler.RetryLaterException {
    String purgeId = payload.get("purgeId").getAsString();
    String nonce = payload.get("nonce").getAsString();
    int phase = payload.get("phase").getAsInt();
    int step = payload.get("step").getAsInt();
    JsonObject tombstone = documents.get(PURGES, purgeId).map(Document::data).orElse(null);
    if (tombstone == null || !nonce.equals(tombstone.get("nonce").getAsString())) {
      if (step == 0 && context.attempt() < FIRST_STEP_WAITS) {
        // The deleting transaction may not have committed yet; if it was refused, this gives up.
        throw new TaskHandler.RetryLaterException("the purge " + purgeId + " is not marked yet", Duration.ofSeconds(1));
      }
      return;
    }
    boolean project = "project".equals(tombstone.get("kind").getAsString());
    List<Phase> phases = project ? PROJECT : CONTENT;
    String owner = project ? tombstone.get("projectId").getAsString() : tombstone.get("contentId").getAsString();
    if (phase >= phases.size()) {
      documents.delete(PURGES, purgeId);
      return;
    }
    Phase current = phases.get(phase);
    int removed;
    try {
      removed = VECTORS.equals(current.name()) ? (vectors == null ? 0 : vectors.get().deleteProject(owner))
          : current.blobPrefix() != null
          ? deleteBlobs(current.blobPrefix() + tombstone.get("projectId").getAsString() + "/")
          : deleteDocuments(current, owner, !project && ContentService.VERSIONS.equals(current.collection()));
    } catch (IOException e) {
      throw new TaskHandler.RetryLaterException("the blob store failed: " + e.getMessage(), Duration.ofSeconds(5));
    }
    enqueue(purgeId, nonce, removed == 0 ? phase + 1 : phase, step + 1, clock.instant().plus(pageDelay));
  }

  /** Deletes one page of documents; for a content item's versions, also their media no other version uses. */
  private int deleteDocuments(Phase phase, String owner, boolean withMedia) {
    Page page = documents.query(Query.on(phase.collection()).whereEqualTo(phase.field(), owner).limit(pageSize).build());
    if (page.items().isEmpty()) {
      return 0;
    }
    documents.transaction(tx -> {
      for (Document d : page.items()) {
        tx.delete(phase.collection(), d.id());
      }
      return null;
    });
    if (withMedia) {
      deleteUnusedMedia(page.items().stream().map(ContentService::version).toList());
    }
    return page.items().size();
  }

  /** Media is stored once per content hash and project: a file goes when no version refers to it any more. */
  private void deleteUnusedMedia(List<ContentVersion> deleted) {
    Set<String> keys = new HashSet<>();
    for (ContentVersion v : deleted) {
      if (v.blobKey() == null || keys.contains(v.blobKey()) || !documents.query(Query.on(ContentService.VERSIONS)
          .whereEqualTo("blobKey", v.blobKey()).limit(1).build()).items().isEmpty()) {
        continue;
      }
      keys.add(v.blobKey());
      if (v.media() != null) {
        keys.addAll(v.media().renditions().values());
      }
    }
    for (String key : keys) {
      try {
        blobs.get().delete(key);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not delete media " + key, e);
      }
    }
  }

  private int deleteBlobs(String prefix) throws IOException {
    List<String> keys = blobs.get().list(prefix);
    int removed = 0;
    for (String key : keys.subList(0, Math.min(pageSize, keys.size()))) {
      blobs.get().delete(key);
      removed++;
    }
    return removed;
  }

  private void enqueue(String purgeId, String nonce, int phase, int step, Instant at) {
    JsonObject payload = new JsonObject();
    payload.addProperty("purgeId", purgeId);
    payload.addProperty("nonce", nonce);
    payload.addProperty("phase", phase);
    payload.addProperty("step", step);
    tasks.get().enqueue(new TaskQueue.Task(QUEUE, "purge-" + purgeId + "-" + nonce + "-" + step, HANDLER, payload, at));
  }

  private static String nonce() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      s.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
    }
    return s.toString();
  }

  /** Builds a {@link PurgeService}; the ports and the clock are required. */
  public static final class Builder {
    private DocumentStore documents;
    private Supplier<BlobStore> blobs;
    private Supplier<dev.contentcreator.core.ports.Vectors> vectors;
    private Supplier<TaskQueue> tasks;
    private int pageSize = 200;
    private Duration pageDelay = Duration.ZERO;
    private Clock clock;

    private Builder() {}

    public Builder withDocuments(DocumentStore documents) {
      this.documents = Objects.requireNonNull(documents, "documents");
      return this;
    }

    /** The vectors of brand knowledge a project's purge removes; without it that phase removes nothing. */
    public Builder withVectors(Supplier<dev.contentcreator.core.ports.Vectors> vectors) {
      this.vectors = Objects.requireNonNull(vectors, "vectors");
      return this;
    }

    public Builder withBlobs(Supplier<BlobStore> blobs) {
      this.blobs = Objects.requireNonNull(blobs, "blobs");
      return this;
    }

    public Builder withTasks(Supplier<TaskQueue> tasks) {
      this.tasks = Objects.requireNonNull(tasks, "tasks");
      return this;
    }

    /** Documents or blobs per page: 1 to 500 (a Firestore transaction writes at most 500). */
    public Builder withPageSize(int pageSize) {
      if (pageSize < 1 || pageSize > Query.MAX_LIMIT) {
        throw new IllegalArgumentException("PURGE_PAGE_SIZE must be within 1.." + Query.MAX_LIMIT + ", got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** How long each page waits after the one before: spreads a large purge's load. */
    public Builder withPageDelay(Duration pageDelay) {
      Objects.requireNonNull(pageDelay, "pageDelay");
      if (pageDelay.isNegative()) {
        throw new IllegalArgumentException("PURGE_PAGE_DELAY must not be negative, got " + pageDelay);
      }
      this.pageDelay = pageDelay;
      return this;
    }

    public Builder withClock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public PurgeService build() {
      Objects.requireNonNull(documents, "documents");
      Objects.requireNonNull(blobs, "blobs");
      Objects.requireNonNull(tasks, "tasks");
      Objects.requireNonNull(clock, "clock");
      return new PurgeService(this);
    }
  }
}
