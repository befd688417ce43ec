package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import dev.contentcreator.core.brand.FixPrompt;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.usage.UsageService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Accepting a generation: check the caller's role, the request and the provider's circuit; reserve
 * the job's worst case against the caller's monthly limits (refused when it does not fit); store
 * the job and its items with the Idempotency-Key in one transaction; publish one
 * event for the fan-out. A repeated key answers the first job; the same key with another body
 * is a 422. Also reading and cancelling jobs.
 */
public final class GenerationService {
  public static final String IDEMPOTENCY = "idempotency";
  private static final Duration KEY_LIFETIME = Duration.ofHours(24);

  private final DocumentStore documents;
  private final ProjectService projects;
  private final TemplateService templates;
  private final UsageService usage;
  private final Supplier<Providers> providers;
  private final Supplier<ProviderPolicy> policy;
  private final Supplier<EventBus> events;
  private final GenerationSettings settings;
  private final Clock clock;
  private final JobLedger ledger;
  private final dev.contentcreator.core.knowledge.KnowledgeRetriever knowledge;
  private final int knowledgeTopK;

  /** How long a cancel spends ending waiting items itself before it answers; runners end the rest. */
  static final Duration CANCEL_BUDGET = Duration.ofMillis(500);

  public GenerationService(DocumentStore documents, ProjectService projects, TemplateService templates,
      UsageService usage, Supplier<Providers> providers, Supplier<ProviderPolicy> policy, Supplier<EventBus> events,
      GenerationSettings settings, Clock clock) {
    this(documents, projects, templates, usage, providers, policy, events, settings, clock, JobOutcomes.NONE);
  }

  /** As the other constructor, telling {@code outcomes} of jobs a cancel ends. */
  public GenerationService(DocumentStore documents, ProjectService projects, TemplateService templates,
      UsageService usage, Supplier<Providers> providers, Supplier<ProviderPolicy> policy, Supplier<EventBus> events,
      GenerationSettings settings, Clock clock, JobOutcomes outcomes) {
    this(documents, projects, templates, usage, providers, policy, events, settings, clock, outcomes,
        dev.contentcreator.core.knowledge.KnowledgeRetriever.NONE, 1);
  }

  /**
   * As the other constructors, giving a text prompt that asks for it the {@code knowledgeTopK}
   * passages of the project's brand knowledge that {@code knowledge} finds nearest to it.
   */
  public GenerationService(DocumentStore documents, ProjectService projects, TemplateService templates,
      UsageService usage, Supplier<Providers> providers, Supplier<ProviderPolicy> policy, Supplier<EventBus> events,
      GenerationSettings settings, Clock clock, JobOutcomes outcomes,
      dev.contentcreator.core.knowledge.KnowledgeRetriever knowledge, int knowledgeTopK) {
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    if (knowledgeTopK < 1) {
      throw new IllegalArgumentException("knowledgeTopK must be positive, got: " + knowledgeTopK);
    }
    this.knowledgeTopK = knowledgeTopK;
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.events = Objects.requireNonNull(events, "events");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ledger = new JobLedger(documents, usage, clock, outcomes);
  }

  /**
   * The worst case of one item, to reserve when its job is accepted (see {@link Reservation}), with
   * its cost at the model's prices: the prompt's tokens at the input price and the output cap at
   * the output price; an image, a second of video or a task at theirs.
   */
  public Reservation estimate(ContentKind kind, String provider, String model, String prompt, String systemPrompt,
      Map<String, String> options) {
    Reservation r = Reservation.estimate(kind, prompt, systemPrompt, options, settings.maxOutputTokens());
    long chars = (long) (prompt == null ? 0 : prompt.length()) + (systemPrompt == null ? 0 : systemPrompt.length());
    return usage.price(r, new UsageService.Priced(provider, model, kind, options), (chars + 3) / 4);
  }

