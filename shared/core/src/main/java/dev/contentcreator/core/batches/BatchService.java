package dev.contentcreator.core.batches;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Batch;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.generation.Providers;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Etags;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.usage.UsageService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Batches and their runs. {@link #tick()} is the scheduler: called every minute (by Cloud Scheduler
 * in production, a timer on one machine), it starts each batch's due run once: the run's document,
 * named by the due time, is created in the same transaction as its job, so a second call or a
 * racing instance starts nothing; runs missed while nothing called are started once, for the latest
 * due time. Documents: {@code batches/<id>}, {@code batchruns/<batchId>_<due epoch second>}.
 */
public final class BatchService {
  public static final String BATCHES = "batches";
  public static final String RUNS = "batchruns";

  private final DocumentStore documents;
  private final ProjectService projects;
  private final TemplateService templates;
  private final UsageService usage;
  private final GenerationService generation;
  private final Supplier<Providers> providers;
  private final Supplier<EventBus> events;
  private final Clock clock;
  private final BatchRows rows = new BatchRows();

  public BatchService(DocumentStore documents, ProjectService projects, TemplateService templates, UsageService usage,
      GenerationService generation, Supplier<Providers> providers, Supplier<EventBus> events, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.generation = Objects.requireNonNull(generation, "generation");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a batch is made of, as the API gives it. */
  public record Spec(String name, String templateId, List<Map<String, String>> rows, String schedule, String timeZone,
      int maxConcurrent, long budgetMicros, Optional<String> provider, Optional<String> model,
      Map<String, String> options) {}

  public Batch create(String uid, String projectId, Spec spec) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Template template = templates.get(uid, projectId, spec.templateId());
    BatchSchedule.parse(spec.schedule(), spec.timeZone());
    // Rows may come later, from a CSV file; a run without rows is recorded as skipped.
    List<Map<String, String>> checked = spec.rows().isEmpty() ? List.of() : rows.fromList(template, spec.rows());
    providers.get().choose(template.kind(), spec.provider(), spec.model());
    Instant now = clock.instant();
    Batch b = new Batch(Ids.newId(), projectId, spec.name(), template.id(), template.kind(), checked, spec.schedule(),
        spec.timeZone(), false, spec.maxConcurrent(), spec.budgetMicros(), spec.provider().orElse(null),
        spec.model().orElse(null), spec.options(), now, null, null, uid, now, now, 1, uid);
    documents.create(BATCHES, b.id(), tree(b));
    return b;
  }

  public Listing<Batch> list(String uid, String projectId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    var page = documents.query(Query.on(BATCHES).whereEqualTo("projectId", projectId)
        .orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    return new Listing<>(page.items().stream().map(BatchService::batch).toList(), page.nextCursor());
  }

  public Batch get(String uid, String projectId, String batchId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return find(projectId, batchId);
  }

  private Batch find(String projectId, String batchId) {
    if (!Ids.isWellFormed(batchId)) {
      throw notFound();
    }
    return documents.get(BATCHES, batchId).map(BatchService::batch).filter(b -> b.projectId().equals(projectId))
        .orElseThrow(BatchService::notFound);
  }

  /** Changes of a batch; a field left empty keeps its value. Resuming starts the schedule afresh. */
  public record Change(Optional<String> name, Optional<Boolean> paused, Optional<String> schedule,
      Optional<String> timeZone, Optional<Integer> maxConcurrent, Optional<Long> budgetMicros,
      Optional<List<Map<String, String>>> rows) {}

  public Batch update(String uid, String projectId, String batchId, String ifMatch, Change change) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch found = find(projectId, batchId);
    Template template = templates.get(uid, projectId, found.templateId());
    Optional<List<Map<String, String>>> newRows = change.rows().map(r -> rows.fromList(template, r));
    String schedule = change.schedule().orElse(found.schedule());
    String zone = change.timeZone().orElse(found.timeZone());
    BatchSchedule.parse(schedule, zone);
    return documents.transaction(tx -> {
      Batch b = tx.get(BATCHES, batchId).map(BatchService::batch).orElseThrow(BatchService::notFound);
      Etags.check(ifMatch, b.version());
      Instant now = clock.instant();
      boolean resuming = b.paused() && !change.paused().orElse(true);
      boolean rescheduled = !schedule.equals(b.schedule()) || !zone.equals(b.timeZone());
      Batch changed = new Batch(b.id(), b.projectId(), change.name().orElse(b.name()), b.templateId(), b.kind(),
          newRows.orElse(b.rows()), schedule, zone, change.paused().orElse(b.paused()),
          change.maxConcurrent().orElse(b.maxConcurrent()), change.budgetMicros().orElse(b.budgetMicros()),
          b.provider(), b.model(), b.options(), resuming || rescheduled ? now : b.notBefore(),
          rescheduled ? null : b.lastDueAt(), b.lastRunId(), b.createdBy(), b.createdAt(), now, b.version() + 1,
          resuming || rescheduled ? uid : b.scheduledBy());
      tx.set(BATCHES, batchId, tree(changed));
      return changed;
    });
  }

