package dev.contentcreator.core.batches;

import com.google.gson.JsonObject;
import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.domain.Batch;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.JobCounters;
import dev.contentcreator.core.generation.JobLedger;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.generation.Providers;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Etags;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentExistsException;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.usage.UsageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Batches and their runs. {@link #tick()} is the scheduler: called every minute (by Cloud Scheduler
 * in production, a timer on one machine), it starts each batch's due run once: the run's document,
 * named by the due time, is created in the same transaction as its jobs, so a second call or a
 * racing instance starts nothing; runs missed while nothing called are started once, for the latest
 * due time. A batch whose run fails for a reason nobody expected is logged and marked
 * ({@code lastError}), and the tick goes on with the others. Documents: {@code batches/<id>},
 * {@code batchruns/<batchId>_<due epoch second>}.
 *
 * <p>A batch is held to the limits of a generation: each row's prompt fits
 * {@code GENERATION_MAX_PROMPT} (checked when rows are saved and again when a run starts), and a run
 * of more rows than {@code GENERATION_MAX_ITEMS} is split into jobs of at most that many items,
 * all made in one transaction. "Run now" while the batch's latest run is still going, or within
 * {@link #RUN_NOW_WINDOW} of a run started by hand, answers that run instead of starting another.
 */
public final class BatchService {
  public static final String BATCHES = "batches";
  public static final String RUNS = "batchruns";
  /** A second "run now" this soon after one answers the first run, even if that run has ended. */
  public static final Duration RUN_NOW_WINDOW = Duration.ofSeconds(5);

  private final DocumentStore documents;
  private final ProjectService projects;
  private final TemplateService templates;
  private final UsageService usage;
  private final GenerationService generation;
  private final Supplier<Providers> providers;
  private final Supplier<EventBus> events;
  private final GenerationSettings settings;
  private final Clock clock;
  private final BatchRows rows;

  public BatchService(DocumentStore documents, ProjectService projects, TemplateService templates, UsageService usage,
      GenerationService generation, Supplier<Providers> providers, Supplier<EventBus> events,
      GenerationSettings settings, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.generation = Objects.requireNonNull(generation, "generation");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.events = Objects.requireNonNull(events, "events");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rows = new BatchRows(settings.maxPromptLength());
  }

  /** What a batch is made of, as the API gives it. */
  public record Spec(String name, String templateId, List<Map<String, String>> rows, String schedule, String timeZone,
      int maxConcurrent, long budgetMicros, Optional<String> provider, Optional<String> model,
      Map<String, String> options) {}

  public BatchView create(String uid, String projectId, Spec spec) {
    Member me = projects.requireRole(uid, projectId, Role.EDITOR);
    Template template = templates.getLive(uid, projectId, spec.templateId());
    BatchSchedule.parse(spec.schedule(), spec.timeZone());
    // Rows may come later, from a CSV file; a run without rows is recorded as skipped.
    List<Map<String, String>> checked = spec.rows().isEmpty() ? List.of() : rows.fromList(template, spec.rows());
    providers.get().choose(template.kind(), spec.provider(), spec.model());
    Instant now = clock.instant();
    Batch b = new Batch(Ids.newId(), projectId, spec.name(), template.id(), template.kind(), checked, spec.schedule(),
        spec.timeZone(), false, spec.maxConcurrent(), spec.budgetMicros(), spec.provider().orElse(null),
        spec.model().orElse(null), spec.options(), now, null, null, uid, now, now, 1, null, null, uid);
    documents.transaction(tx -> {
      tx.create(BATCHES, b.id(), tree(b));
      ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.BATCH_CREATED,
          Target.of("batch", b.id(), b.name()), Map.of("schedule", b.schedule(), "rows",
              Integer.toString(b.rows().size())));
      return null;
    });
    return BatchView.of(b);
  }

  public Listing<BatchView> list(String uid, String projectId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    var page = page(Query.on(BATCHES).whereEqualTo("projectId", projectId)
        .orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor));
    return new Listing<>(page.items().stream().map(BatchService::batch).map(BatchView::of).toList(),
        page.nextCursor());
  }

  public BatchView get(String uid, String projectId, String batchId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return BatchView.of(find(projectId, batchId));
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

  public BatchView update(String uid, String projectId, String batchId, String ifMatch, Change change) {
    Member me = projects.requireRole(uid, projectId, Role.EDITOR);
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
          b.lastError(), b.lastErrorAt(), resuming || rescheduled ? uid : b.scheduledBy());
      tx.set(BATCHES, batchId, tree(changed));
      ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.BATCH_CHANGED,
          Target.of("batch", changed.id(), changed.name()), changes(b, changed));
      return BatchView.of(changed);
    });
  }

  /** Replaces the rows with those of a CSV file (UTF-8, a header naming the template's variables). */
  public BatchView setRowsFromCsv(String uid, String projectId, String batchId, byte[] csv) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch b = find(projectId, batchId);
    List<Map<String, String>> parsed = rows.fromCsv(templates.get(uid, projectId, b.templateId()), csv);
    return update(uid, projectId, batchId, null, new Change(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(parsed)));
  }

  /** What an update changed, for its activity record: the names of the fields, and a new name or pause. */
  private static Map<String, String> changes(Batch before, Batch after) {
    List<String> fields = new ArrayList<>();
    Map<String, String> details = new java.util.LinkedHashMap<>();
    if (!after.name().equals(before.name())) {
      fields.add("name");
      details.put("name", after.name());
    }
    if (after.paused() != before.paused()) {
      fields.add("paused");
      details.put("paused", Boolean.toString(after.paused()));
    }
    if (!after.schedule().equals(before.schedule()) || !after.timeZone().equals(before.timeZone())) {
      fields.add("schedule");
    }
    if (after.maxConcurrent() != before.maxConcurrent() || after.budgetMicros() != before.budgetMicros()) {
      fields.add("limits");
    }
    if (!after.rows().equals(before.rows())) {
      fields.add("rows");
    }
    details.put("changed", String.join(",", fields));
    return details;
  }

  public void delete(String uid, String projectId, String batchId, String ifMatch) {
    Member me = projects.requireRole(uid, projectId, Role.EDITOR);
    find(projectId, batchId);
    documents.transaction(tx -> {
      Batch b = tx.get(BATCHES, batchId).map(BatchService::batch).orElseThrow(BatchService::notFound);
      Etags.check(ifMatch, b.version());
      tx.delete(BATCHES, batchId);
      ActivityLog.record(tx, projectId, clock.instant(), Actor.of(me), ActivityAction.BATCH_DELETED,
          Target.of("batch", b.id(), b.name()), Map.of());
      return null;
    });
  }

  /**
   * The answer to "run now": the run (its {@code started} set), and whether this call started it
   * (false: an earlier press's run).
   */
  public record RunNow(BatchRunView run, boolean started) {}

  /**
   * Starts a run now, whatever the schedule. Editors and owners. While the batch's latest run is
   * still going, or when a run was started by hand less than {@link #RUN_NOW_WINDOW} ago, it starts
   * nothing and answers that run: a double click, or two tabs, make one run.
   */
  public RunNow runNow(String uid, String projectId, String batchId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch b = find(projectId, batchId);
    Instant now = clock.instant();
    Outcome outcome = start(b, now, "manual", b.id() + "_manual_" + now.toEpochMilli(), uid);
    if (outcome.runId() == null) {
      throw notFound();
    }
    BatchRunView run = runView(documents.get(RUNS, outcome.runId()).map(BatchService::run).orElseThrow(
        () -> ApiException.conflict("The run could not be started; try again.")));
    boolean started = outcome.kind() != Outcome.Kind.EXISTING;
    return new RunNow(run.withStarted(started), started);
  }

  /**
   * What a run of the batch started now would hold against the budgets, row by row as a run
   * reserves it, and what it would leave of them (rows that cannot be sent are left out, as a run
   * leaves them out); nothing is started. Editors and owners.
   */
  public dev.contentcreator.core.budgets.BudgetService.ForecastView forecast(String uid, String projectId,
      String batchId, dev.contentcreator.core.budgets.BudgetService budgets) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch batch = find(projectId, batchId);
    Template template = templates.get(batch.createdBy(), batch.projectId(), batch.templateId());
    Providers.Choice choice = providers.get().choose(batch.kind(), Optional.ofNullable(batch.provider()),
        Optional.ofNullable(batch.model()));
    Project project = documents.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
        .orElseThrow(BatchService::notFound);
    String systemPrompt = batch.kind() == ContentKind.TEXT && project.brandVoice() != null
        ? project.brandVoice().toSystemPrompt() : "";
    dev.contentcreator.core.domain.ImageStyle style = batch.kind() == ContentKind.IMAGE && project.brandVoice() != null
        ? project.brandVoice().imageStyle() : null;
    Map<String, String> runOptions = style == null ? batch.options() : style.options(batch.options());
    int items = 0;
    long total = 0;
    for (Map<String, String> row : batch.rows()) {
      BatchRows.Prompt p = rows.prompt(template, row);
      if (p.text() != null) {
        String text = style == null ? p.text() : style.styled(p.text());
        total += generation.estimate(batch.kind(), choice.provider(), choice.model(), text, systemPrompt, runOptions)
            .costMicros();
        items++;
      }
    }
    if (items == 0) {
      throw ApiException.unprocessable("rows", "no row of the batch can be sent");
    }
    String charged = project.batchRunsChargeCreator() ? batch.createdBy() : uid;
    return budgets.forecast(charged, projectId, items, total / items, total, choice.provider(), choice.model(),
        choice.demo());
  }

  /** Cancels the batch's latest run (every job of it still going). Editors and owners. */
  public BatchRunView cancelRun(String uid, String projectId, String batchId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Batch b = find(projectId, batchId);
    BatchRun run = Optional.ofNullable(b.lastRunId()).flatMap(id -> documents.get(RUNS, id)).map(BatchService::run)
        .filter(r -> !r.jobs().isEmpty())
        .orElseThrow(() -> ApiException.conflict("This batch has no run to cancel."));
    List<String> open = new ArrayList<>();
    for (BatchRun.Job j : run.jobs()) {
      documents.get(Jobs.JOBS, j.jobId()).map(Jobs::job).filter(job -> !job.status().terminal())
          .ifPresent(job -> open.add(job.id()));
    }
    if (open.isEmpty()) {
      throw ApiException.conflict("The batch's latest run has already ended.");
    }
    for (String jobId : open) {
      try {
        generation.cancel(uid, projectId, jobId);
      } catch (ApiException e) {
        if (e.status() != 409) {
          throw e;
        }
        // It ended meanwhile: nothing to cancel there.
      }
    }
    return runView(documents.get(RUNS, run.id()).map(BatchService::run).orElse(run));
  }

  /** The batch's runs, newest first, each with its jobs' state, counts, cost and failures. */
  public Listing<BatchRunView> runs(String uid, String projectId, String batchId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    find(projectId, batchId);
    var page = page(Query.on(RUNS).whereEqualTo("batchId", batchId)
        .orderBy("startedAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor));
    return new Listing<>(page.items().stream().map(BatchService::run).map(this::runView).toList(), page.nextCursor());
  }

  /**
   * A project's runs due in {@code [from, until)}, in due-time order, each with its status, at most
   * {@code max}: what the calendar shows of the past. Viewers and up.
   */
  public List<BatchRunView> runsDue(String uid, String projectId, Instant from, Instant until, int max) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    List<BatchRunView> found = new ArrayList<>();
    String cursor = null;
    do {
      Page page = documents.query(Query.on(RUNS).whereEqualTo("projectId", projectId)
          .orderBy("dueAt", Query.Direction.ASCENDING).range("dueAt", Json.format(from), Json.format(until))
          .limit(Math.min(Query.MAX_LIMIT, Math.max(1, max))).startAfter(cursor).build());
      for (Document d : page.items()) {
        if (found.size() < max) {
          found.add(runView(run(d)));
        }
      }
      cursor = found.size() < max ? page.nextCursor() : null;
    } while (cursor != null);
    return found;
  }

  private Page page(Query.Builder q) {
    try {
      return documents.query(q.build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
  }

  /**
   * The run as the API shows it: its fields, {@code jobIds}, and what its jobs add up to: the
   * status (queued while every job waits, running while any goes on; once all ended, cancelled if
   * one was, completed if any item was made, failed otherwise), item counts, cost, and the first
   * failures with their row numbers.
   */
  private BatchRunView runView(BatchRun run) {
    List<String> ids = run.jobs().stream().map(BatchRun.Job::jobId).toList();
    List<BatchRunView.RowNote> skippedRows = run.skippedRows().stream()
        .map(r -> new BatchRunView.RowNote(r.row(), r.reason())).toList();
    if (run.jobs().isEmpty()) {
      return new BatchRunView(run.id(), run.batchId(), run.projectId(), run.dueAt(), run.trigger(), run.jobId(),
          run.skipped(), run.startedAt(), skippedRows, ids, "skipped", null, null, null, null, null, null, null, null);
    }
    int items = 0;
    int completed = 0;
    int failed = 0;
    int cancelled = 0;
    long cost = 0;
    int flagged = 0;
    boolean open = false;
    boolean started = false;
    boolean wasCancelled = false;
    List<BatchRunView.RowNote> failures = new ArrayList<>();
    for (BatchRun.Job j : run.jobs()) {
      GenerationJob job = documents.get(Jobs.JOBS, j.jobId()).map(Jobs::job).orElse(null);
      if (job == null) {
        continue;
      }
      JobCounters.Counts counts = JobCounters.current(documents, job);
      items += job.itemCount();
      completed += counts.completed();
      failed += counts.failed();
      cancelled += counts.cancelled();
      cost += counts.costMicros();
      flagged += JobCounters.flagged(documents, job);
      open |= !job.status().terminal();
      started |= job.status() != GenerationJob.Status.QUEUED;
      wasCancelled |= job.status() == GenerationJob.Status.CANCELLED;
      if (counts.failed() > 0 && failures.size() < 20) {
        for (GenerationItem i : Jobs.items(documents, job.id())) {
          if (i.status() == GenerationItem.Status.FAILED && failures.size() < 20) {
            failures.add(new BatchRunView.RowNote(j.row(i.index()), i.failureReason()));
          }
        }
      }
    }
    String status = open ? (started ? "running" : "queued")
        : wasCancelled ? "cancelled" : completed > 0 ? "completed" : "failed";
    return new BatchRunView(run.id(), run.batchId(), run.projectId(), run.dueAt(), run.trigger(), run.jobId(),
        run.skipped(), run.startedAt(), skippedRows, ids, status, items, completed, failed, cancelled, cost, failures,
        null, flagged);
  }

  /**
   * The scheduler: starts each unpaused batch's due run, once per due time. A batch that fails for a
   * reason nobody expected (a document this version cannot read, a bug) is logged in one line,
   * marked with {@code lastError}, and the others still run. Returns how many runs it started.
   */
  public int tick() {
    Instant now = clock.instant();
    int started = 0;
    String cursor = null;
    do {
      var page = documents.query(Query.on(BATCHES).whereEqualTo("paused", false).limit(100).startAfter(cursor).build());
      for (Document d : page.items()) {
        try {
          if (tickOne(d, now)) {
            started++;
          }
        } catch (RuntimeException e) {
          failed(d, e, now);
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return started;
  }

  private boolean tickOne(Document d, Instant now) {
    Batch b = batch(d);
    Optional<Instant> due;
    try {
      due = BatchSchedule.parse(b.schedule(), b.timeZone())
          .dueAt(b.lastDueAt() != null ? b.lastDueAt() : b.notBefore(), now);
    } catch (ApiException e) {
      return false;
    }
    return due.isPresent()
        && start(b, due.get(), "schedule", b.id() + "_" + due.get().getEpochSecond(), b.chargedForSchedule()).kind()
        == Outcome.Kind.STARTED;
  }

  /** Logs a batch the tick could not handle, naming it and its project, and marks the batch with the error. */
  private void failed(Document d, RuntimeException e, Instant now) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("batchId", d.id());
    if (d.data().has("projectId") && d.data().get("projectId").isJsonPrimitive()) {
      fields.put("projectId", d.data().get("projectId").getAsString());
    }
    Log.error("the scheduler could not start a run of batch " + d.id(), e, fields);
    try {
      documents.transaction(tx -> {
        tx.get(BATCHES, d.id()).ifPresent(fresh -> {
          JsonObject data = fresh.data().deepCopy();
          data.addProperty("lastError", "An unexpected error stopped the scheduled run (" + e.getClass().getSimpleName()
              + "); it has been logged, and the scheduler tries again at its next tick.");
          data.addProperty("lastErrorAt", Json.format(now));
          tx.set(BATCHES, d.id(), data);
        });
        return null;
      });
    } catch (RuntimeException markFailed) {
      Log.error("could not mark batch " + d.id() + " with its error", markFailed, Map.of("batchId", d.id()));
    }
  }

  /** What {@link #start} did: started a run, recorded one as skipped, found an earlier one, or nothing. */
  private record Outcome(Kind kind, String runId, List<String> jobIds) {
    enum Kind { STARTED, SKIPPED, EXISTING, NONE }

    static Outcome none() {
      return new Outcome(Kind.NONE, null, List.of());
    }
  }

  /**
   * Starts one run: its document and its jobs (one per {@code GENERATION_MAX_ITEMS} rows) in one
   * transaction, then each job's event. A row that cannot be sent now is left out with its reason; a
   * run that cannot start at all (no rows fit, the month's quota, a provider no longer configured)
   * is recorded as skipped with its reason, so the history says why.
   */
  private Outcome start(Batch batch, Instant due, String trigger, String runId, String chargedTo) {
    Template template;
    Providers.Choice choice;
    List<String> prompts = new ArrayList<>();
    List<List<GenerationItem.Variable>> variables = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    List<BatchRun.SkippedRow> skippedRows = new ArrayList<>();
    try {
      template = templates.get(batch.createdBy(), batch.projectId(), batch.templateId());
      choice = providers.get().choose(batch.kind(), Optional.ofNullable(batch.provider()),
          Optional.ofNullable(batch.model()));
      for (int i = 0; i < batch.rows().size(); i++) {
        BatchRows.Prompt p = rows.prompt(template, batch.rows().get(i));
        if (p.text() != null) {
          prompts.add(p.text());
          variables.add(p.variables().entrySet().stream()
              .map(e -> new GenerationItem.Variable(e.getKey(), e.getValue())).toList());
          rowNumbers.add(i + 1);
        } else {
          skippedRows.add(new BatchRun.SkippedRow(i + 1, p.skipped()));
        }
      }
      if (batch.rows().isEmpty()) {
        throw ApiException.unprocessable("rows", "the batch has no rows");
      }
      if (prompts.isEmpty()) {
        BatchRun.SkippedRow first = skippedRows.get(0);
        throw ApiException.unprocessable("rows", "no row can be sent; row " + first.row() + ": " + first.reason());
      }
    } catch (ApiException e) {
      return skip(batch, due, trigger, runId, e.detail());
    }
    Project project = documents.get(ProjectService.PROJECTS, batch.projectId()).map(ProjectService::project)
        .orElse(null);
    if (project == null) {
      return Outcome.none();
    }
    String systemPrompt = batch.kind() == ContentKind.TEXT && project.brandVoice() != null
        ? project.brandVoice().toSystemPrompt() : "";
    String charged = project.batchRunsChargeCreator() ? batch.createdBy() : chargedTo;
    // Images take the project's style preset, as a single generation does.
    dev.contentcreator.core.domain.ImageStyle style = batch.kind() == ContentKind.IMAGE && project.brandVoice() != null
        ? project.brandVoice().imageStyle() : null;
    List<String> runPrompts = style == null ? prompts : prompts.stream().map(style::styled).toList();
    Instant now = clock.instant();
    int cap = Math.max(1, Math.min(settings.maxItemsPerJob(), Query.MAX_LIMIT));
    int total = prompts.size();
    int jobCount = (total + cap - 1) / cap;
    Outcome outcome;
    try {
      outcome = documents.transaction(tx -> {
        Batch fresh = tx.get(BATCHES, batch.id()).map(BatchService::batch).orElse(null);
        if (fresh == null || (trigger.equals("schedule") && fresh.lastDueAt() != null && !fresh.lastDueAt().isBefore(due))) {
          return Outcome.none();
        }
        Optional<Outcome> existing = existingRun(tx, fresh, trigger, runId, now);
        if (existing.isPresent()) {
          return existing.get();
        }
        // The run's worst case is reserved, in this transaction, for the person charged for it, who
        // is also its jobs' requester.
        Map<String, String> runOptions = style == null ? fresh.options() : style.options(fresh.options());
        List<Reservation> held = usage.reserve(tx, charged, fresh.projectId(), runPrompts.stream()
            .map(p -> generation.estimate(fresh.kind(), choice.provider(), choice.model(), p, systemPrompt, runOptions))
            .toList()).items();
        // Each job keeps its share of the run's concurrency and budget, so the run as a whole
        // stays within what the batch allows (one item at a time per job at the least).
        int concurrent = fresh.maxConcurrent() > 0 ? Math.max(1, fresh.maxConcurrent() / jobCount) : 0;
        List<BatchRun.Job> jobs = new ArrayList<>();
        List<String> jobIds = new ArrayList<>();
        for (int j = 0; j < jobCount; j++) {
          int from = j * cap;
          int to = Math.min(total, from + cap);
          int n = to - from;
          long budget = fresh.budgetMicros() > 0 ? Math.max(1, fresh.budgetMicros() * n / total) : 0;
          String jobId = Ids.newId();
          GenerationJob job = GenerationJob.builder().id(jobId).project(fresh.projectId(), charged)
              .maker(fresh.kind(), choice.provider(), choice.model(), choice.demo()).itemCount(n)
              .request(template.body(), systemPrompt, runOptions).templateId(template.id()).times(now, now)
              .batch(fresh.id(), concurrent, budget).build();
          JobLedger.open(tx, job, held.subList(from, to), runPrompts.subList(from, to), variables.subList(from, to));
          jobs.add(new BatchRun.Job(jobId, rowNumbers.subList(from, to)));
          jobIds.add(jobId);
        }
        tx.create(RUNS, runId, tree(new BatchRun(runId, fresh.id(), fresh.projectId(), due, trigger, jobIds.get(0),
            null, now, jobs, skippedRows)));
        tx.set(BATCHES, fresh.id(), tree(advance(fresh, trigger.equals("schedule") ? due : fresh.lastDueAt(), runId, now)));
        ActivityLog.record(tx, fresh.projectId(), now, trigger.equals("schedule") ? Actor.SCHEDULE
            : Actor.person(chargedTo, null), ActivityAction.BATCH_RUN_STARTED, Target.of("batch", fresh.id(), fresh.name()),
            Map.of("runId", runId, "trigger", trigger, "rows", Integer.toString(total),
                "jobs", Integer.toString(jobCount)));
        return new Outcome(Outcome.Kind.STARTED, runId, jobIds);
      });
    } catch (ApiException e) {
      return skip(batch, due, trigger, runId, e.detail());
    } catch (DocumentExistsException e) {
      return new Outcome(Outcome.Kind.EXISTING, runId, List.of());
    }
    for (String jobId : outcome.jobIds()) {
      JsonObject event = new JsonObject();
      event.addProperty("jobId", jobId);
      try {
        events.get().publish(GenerationSettings.TOPIC, event, Map.of("projectId", batch.projectId(), "batchId", batch.id()));
      } catch (RuntimeException e) {
        // The job is stored and queued; the workers' sweep of queued jobs fans it out.
        Log.warning("could not publish the event of job " + jobId + " of batch run " + runId, e);
      }
    }
    return outcome;
  }

  /** The run this start would duplicate: the same run id, or for a "run now" an earlier run (below). */
  private Optional<Outcome> existingRun(DocumentStore.Transaction tx, Batch fresh, String trigger, String runId,
      Instant now) {
    if (tx.get(RUNS, runId).isPresent()) {
      return Optional.of(new Outcome(Outcome.Kind.EXISTING, runId, List.of()));
    }
    return earlierRun(tx, fresh, trigger, now).map(id -> new Outcome(Outcome.Kind.EXISTING, id, List.of()));
  }

  /**
   * For a "run now": the batch's latest run when it is still going, or was started by hand less
   * than {@link #RUN_NOW_WINDOW} ago; read in the transaction that would start the next, so two
   * presses at once make one run.
   */
  private Optional<String> earlierRun(DocumentStore.Transaction tx, Batch fresh, String trigger, Instant now) {
    if (!trigger.equals("manual") || fresh.lastRunId() == null) {
      return Optional.empty();
    }
    Optional<BatchRun> latest = tx.get(RUNS, fresh.lastRunId()).map(BatchService::run);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    BatchRun run = latest.get();
    if (run.trigger().equals("manual") && run.startedAt().plus(RUN_NOW_WINDOW).isAfter(now)) {
      return Optional.of(run.id());
    }
    for (BatchRun.Job j : run.jobs()) {
      if (Jobs.job(tx, j.jobId()).filter(job -> !job.status().terminal()).isPresent()) {
        return Optional.of(run.id());
      }
    }
    return Optional.empty();
  }

  private Outcome skip(Batch batch, Instant due, String trigger, String runId, String reason) {
    Instant now = clock.instant();
    try {
      return documents.transaction(tx -> {
        Batch fresh = tx.get(BATCHES, batch.id()).map(BatchService::batch).orElse(null);
        if (fresh == null) {
          return Outcome.none();
        }
        Optional<Outcome> existing = existingRun(tx, fresh, trigger, runId, now);
        if (existing.isPresent()) {
          return existing.get();
        }
        tx.create(RUNS, runId, tree(new BatchRun(runId, fresh.id(), fresh.projectId(), due, trigger, null, reason, now,
            List.of(), List.of())));
        tx.set(BATCHES, fresh.id(), tree(advance(fresh, trigger.equals("schedule") ? due : fresh.lastDueAt(), runId, now)));
        return new Outcome(Outcome.Kind.SKIPPED, runId, List.of());
      });
    } catch (DocumentExistsException e) {
      return new Outcome(Outcome.Kind.EXISTING, runId, List.of());
    }
  }

  /** The batch after a run was recorded: its last due time and run, and no error since a run started. */
  private static Batch advance(Batch b, Instant lastDueAt, String runId, Instant now) {
    return new Batch(b.id(), b.projectId(), b.name(), b.templateId(), b.kind(), b.rows(), b.schedule(), b.timeZone(),
        b.paused(), b.maxConcurrent(), b.budgetMicros(), b.provider(), b.model(), b.options(), b.notBefore(), lastDueAt,
        runId, b.createdBy(), b.createdAt(), now, b.version(), null, null, b.scheduledBy());
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