  /**
   * The answer to a create: the job, whether it was made now (false: an earlier key's job), and the
   * budget warning its reservation brought (null: none, or a replayed key).
   */
  public record Accepted(JobView job, String jobId, boolean created, UsageService.BudgetWarning budgetWarning) {
    Accepted(JobView job, String jobId, boolean created) {
      this(job, jobId, created, null);
    }

    /** The job as the API answers it, with the warning beside its fields. */
    public AcceptedView view() {
      return new AcceptedView(job, budgetWarning);
    }
  }

  /** A job accepted as the API shows it: the job's fields and {@code budgetWarning} when there is one. */
  @dev.contentcreator.core.json.OmitNulls
  public record AcceptedView(@dev.contentcreator.core.json.Inline JobView job,
      UsageService.BudgetWarning budgetWarning) {}

  public Accepted create(Caller caller, String projectId, String idempotencyKey, GenerationRequest req) {
    dev.contentcreator.core.domain.Member me = projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    checkKey(idempotencyKey);
    if (req.count() < 1 || req.count() > settings.maxItemsPerJob()) {
      throw ApiException.badRequest("count", "must be from 1 to " + settings.maxItemsPerJob());
    }
    Shaped shaped = shape(caller.uid(), projectId, req);
    refuseWhileFailing(req.kind(), shaped.choice().provider());
    Providers.Choice choice = shaped.choice();
    String prompt = shaped.prompt();
    String systemPrompt = shaped.systemPrompt();
    Map<String, String> options = shaped.options();
    java.util.List<dev.contentcreator.core.domain.KnowledgeSource> sources = java.util.List.of();
    if (req.useKnowledge()) {
      if (req.kind() != ContentKind.TEXT) {
        throw ApiException.unprocessable("useKnowledge", "brand knowledge is given to text generations only");
      }
      // The passages nearest to what was asked go with the instructions, apart from the prompt itself.
      sources = knowledge.retrieve(projectId, prompt, knowledgeTopK);
      systemPrompt = dev.contentcreator.core.knowledge.KnowledgeRetriever.withReferences(systemPrompt, sources).strip();
    }
    Instant now = clock.instant();
    GenerationJob job = GenerationJob.builder().id(Ids.newId()).project(projectId, caller.uid())
        .maker(req.kind(), choice.provider(), choice.model(), choice.demo()).itemCount(req.count())
        .request(prompt, systemPrompt, options).templateId(req.templateId().orElse(null))
        .contentId(req.contentId().orElse(null)).fresh(req.fresh()).times(now, now).knowledge(sources)
        .brandKitId(shaped.brandKitId()).build();
    // The key is the caller's within one project: the same key sent to two projects makes two jobs.
    Accepted accepted = documents.transaction(tx -> accept(tx, job, idempotencyId(caller.uid(), projectId,
        idempotencyKey), requestHash(req), dev.contentcreator.core.activity.Actor.of(me)));
    if (accepted.created()) {
      publish(job);
      return accepted;
    }
    return earlierJob(accepted.jobId());
  }

  /**
   * The answer to a replayed Idempotency-Key: its job as it stands now, queued again when it has not
   * started (the first request's publish may have failed). A job made by this request is answered
   * from what its transaction wrote instead: read back, a 100-item job cost a query of its items,
   * which on Firestore was a third of the create's time while other jobs ran.
   */
  private Accepted earlierJob(String jobId) {
    GenerationJob stored = documents.get(Jobs.JOBS, jobId).map(Jobs::job)
        .orElseThrow(() -> ApiException.conflict("The job of this Idempotency-Key was deleted; use a new key."));
    if (stored.status() == GenerationJob.Status.QUEUED) {
      publish(stored);
    }
    return new Accepted(JobView.of(stored, Jobs.items(documents, stored.id())), stored.id(), false);
  }