  /** Replaces the rows with those of a CSV file (UTF-8, a header naming the template's variables). */
  public Batch setRowsFromCsv(String uid, String projectId, String batchId, byte[] csv) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch b = find(projectId, batchId);
    List<Map<String, String>> parsed = rows.fromCsv(templates.get(uid, projectId, b.templateId()), csv);
    return update(uid, projectId, batchId, null, new Change(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(parsed)));
  }

  public void delete(String uid, String projectId, String batchId, String ifMatch) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    find(projectId, batchId);
    documents.transaction(tx -> {
      Batch b = tx.get(BATCHES, batchId).map(BatchService::batch).orElseThrow(BatchService::notFound);
      Etags.check(ifMatch, b.version());
      tx.delete(BATCHES, batchId);
      return null;
    });
  }

  /** Starts a run now, whatever the schedule. Editors and owners. */
  public JsonObject runNow(String uid, String projectId, String batchId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch b = find(projectId, batchId);
    Instant now = clock.instant();
    String runId = b.id() + "_manual_" + now.toEpochMilli();
    start(b, now, "manual", runId, uid);
    return runView(documents.get(RUNS, runId).map(BatchService::run).orElseThrow());
  }

  /** Cancels the batch's latest run, if it is still going. Editors and owners. */
  public JsonObject cancelRun(String uid, String projectId, String batchId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch b = find(projectId, batchId);
    BatchRun run = Optional.ofNullable(b.lastRunId()).flatMap(id -> documents.get(RUNS, id)).map(BatchService::run)
        .filter(r -> r.jobId() != null)
        .orElseThrow(() -> ApiException.conflict("This batch has no run to cancel."));
    generation.cancel(uid, projectId, run.jobId());
    return runView(run);
  }

  /** The batch's runs, newest first, each with its job's state, counts, cost and failures. */
  public Listing<JsonObject> runs(String uid, String projectId, String batchId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    find(projectId, batchId);
    var page = documents.query(Query.on(RUNS).whereEqualTo("batchId", batchId)
        .orderBy("startedAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    return new Listing<>(page.items().stream().map(BatchService::run).map(this::runView).toList(), page.nextCursor());
  }

  private JsonObject runView(BatchRun run) {
    JsonObject o = Json.toTree(run).getAsJsonObject();
    if (run.jobId() != null) {
      documents.get(Jobs.JOBS, run.jobId()).map(Jobs::job).ifPresent(job -> {
        o.addProperty("status", job.status().name().toLowerCase(java.util.Locale.ROOT));
        o.addProperty("items", job.itemCount());
        o.addProperty("completed", job.completed());
        o.addProperty("failed", job.failed());
        o.addProperty("cancelled", job.cancelled());
        o.addProperty("costMicros", job.costMicros());
        JsonArray failures = new JsonArray();
        for (GenerationItem i : Jobs.items(documents, job.id())) {
          if (i.status() == GenerationItem.Status.FAILED && failures.size() < 20) {
            JsonObject f = new JsonObject();
            f.addProperty("row", i.index() + 1);
            f.addProperty("reason", i.failureReason());
            failures.add(f);
          }
        }
        o.add("failures", failures);
      });
    } else {
      o.addProperty("status", "skipped");
    }
    return o;
  }

  /**
   * The scheduler: starts each unpaused batch's due run, once per due time. Returns how many runs
   * it started.
   */
  public int tick() {
    Instant now = clock.instant();
    int started = 0;
    String cursor = null;
    do {
      var page = documents.query(Query.on(BATCHES).whereEqualTo("paused", false).limit(100).startAfter(cursor).build());
      for (Document d : page.items()) {
        Batch b = batch(d);
        Optional<Instant> due;
        try {
          due = BatchSchedule.parse(b.schedule(), b.timeZone())
              .dueAt(b.lastDueAt() != null ? b.lastDueAt() : b.notBefore(), now);
        } catch (ApiException e) {
          continue;
        }
        if (due.isPresent() && start(b, due.get(), "schedule", b.id() + "_" + due.get().getEpochSecond(),
            b.chargedForSchedule())) {
          started++;
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return started;
  }

  /**
   * Starts one run: its document and its job in one transaction, then the job's event. Returns
   * false when the run had been started already. A run that cannot start (the month's quota, a
   * provider no longer configured) is recorded as skipped with its reason, so the history says why.
   */
  private boolean start(Batch batch, Instant due, String trigger, String runId, String chargedTo) {
    Template template;
    Providers.Choice choice;
    List<String> prompts = new ArrayList<>();
    try {
      template = templates.get(batch.createdBy(), batch.projectId(), batch.templateId());
      choice = providers.get().choose(batch.kind(), Optional.ofNullable(batch.provider()),
          Optional.ofNullable(batch.model()));
      for (Map<String, String> row : batch.rows()) {
        prompts.add(TemplateService.render(template, row));
      }
      if (prompts.isEmpty()) {
        throw ApiException.unprocessable("rows", "the batch has no rows");
      }
    } catch (ApiException e) {
      return skip(batch, due, trigger, runId, e.detail());
    }
    Project project = documents.get(ProjectService.PROJECTS, batch.projectId()).map(ProjectService::project)
        .orElse(null);
    if (project == null) {
      return false;
    }
    String systemPrompt = batch.kind() == ContentKind.TEXT && project.brandVoice() != null
        ? project.brandVoice().toSystemPrompt() : "";
    String charged = project.batchRunsChargeCreator() ? batch.createdBy() : chargedTo;
    Instant now = clock.instant();
    String jobId = Ids.newId();
    boolean created;
    try {
      created = documents.transaction(tx -> {
        Batch fresh = tx.get(BATCHES, batch.id()).map(BatchService::batch).orElse(null);
        if (fresh == null || tx.get(RUNS, runId).isPresent()
            || (trigger.equals("schedule") && fresh.lastDueAt() != null && !fresh.lastDueAt().isBefore(due))) {
          return false;
        }
        // The run's worst case is reserved for the person who started it, who is also its job's requester.
        List<Reservation> held = usage.reserve(tx, charged, fresh.projectId(), prompts.stream()
            .map(p -> generation.estimate(fresh.kind(), p, systemPrompt, fresh.options())).toList());
        GenerationJob job = new GenerationJob(jobId, fresh.projectId(), fresh.kind(), choice.provider(), choice.model(),
            choice.demo(), GenerationJob.Status.QUEUED, prompts.size(), 0, 0, 0, template.body(), systemPrompt,
            fresh.options(), template.id(), null, false, charged, now, now, fresh.id(),
            fresh.maxConcurrent(), fresh.budgetMicros(), 0);
        Jobs.put(tx, job);
        for (int i = 0; i < prompts.size(); i++) {
          Jobs.put(tx, new GenerationItem(GenerationItem.documentId(jobId, i), jobId, fresh.projectId(), i,
              GenerationItem.Status.QUEUED, 0, null, null, null, false, false, 0, 0, 0, 0, 0, null, now, now,
              prompts.get(i), held.get(i), null, null));
        }
        tx.create(RUNS, runId, tree(new BatchRun(runId, fresh.id(), fresh.projectId(), due, trigger, jobId, null, now)));
        tx.set(BATCHES, fresh.id(), tree(advance(fresh, trigger.equals("schedule") ? due : fresh.lastDueAt(), runId, now)));
        return true;
      });
    } catch (ApiException e) {
      return skip(batch, due, trigger, runId, e.detail());
    } catch (DocumentExistsException e) {
      return false;
    }
    if (created) {
      JsonObject event = new JsonObject();
      event.addProperty("jobId", jobId);
      try {
        events.get().publish(GenerationSettings.TOPIC, event, Map.of("projectId", batch.projectId(), "batchId", batch.id()));
      } catch (RuntimeException e) {
        // The job is stored and queued; the workers' sweep of queued jobs fans it out.
        System.err.println("could not publish the event of batch run " + runId + ": " + e);
      }
    }
    return created;
  }

  private boolean skip(Batch batch, Instant due, String trigger, String runId, String reason) {
    Instant now = clock.instant();
    try {
      return documents.transaction(tx -> {
        Batch fresh = tx.get(BATCHES, batch.id()).map(BatchService::batch).orElse(null);
        if (fresh == null || tx.get(RUNS, runId).isPresent()) {
          return false;
        }
        tx.create(RUNS, runId, tree(new BatchRun(runId, fresh.id(), fresh.projectId(), due, trigger, null, reason, now)));
        tx.set(BATCHES, fresh.id(), tree(advance(fresh, trigger.equals("schedule") ? due : fresh.lastDueAt(), runId, now)));
        return false;
      });
    } catch (DocumentExistsException e) {
      return false;
    }
  }

  private static Batch advance(Batch b, Instant lastDueAt, String runId, Instant now) {
    return new Batch(b.id(), b.projectId(), b.name(), b.templateId(), b.kind(), b.rows(), b.schedule(), b.timeZone(),
        b.paused(), b.maxConcurrent(), b.budgetMicros(), b.provider(), b.model(), b.options(), b.notBefore(), lastDueAt,
        runId, b.createdBy(), b.createdAt(), now, b.version(), b.scheduledBy());
  }

  static Batch batch(Document d) {
    return Json.fromTree(d.data(), Batch.class);
  }

  static BatchRun run(Document d) {
    return Json.fromTree(d.data(), BatchRun.class);
  }

  private static JsonObject tree(Object o) {
    return Json.toTree(o).getAsJsonObject();
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such batch in this project.");
  }
}