  /** A request made into what a job sends: the prompt (styled), the system prompt, the options and the provider. */
  private record Shaped(Providers.Choice choice, String prompt, String systemPrompt, Map<String, String> options,
      String brandKitId) {}

  private Shaped shape(String uid, String projectId, GenerationRequest req) {
    Project project = documents.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
        .orElseThrow(() -> ApiException.notFound("No such project, or you are not a member of it."));
    String prompt = prompt(uid, projectId, req);
    if (req.contentId().isPresent() && req.count() != 1) {
      throw ApiException.badRequest("count", "a regeneration makes one new version: count must be 1");
    }
    Providers.Choice choice = providers.get().choose(req.kind(), req.provider(), req.model());
    // The voice of the kit asked for, else the project's (its default kit's).
    dev.contentcreator.core.domain.BrandVoice voice = project.brandVoice();
    String kitId = null;
    if (req.brandKitId().isPresent()) {
      dev.contentcreator.core.brand.BrandKit kit = dev.contentcreator.core.brand.BrandKitService.kit(documents,
          projectId, req.brandKitId().get()).orElseThrow(() -> ApiException.unprocessable("brandKitId",
              "no such brand kit in this project"));
      voice = kit.voice();
      kitId = kit.isDefault() ? null : kit.id();
    }
    String systemPrompt = req.kind() == ContentKind.TEXT && voice != null ? voice.toSystemPrompt() : "";
    // An image takes the kit's style preset: its words after the prompt, its ratio and negative
    // prompt where the request has none.
    dev.contentcreator.core.domain.ImageStyle style = req.kind() == ContentKind.IMAGE && voice != null
        ? voice.imageStyle() : null;
    if (style != null) {
      prompt = style.styled(prompt);
    }
    Map<String, String> options = style != null ? style.options(req.options()) : req.options();
    return new Shaped(choice, prompt, systemPrompt, options, kitId);
  }

  /**
   * What a job of this request would hold against the budgets before it starts, and what it would
   * leave of them ({@link dev.contentcreator.core.budgets.BudgetService#forecast}); nothing is
   * stored. Editors and owners, as for a generation; the same 4xx for a request a create would refuse.
   */
  public dev.contentcreator.core.budgets.BudgetService.ForecastView forecast(Caller caller, String projectId,
      GenerationRequest req, dev.contentcreator.core.budgets.BudgetService budgets) {
    projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    if (req.count() < 1 || req.count() > settings.maxItemsPerJob()) {
      throw ApiException.badRequest("count", "must be from 1 to " + settings.maxItemsPerJob());
    }
    Shaped shaped = shape(caller.uid(), projectId, req);
    Reservation each = estimate(req.kind(), shaped.choice().provider(), shaped.choice().model(), shaped.prompt(),
        shaped.systemPrompt(), shaped.options());
    return budgets.forecast(caller.uid(), projectId, req.count(), each.costMicros(), each.costMicros() * req.count(),
        shaped.choice().provider(), shaped.choice().model(), shaped.choice().demo());
  }

  /** Rows a template's "try it" takes at most. */
  public static final int MAX_TRY_ROWS = 3;

  /**
   * "Try it": one job that runs a template the caller may use here (global, their library's or the
   * project's) over 1 to {@value #MAX_TRY_ROWS} rows of values, one item per row, through the usual
   * pipeline (reserved against the monthly limits, charged, queued, run by the runners). Editors and
   * owners; 400 for no rows, more than {@value #MAX_TRY_ROWS}, or a value at fault
   * ({@code rows[i].name}); the same Idempotency-Key answers the first job.
   */
  public Accepted tryTemplate(Caller caller, String projectId, String templateId, String idempotencyKey,
      java.util.List<Map<String, String>> rows) {
    dev.contentcreator.core.domain.Member me = projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    checkKey(idempotencyKey);
    if (rows.isEmpty() || rows.size() > MAX_TRY_ROWS) {
      throw ApiException.badRequest("rows", "must be 1 to " + MAX_TRY_ROWS + " rows; run more as a batch");
    }
    Template t = templates.readable(caller.uid(), Optional.of(projectId), templateId);
    java.util.List<dev.contentcreator.core.http.FieldError> errors = new java.util.ArrayList<>();
    java.util.List<String> prompts = new java.util.ArrayList<>();
    java.util.List<java.util.List<GenerationItem.Variable>> variables = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> resolved = TemplateService.resolve(t, rows.get(i), "rows[" + i + "].", errors);
      prompts.add(TemplateService.fill(t, resolved));
      variables.add(resolved.entrySet().stream().map(e -> new GenerationItem.Variable(e.getKey(), e.getValue())).toList());
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("Some values are not right for this template.", errors);
    }
    for (int i = 0; i < prompts.size(); i++) {
      if (prompts.get(i).isBlank() || prompts.get(i).length() > settings.maxPromptLength()) {
        throw ApiException.badRequest("rows[" + i + "]", "makes a prompt that is not 1 to "
            + settings.maxPromptLength() + " characters long");
      }
    }
    Project project = documents.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
        .orElseThrow(() -> ApiException.notFound("No such project, or you are not a member of it."));
    Providers.Choice choice = providers.get().choose(t.kind(), Optional.empty(), Optional.empty());
    refuseWhileFailing(t.kind(), choice.provider());
    String systemPrompt = t.kind() == ContentKind.TEXT && project.brandVoice() != null
        ? project.brandVoice().toSystemPrompt() : "";
    dev.contentcreator.core.domain.ImageStyle style = t.kind() == ContentKind.IMAGE && project.brandVoice() != null
        ? project.brandVoice().imageStyle() : null;
    java.util.List<String> sent = style == null ? prompts : prompts.stream().map(style::styled).toList();
    Map<String, String> options = style == null ? Map.of() : style.options(Map.of());
    Instant now = clock.instant();
    GenerationJob job = GenerationJob.builder().id(Ids.newId()).project(projectId, caller.uid())
        .maker(t.kind(), choice.provider(), choice.model(), choice.demo()).itemCount(sent.size())
        .request(t.body(), systemPrompt, options).templateId(t.id()).times(now, now).build();
    String hash = hash(Json.GSON.toJson(Map.of("try", t.id() + "@" + t.version(), "rows", rows.stream()
        .map(java.util.TreeMap::new).toList())));
    String keyId = idempotencyId(caller.uid(), projectId, idempotencyKey);
    Accepted accepted = documents.transaction(tx -> {
      Optional<JsonObject> earlier = tx.get(IDEMPOTENCY, keyId).map(d -> d.data());
      if (earlier.isPresent() && Instant.parse(earlier.get().get("expiresAt").getAsString()).isAfter(now)) {
        if (!earlier.get().get("requestHash").getAsString().equals(hash)) {
          throw ApiException.unprocessable("Idempotency-Key", "was already used for a different request; "
              + "use a new key for a new try");
        }
        return new Accepted(null, earlier.get().get("jobId").getAsString(), false);
      }
      UsageService.Held held = usage.reserve(tx, caller.uid(), projectId, sent.stream()
          .map(p -> estimate(t.kind(), choice.provider(), choice.model(), p, systemPrompt, options)).toList());
      java.util.List<GenerationItem> items = JobLedger.open(tx, job, held.items(), sent, variables);
      JsonObject key = new JsonObject();
      key.addProperty("requestHash", hash);
      key.addProperty("jobId", job.id());
      key.addProperty("uid", caller.uid());
      key.addProperty("projectId", projectId);
      key.addProperty("expiresAt", Json.format(now.plus(KEY_LIFETIME)));
      tx.set(IDEMPOTENCY, keyId, key);
      recordStarted(tx, job, dev.contentcreator.core.activity.Actor.of(me), now);
      return new Accepted(JobView.of(job, items), job.id(), true, held.warning());
    });
    if (accepted.created()) {
      publish(job);
      return new Accepted(accepted.job(), accepted.jobId(), true);
    }
    return earlierJob(accepted.jobId());
  }

  /**
   * Makes a text item again with what the brand rules found in its current version as extra
   * instructions: a regeneration (one new version of the item) of the prompt that made it, or a
   * rewrite of the text when no job made it. Editors and owners; 404 for a stranger or no such item;
   * 409 when the current version has no findings (or the item is media). Without an
   * {@code idempotencyKey} the key is the item's current version: asking again for the same version
   * answers with the same job.
   */
  public Accepted fix(Caller caller, String projectId, String contentId, String idempotencyKey) {
    projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    if (!Ids.isWellFormed(contentId)) {
      throw ApiException.notFound("No such content item in this project.");
    }
    dev.contentcreator.core.domain.ContentItem item = documents.get(ContentService.CONTENTS, contentId)
        .map(ContentService::content).filter(c -> c.projectId().equals(projectId))
        .orElseThrow(() -> ApiException.notFound("No such content item in this project."));
    if (item.kind() != ContentKind.TEXT) {
      throw ApiException.conflict("Only a text has brand rule findings to fix.");
    }
    dev.contentcreator.core.domain.ContentVersion current = documents.get(ContentService.VERSIONS,
        dev.contentcreator.core.domain.ContentVersion.documentId(contentId, item.currentVersion()))
        .map(ContentService::version).orElseThrow(() -> ApiException.notFound("No such content item in this project."));
    if (current.findings().isEmpty()) {
      throw ApiException.conflict("The current version keeps every brand rule: there is nothing to fix.");
    }
    GenerationJob made = current.jobId() == null ? null
        : documents.get(Jobs.JOBS, current.jobId()).map(Jobs::job).orElse(null);
    String prompt = FixPrompt.of(made == null ? null : made.prompt(), current.text(), current.findings(),
        settings.maxPromptLength());
    String key = idempotencyKey != null ? idempotencyKey : "fix-" + contentId + "-" + item.currentVersion();
    // The fix writes in the kit that made the version, whose rules found what it fixes.
    return create(caller, projectId, key, new GenerationRequest(ContentKind.TEXT, Optional.of(prompt),
        Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Map.of(), 1, true, Optional.of(contentId),
        Optional.ofNullable(made == null ? null : made.brandKitId())));
  }

  /** A drafted style guide and what wrote it. */
  public record VoiceDraftView(String systemPrompt, String provider, String model, boolean demo) {}

  /**
   * Asks the project's text provider for a style guide written from {@code samples} (at most
   * {@link dev.contentcreator.core.brand.VoiceDraft#MAX_SAMPLES}), for the person to edit and save as
   * the voice's house instructions; nothing is stored. Editors and owners; 503 while the provider
   * is failing, 502 when it refused.
   */
  public VoiceDraftView draftVoice(String uid, String projectId, java.util.List<String> samples) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    Providers.Choice choice = providers.get().choose(ContentKind.TEXT, Optional.empty(), Optional.empty());
    refuseWhileFailing(ContentKind.TEXT, choice.provider());
    dev.contentcreator.core.ports.ai.SyncProvider provider = providers.get().sync(choice.provider())
        .orElseThrow(() -> ApiException.of(503, "provider-unavailable", "No text provider",
            "No provider can write a draft now."));
    ItemRequest request = new ItemRequest("draft-" + Ids.newId(), ContentKind.TEXT, choice.model(),
        dev.contentcreator.core.brand.VoiceDraft.prompt(samples), dev.contentcreator.core.brand.VoiceDraft.SYSTEM,
        Map.of("maxTokens", "600"), uid);
    try {
      ItemResult r = policy.get().call(choice.provider(), () -> provider.generate(request, Progress.NONE));
      return new VoiceDraftView(dev.contentcreator.core.brand.VoiceDraft.guide(r.text()), choice.provider(),
          choice.model(), choice.demo());
    } catch (ProviderException e) {
      throw e.kind().retryable()
          ? ApiException.of(503, "provider-unavailable", "The provider is failing",
              "The draft could not be written now; try again in a moment.")
          : ApiException.of(502, "provider-refused", "The provider refused",
              "The provider would not write a draft from these samples.");
    }
  }

  private static void checkKey(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw ApiException.badRequest("Idempotency-Key", "this header is required: a unique value per generation, "
          + "sent again unchanged when retrying");
    }
    if (idempotencyKey.length() > 255 || !idempotencyKey.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw ApiException.badRequest("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
  }

  /**
   * A 503 with Retry-After while the provider's circuit is open and so is every fallback's: with one
   * closed, the job is accepted and its items go to that one.
   */
  private void refuseWhileFailing(ContentKind kind, String provider) {
    if (providers.get().fallbacks(kind, provider).stream().anyMatch(p -> policy.get().openFor(p).isEmpty())) {
      return;
    }
    policy.get().openFor(provider).ifPresent(open -> {
      long seconds = Math.max(1, open.toSeconds() + (open.toNanosPart() > 0 ? 1 : 0));
      throw ApiException.of(503, "provider-unavailable", "The provider is failing",
          provider + " has been failing; new generations are paused for " + seconds + " s.")
          .withHeaders(Map.of("Retry-After", Long.toString(seconds)));
    });
  }

  private static String requestHash(GenerationRequest req) {
    Map<String, Object> fields = new java.util.HashMap<>(Map.of("kind", req.kind().name(), "prompt", req.prompt().orElse(""),
        "template", req.templateId().orElse(""), "variables", new java.util.TreeMap<>(req.variables()),
        "provider", req.provider().orElse(""), "model", req.model().orElse(""), "options", req.options(),
        "count", req.count(), "fresh", req.fresh(), "contentId", req.contentId().orElse("")));
    // Only when asked for, so the hash of every request made before brand knowledge stays as it was.
    if (req.useKnowledge()) {
      fields.put("useKnowledge", true);
    }
    // A kit named makes another request; one without stays the same as before kits.
    return hash(Json.GSON.toJson(new java.util.TreeMap<>(fields)) + req.brandKitId().map(k -> "\nbrandKitId=" + k).orElse(""));
  }

  /**
   * Inside the create's transaction: the job of a live earlier use of the key, or else the job and
   * its items stored with the key, after reserving every item's worst case.
   */
  private Accepted accept(Transaction tx, GenerationJob job, String keyId, String requestHash,
      dev.contentcreator.core.activity.Actor actor) {
    Instant now = job.createdAt();
    // The key and what the reservation reads, in one batched read: on Firestore two round trips fewer.
    java.util.List<DocumentStore.Key> reads = new java.util.ArrayList<>();
    reads.add(new DocumentStore.Key(IDEMPOTENCY, keyId));
    reads.addAll(usage.reserveReads(job.requestedBy(), job.projectId()));
    Optional<JsonObject> earlier = tx.getAll(reads).get(0).map(d -> d.data());
    if (earlier.isPresent() && Instant.parse(earlier.get().get("expiresAt").getAsString()).isAfter(now)) {
      if (!earlier.get().get("requestHash").getAsString().equals(requestHash)) {
        throw ApiException.unprocessable("Idempotency-Key", "was already used for a different request; "
            + "use a new key for a new generation");
      }
      String firstJob = earlier.get().get("jobId").getAsString();
      GenerationJob first = Jobs.job(tx, firstJob).orElseThrow(() ->
          ApiException.conflict("The job of this Idempotency-Key was deleted; use a new key."));
      return new Accepted(null, first.id(), false);
    }
    if (job.contentId() != null) {
      checkRegenerated(tx, job);
    }
    Reservation each = estimate(job.kind(), job.provider(), job.model(), job.prompt(), job.systemPrompt(),
        job.options());
    UsageService.Held held = usage.reserve(tx, job.requestedBy(), job.projectId(),
        java.util.Collections.nCopies(job.itemCount(), each));
    java.util.List<GenerationItem> items = JobLedger.open(tx, job, held.items(), java.util.List.of());
    JsonObject key = new JsonObject();
    key.addProperty("requestHash", requestHash);
    key.addProperty("jobId", job.id());
    key.addProperty("uid", job.requestedBy());
    key.addProperty("projectId", job.projectId());
    key.addProperty("expiresAt", Json.format(now.plus(KEY_LIFETIME)));
    tx.set(IDEMPOTENCY, keyId, key);
    recordStarted(tx, job, actor, now);
    return new Accepted(JobView.of(job, items), job.id(), true, held.warning());
  }

  /** The activity record of a job accepted, written in the transaction that stores the job. */
  static void recordStarted(Transaction tx, GenerationJob job, dev.contentcreator.core.activity.Actor actor,
      Instant now) {
    Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("kind", job.kind().name().toLowerCase(java.util.Locale.ROOT));
    details.put("count", Integer.toString(job.itemCount()));
    details.put("provider", job.provider());
    details.put("model", job.model());
    if (job.contentId() != null) {
      details.put("contentId", job.contentId());
    }
    String prompt = job.prompt() == null ? "" : job.prompt();
    dev.contentcreator.core.activity.ActivityLog.record(tx, job.projectId(), now, actor,
        dev.contentcreator.core.activity.ActivityAction.GENERATION_STARTED,
        dev.contentcreator.core.activity.Target.of("job", job.id(), prompt.length() > 120 ? prompt.substring(0, 119) + "…"
            : prompt), details);
  }

  /** A regeneration's content item is one of the project's, of the job's kind. */
  private static void checkRegenerated(Transaction tx, GenerationJob job) {
    var content = tx.get(dev.contentcreator.core.contents.ContentService.CONTENTS, job.contentId())
        .filter(d -> job.projectId().equals(d.data().get("projectId").getAsString()))
        .orElseThrow(() -> ApiException.unprocessable("contentId", "no such content item in this project"));
    if (!content.data().get("kind").getAsString().equalsIgnoreCase(job.kind().name())) {
      throw ApiException.unprocessable("contentId", "that content item is of another kind");
    }
  }

  /**
   * Publishes the job for the fan-out. Publishing again for a replayed key is harmless: the fan-out
   * names its tasks, so a second event enqueues nothing twice; it heals a job whose first publish failed.
   */
  private void publish(GenerationJob job) {
    try {
      send(job);
    } catch (RuntimeException e) {
      throw ApiException.of(503, "queue-unavailable", "Could not queue the job",
          "The job is saved but could not be queued; send the same request with the same Idempotency-Key again.")
          .withHeaders(Map.of("Retry-After", "5"));
    }
  }

  /**
   * Publishes a cancelled job's event again so that the fan-out gives its open items their tasks.
   * The cancel has happened whatever comes of this: a failure is logged, and the job's first
   * event, if still to come, does the same.
   */
  private void republish(GenerationJob job) {
    try {
      send(job);
    } catch (RuntimeException e) {
      Log.warning("could not hand the open items of cancelled job " + job.id() + " to runners", e);
    }
  }

  /** The job's event for the fan-out, on the generation topic. */
  private void send(GenerationJob job) {
    JsonObject event = new JsonObject();
    event.addProperty("jobId", job.id());
    events.get().publish(GenerationSettings.TOPIC, event, Map.of("projectId", job.projectId()));
  }

  private String prompt(String uid, String projectId, GenerationRequest req) {
    String prompt;
    if (req.templateId().isPresent()) {
      if (req.prompt().isPresent()) {
        throw ApiException.badRequest("prompt", "give either a prompt or a templateId, not both");
      }
      Template t = templates.getLive(uid, projectId, req.templateId().get());
      if (t.kind() != req.kind()) {
        throw ApiException.unprocessable("templateId", "that template makes " + t.kind().name().toLowerCase(
            java.util.Locale.ROOT) + ", not " + req.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
      prompt = TemplateService.render(t, req.variables());
    } else {
      if (!req.variables().isEmpty()) {
        throw ApiException.badRequest("variables", "variables need a templateId");
      }
      prompt = req.prompt().orElseThrow(() -> ApiException.badRequest("prompt", "give a prompt or a templateId"));
    }
    if (prompt.isBlank() || prompt.length() > settings.maxPromptLength()) {
      throw ApiException.badRequest("prompt", "must be 1 to " + settings.maxPromptLength() + " characters long");
    }
    return prompt;
  }

  public JobView get(String uid, String projectId, String jobId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    // The job first, then its items: the last item ends in the same transaction that ends the job,
    // so a job that has ended is never shown with an item still going; the view counts the items
    // it lists, so its counts never lag them either.
    GenerationJob job = find(projectId, jobId);
    return JobView.of(job, Jobs.items(documents, jobId));
  }

  /**
   * The job without its items, with its counts as they stand (its counters while it runs): what a
   * live stream compares at each check to tell whether another process changed the job.
   */
  JobView alone(String projectId, String jobId) {
    GenerationJob job = find(projectId, jobId);
    return JobView.alone(job, JobCounters.current(documents, job));
  }

  /** The job, if it belongs to the project; 404 otherwise. */
  public GenerationJob find(String projectId, String jobId) {
    if (!Ids.isWellFormed(jobId)) {
      throw ApiException.notFound("No such job in this project.");
    }
    return documents.get(Jobs.JOBS, jobId).map(Jobs::job).filter(j -> j.projectId().equals(projectId))
        .orElseThrow(() -> ApiException.notFound("No such job in this project."));
  }

  /**
   * Cancels a job: its queued and waiting items end as cancelled and give back what they held
   * against the monthly limits; running ones finish (and settle then). Editors and owners.
   */
  public JobView cancel(String uid, String projectId, String jobId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    GenerationJob job = find(projectId, jobId);
    switch (ledger.cancelJob(jobId)) {
      case ALREADY_CANCELLED -> throw ApiException.conflict("The job has already been cancelled.");
      case ALREADY_ENDED -> throw ApiException.conflict("The job has already ended.");
      case CANCELLED -> { }
    }
    // Then items still waiting their turn (or their provider), one small transaction each, for at
    // most CANCEL_BUDGET, so that a small job's answer shows them cancelled; the rest, and any item a
    // runner took meanwhile, end by a runner's hand: a runner that picks up an item of a cancelled
    // job cancels it without calling a provider, and a poll does the same for a provider's task.
    // When any item is left, the job's event goes out again: the fan-out gives a cancelled job's
    // open items their tasks whatever its cap, for none may have one yet (the job's first event
    // may still be on its way, and a capped job enqueues later items only as earlier ones end).
    Instant until = clock.instant().plus(CANCEL_BUDGET);
    boolean left = false;
    for (GenerationItem item : Jobs.items(documents, jobId)) {
      if (item.status().terminal()) {
        continue;
      }
      if (clock.instant().isBefore(until) && JobLedger.waitingItsTurn(item)
          && ledger.cancelWaiting(item.id()).isPresent()) {
        continue;
      }
      left = true;
    }
    if (left) {
      republish(job);
    }
    return get(uid, projectId, jobId);
  }

  /** The document of an Idempotency-Key: the caller's, in one project. */
  static String idempotencyId(String uid, String projectId, String key) {
    return uid + "_" + hash(projectId + "\n" + key).substring(0, 40);
  }

  static String hash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
