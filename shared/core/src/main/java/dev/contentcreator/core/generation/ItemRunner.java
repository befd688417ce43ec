package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.media.MediaService;
import dev.contentcreator.core.net.FetchException;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Cache;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.usage.UsageService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs one item: the task handler of {@code generate-item} and {@code poll-item}, and the end of a
 * GoAPI webhook. An item that has ended is never run again, so a redelivered task makes no second
 * provider call, and an item is claimed with a lease before its provider call, so a second delivery
 * of the same task while the first is at work backs off; the transaction that ends an item also
 * charges its usage (giving back what its job reserved for it) and counts it in its job, so usage
 * is charged exactly once. Retryable failures are thrown for the queue to retry until the
 * last attempt, which fails the item with a reason a person can read: every item ends.
 */
public final class ItemRunner {
  private static final Pattern RETRY_PROMISE = Pattern.compile(
      "[;,]\\s*(?:(?:it|the request) will be tried again|we will retry)[^.;]*", Pattern.CASE_INSENSITIVE);

  private final DocumentStore documents;
  private final Supplier<BlobStore> blobs;
  private final Supplier<Cache> cache;
  private final Supplier<TaskQueue> tasks;
  private final Supplier<Providers> providers;
  private final Supplier<ProviderPolicy> policy;
  private final UsageService usage;
  private final JobEvents events;
  private final Supplier<SafeFetcher> fetcher;
  private final Supplier<MediaService> media;
  private final GenerationSettings settings;
  private final Clock clock;

  public ItemRunner(DocumentStore documents, Supplier<BlobStore> blobs, Supplier<Cache> cache, Supplier<TaskQueue> tasks,
      Supplier<Providers> providers, Supplier<ProviderPolicy> policy, UsageService usage, JobEvents events,
      Supplier<SafeFetcher> fetcher, Supplier<MediaService> media, GenerationSettings settings, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.providers = Objects.requireNonNull(providers, "providers");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.events = Objects.requireNonNull(events, "events");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.media = Objects.requireNonNull(media, "media");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The name of an item's generate task: the same for every delivery of the same job's event. */
  public static String generateTaskName(String jobId, int index) {
    return "gen-" + GenerationService.hash(jobId + ":" + index).substring(0, 40);
  }

  static String pollTaskName(String itemId) {
    return "poll-" + GenerationService.hash(itemId).substring(0, 40);
  }

  /** The {@code generate-item} task: payload {@code {"jobId": ..., "index": n}}. */
  public void generate(TaskHandler.Context context, JsonObject payload) throws Exception {
    String jobId = payload.get("jobId").getAsString();
    int index = payload.get("index").getAsInt();
    String itemId = GenerationItem.documentId(jobId, index);
    Optional<GenerationItem> found = documents.get(Jobs.ITEMS, itemId).map(Jobs::item);
    Optional<GenerationJob> jobFound = documents.get(Jobs.JOBS, jobId).map(Jobs::job);
    if (found.isEmpty() || jobFound.isEmpty() || found.get().status().terminal()) {
      return;
    }
    GenerationJob job = jobFound.get();
    GenerationItem item = found.get();
    if (job.status() == GenerationJob.Status.CANCELLED) {
      cancel(itemId);
      return;
    }
    if (item.providerTaskId() != null) {
      schedulePoll(item, Duration.ZERO);
      return;
    }
    // Claim the item before any paid call: a second delivery of this task (queues deliver at least
    // once) finds the lease live and backs off instead of calling the provider again.
    String owner = java.util.UUID.randomUUID().toString();
    Instant heldUntil = claim(itemId, job, context.attempt(), owner);
    if (heldUntil == ENDED) {
      return;
    }
    if (heldUntil != null) {
      Duration left = Duration.between(clock.instant(), heldUntil);
      throw new TaskHandler.RetryLaterException("item " + itemId + " is being made by another delivery of its task",
          left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
    }
    java.util.concurrent.ScheduledFuture<?> heartbeat = keepLease(itemId, owner);
    try {
      run(context, job, item, owner);
    } catch (Exception | Error e) {
      heartbeat.cancel(false);
      letGo(itemId, owner);
      throw e;
    } finally {
      heartbeat.cancel(false);
    }
  }

  private void run(TaskHandler.Context context, GenerationJob job, GenerationItem item, String owner) throws Exception {
    String itemId = item.id();
    try {
      if (!job.fresh() && fromCache(job, item)) {
        return;
      }
      if (job.budgetMicros() > 0 && job.costMicros() >= job.budgetMicros()) {
        cancel(itemId, "Not made: this run's budget of " + String.format(java.util.Locale.ROOT, "$%.2f",
            job.budgetMicros() / 1e6) + " is used up.");
        return;
      }
      moderate(Jobs.promptOf(job, item));
      Providers.Choice choice = new Providers.Choice(job.provider(), job.model(), false, job.demo());
      Optional<SyncProvider> sync = providers.get().sync(choice.provider());
      if (sync.isPresent()) {
        ItemRequest request = request(job, item);
        ItemResult result = policy.get().call(job.provider(), () -> {
          // Each try streams the text from its start: what an earlier, failed try streamed is void.
          events.publish(job.id(), JobEvents.reset(item.index()));
          return sync.get().generate(request, progress(job, item));
        });
        finish(job, item, result, false);
        return;
      }
      AsyncProvider async = providers.get().async(choice.provider()).orElseThrow(() -> new ProviderException(
          ProviderException.Kind.PERMANENT, job.provider(), "provider not configured",
          job.provider() + " is not configured on this server any more.", 0, null, null));
      // A signed, dated address per item: the webhook refuses calls to an address not issued here or too old.
      String webhook = settings.publicBaseUrl() == null || settings.webhookSecret() == null ? null
          : dev.contentcreator.core.webhooks.CallbackUrls.forItem(settings.publicBaseUrl(), job.provider(), itemId,
              settings.webhookSecret(), clock.instant());
      ItemRequest request = request(job, item);
      String taskId = policy.get().call(job.provider(), () -> async.submit(request, webhook,
          webhook == null ? null : settings.webhookSecret()));
      waiting(itemId, taskId);
      schedulePoll(item, settings.pollInterval());
    } catch (ProviderException e) {
      failOrRetry(itemId, context.attempt(), e);
    } catch (RuntimeException e) {
      if (context.attempt() >= settings.itemMaxAttempts()) {
        System.err.println("item " + itemId + " failed on its last attempt: " + e);
        fail(itemId, "Something went wrong on our side while making this item; it has been logged.");
        return;
      }
      throw e;
    }
  }

  /** The {@code poll-item} task: payload {@code {"itemId": ...}}; asks the provider until the deadline. */
  public void poll(TaskHandler.Context context, JsonObject payload) throws Exception {
    String itemId = payload.get("itemId").getAsString();
    Optional<GenerationItem> found = documents.get(Jobs.ITEMS, itemId).map(Jobs::item);
    if (found.isEmpty() || found.get().status().terminal() || found.get().providerTaskId() == null) {
      return;
    }
    GenerationItem item = found.get();
    GenerationJob job = documents.get(Jobs.JOBS, item.jobId()).map(Jobs::job).orElseThrow();
    if (job.status() == GenerationJob.Status.CANCELLED) {
      cancel(itemId);
      return;
    }
    Instant now = clock.instant();
    boolean late = item.deadlineAt() != null && !now.isBefore(item.deadlineAt());
    try {
      AsyncProvider async = providers.get().async(job.provider()).orElseThrow();
      TaskStatus status = policy.get().call(job.provider(), () -> async.poll(item.providerTaskId()));
      if (onStatus(item.providerTaskId(), status)) {
        return;
      }
    } catch (ProviderException e) {
      if (!e.retryable()) {
        fail(itemId, e.userMessage());
        return;
      }
      if (!late) {
        throw new TaskHandler.RetryLaterException(e.getMessage(), max(settings.pollInterval(), e.retryAfter()));
      }
    }
    if (late) {
      fail(itemId, job.provider() + " did not finish within " + spoken(settings.asyncDeadline())
          + ", so the item timed out.");
      return;
    }
    throw new TaskHandler.RetryLaterException("still running at the provider", settings.pollInterval());
  }

  /**
   * Applies a provider task's status, from a poll or a webhook. Returns whether the item ended.
   * A status for an unknown task, or for an item that already ended, changes nothing.
   */
  public boolean onStatus(String providerTaskId, TaskStatus status) throws ProviderException {
    Optional<GenerationItem> found = documents.query(Query.on(Jobs.ITEMS).whereEqualTo("providerTaskId", providerTaskId)
        .limit(1).build()).items().stream().findFirst().map(Jobs::item);
    if (found.isEmpty() || found.get().status().terminal()) {
      return found.isPresent();
    }
    GenerationItem item = found.get();
    GenerationJob job = documents.get(Jobs.JOBS, item.jobId()).map(Jobs::job).orElseThrow();
    switch (status.state()) {
      case COMPLETED -> {
        finish(job, item, status.result(), false);
        return true;
      }
      case FAILED -> {
        fail(item.id(), status.error() == null ? job.provider() + " could not make this item." : status.error());
        return true;
      }
      default -> {
        events.publish(job.id(), new JobEvent.Progress(item.index(), status.percent()));
        return false;
      }
    }
  }

  private ItemRequest request(GenerationJob job, GenerationItem item) {
    java.util.Map<String, String> options = new java.util.HashMap<>(job.options());
    if (job.kind() == ContentKind.TEXT) {
      // The reservation counted on this cap: the provider is held to it.
      options.putIfAbsent("maxTokens", Integer.toString(settings.maxOutputTokens()));
    }
    return new ItemRequest(item.id(), job.kind(), job.model(), Jobs.promptOf(job, item), job.systemPrompt(), options,
        job.requestedBy());
  }

  private Progress progress(GenerationJob job, GenerationItem item) {
    return new Progress() {
      @Override
      public void textDelta(String delta) {
        events.publish(job.id(), JobEvents.delta(item.index(), delta));
      }

      @Override
      public void percent(int percent) {
        events.publish(job.id(), new JobEvent.Progress(item.index(), percent));
      }
    };
  }

  private void moderate(String prompt) throws ProviderException {
    if (!settings.moderation()) {
      return;
    }
    Optional<Moderator> moderator = providers.get().moderator();
    if (moderator.isEmpty()) {
      return;
    }
    String key = "mod:" + GenerationService.hash(prompt);
    Optional<byte[]> known = safeGet(key);
    String verdict;
    if (known.isPresent()) {
      verdict = new String(known.get(), StandardCharsets.UTF_8);
    } else {
      Moderator.Verdict v = policy.get().call("openai", () -> moderator.get().check(prompt));
      verdict = v.flagged() ? "flagged:" + String.join(", ", v.categories()) : "ok";
      safePut(key, verdict.getBytes(StandardCharsets.UTF_8), Duration.ofDays(1));
    }
    if (verdict.startsWith("flagged:")) {
      throw new ProviderException(ProviderException.Kind.REFUSED, "moderation", "prompt flagged",
          "The prompt was refused by moderation (" + verdict.substring(8) + "). Rephrase it and try again.", 0, null, null);
    }
  }

  /**
   * The cache key of an item: the project's own, so one project is never served what another made
   * (a tenant who guesses another's prompt would otherwise receive its output).
   */
  static String cacheKey(GenerationJob job, GenerationItem item) {
    return "gen:" + job.projectId() + ":" + GenerationService.hash(Json.GSON.toJson(java.util.List.of(job.kind().name(), job.provider(),
        job.model(), Jobs.promptOf(job, item), job.systemPrompt() == null ? "" : job.systemPrompt(),
        new java.util.TreeMap<>(job.options())))) + ":" + item.index();
  }

  /**
   * Serves the item from the cache: the text, or the stored media itself (media is stored once per
   * content hash, so the new content item shares the file). A miss, or media that is gone, is no hit.
   */
  private boolean fromCache(GenerationJob job, GenerationItem item) throws ProviderException {
    Optional<byte[]> hit = safeGet(cacheKey(job, item));
    if (hit.isEmpty()) {
      return false;
    }
    ContentVersion cached;
    try {
      cached = Json.fromTree(JsonParser.parseString(new String(hit.get(), StandardCharsets.UTF_8)), ContentVersion.class);
      // Defence in depth beside the key: a hit must be this project's, media and all.
      if (!job.projectId().equals(cached.projectId())
          || (cached.blobKey() != null && !cached.blobKey().startsWith("projects/" + job.projectId() + "/"))) {
        return false;
      }
      if (cached.blobKey() != null && blobs.get().stat(cached.blobKey()).isEmpty()) {
        return false;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    ContentVersion body = new ContentVersion("", job.projectId(), 0, cached.text(), cached.blobKey(),
        cached.contentType(), cached.width(), cached.height(), cached.durationSeconds(), "generated", job.id(),
        cached.provider(), cached.model(), job.requestedBy(), clock.instant(), cached.media());
    complete(job, item, body, ItemResult.Usage.NONE, true);
    return true;
  }

  /** Stores what the provider made (copying media from its address at once) and ends the item. */
  private void finish(GenerationJob job, GenerationItem item, ItemResult result, boolean cached) throws ProviderException {
    ContentVersion body;
    if (job.kind() == ContentKind.TEXT) {
      String text = result.text() == null ? "" : result.text();
      body = version(job, text, null, "text/markdown", null, null, null);
    } else {
      if (result.media().isEmpty()) {
        throw new ProviderException(ProviderException.Kind.TRANSIENT, job.provider(), "no media in the result",
            job.provider() + " answered without media.", 0, null, null);
      }
      ItemResult.Media m = result.media().get(0);
      byte[] bytes = m.bytes();
      if (bytes == null) {
        try {
          bytes = fetcher.get().fetch(m.url()).bytes();
        } catch (FetchException e) {
          throw e.toProviderException(job.provider());
        }
      }
      try {
        body = media.get().store(job.projectId(), bytes, "generated", job.id(), job.provider(), job.model(),
            job.requestedBy()).body();
      } catch (ApiException e) {
        throw new ProviderException(ProviderException.Kind.PERMANENT, job.provider(), "unusable media: " + e.detail(),
            job.provider() + " made a file we cannot use: " + e.detail(), 0, null, null);
      }
      if (body.durationSeconds() == null && m.durationSeconds() != null) {
        body = new ContentVersion(body.contentId(), body.projectId(), 0, null, body.blobKey(), body.contentType(),
            body.width(), body.height(), m.durationSeconds(), body.source(), body.jobId(), body.provider(),
            body.model(), body.createdBy(), body.createdAt(), body.media());
      }
    }
    complete(job, item, body, result.usage(), cached);
    safePut(cacheKey(job, item), Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8), settings.cacheTtl());
  }

  private ContentVersion version(GenerationJob job, String text, String blobKey, String type, Integer w, Integer h,
      Double seconds) {
    return new ContentVersion("", job.projectId(), 0, text, blobKey, type, w, h, seconds, "generated", job.id(),
        job.provider(), job.model(), job.requestedBy(), clock.instant(), null);
  }

  /** Ends the item as completed, adds its content and charges its usage: all in one transaction, once. */
  private void complete(GenerationJob jobAtStart, GenerationItem itemAtStart, ContentVersion body, ItemResult.Usage used,
      boolean cached) {
    String title = title(jobAtStart, itemAtStart);
    String[] contentId = new String[1];
    boolean done = documents.transaction(tx -> {
      GenerationItem item = Jobs.item(tx, itemAtStart.id()).orElseThrow();
      if (item.status().terminal()) {
        return false;
      }
      GenerationJob job = Jobs.job(tx, item.jobId()).orElseThrow();
      ContentItem existing = job.contentId() == null ? null
          : tx.get(ContentService.CONTENTS, job.contentId()).map(ContentService::content).orElse(null);
      // The item's reservation becomes what it really used (more or less than the estimate).
      UsageService.Charge charge = usage.prepare(tx, job.requestedBy(), job.projectId(), used.inputTokens(),
          used.outputTokens(), used.images(), used.videoSeconds(), job.demo() || cached, item.reserved());
      Instant now = clock.instant();
      contentId[0] = ContentService.addGenerated(tx, existing, job.projectId(), job.id(), job.kind(), title, body,
          job.demo(), job.requestedBy(), now);
      Jobs.put(tx, Jobs.with(item, GenerationItem.Status.COMPLETED, item.attempts(), item.providerTaskId(), contentId[0],
          null, cached, true, used.inputTokens(), used.outputTokens(), used.images(), used.videoSeconds(),
          charge.costMicros(), item.deadlineAt(), now));
      int completed = job.completed() + 1;
      Jobs.put(tx, Jobs.plusCost(Jobs.withCounts(job, Jobs.settle(job, completed, job.failed(), job.cancelled()),
          completed, job.failed(), job.cancelled(), now), charge.costMicros()));
      charge.write(tx);
      return true;
    });
    if (done) {
      afterEnd(jobAtStart.id());
      events.publish(jobAtStart.id(), new JobEvent.ItemCompleted(itemAtStart.index(), contentId[0], cached));
    }
  }

  private static String title(GenerationJob job, GenerationItem item) {
    String flat = Jobs.promptOf(job, item).replaceAll("\\s+", " ").strip();
    String base = flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    return job.itemCount() > 1 ? base + " (" + (item.index() + 1) + ")" : base;
  }

  private void failOrRetry(String itemId, int attempt, ProviderException e) throws Exception {
    if (!e.retryable()) {
      fail(itemId, e.userMessage());
      return;
    }
    if (attempt >= settings.itemMaxAttempts()) {
      fail(itemId, "Gave up after " + attempt + " attempts: " + withoutRetryPromise(e.userMessage()));
      return;
    }
    if (e.retryAfter() != null) {
      throw new TaskHandler.RetryLaterException(e.getMessage(), e.retryAfter());
    }
    throw e;
  }

  /** A deadline as a person reads it: whole minutes when it is that, else seconds (never "0 minutes"). */
  static String spoken(Duration d) {
    if (d.toMinutes() >= 1 && d.toSecondsPart() == 0 && d.toNanosPart() == 0) {
      long minutes = d.toMinutes();
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    return seconds + (seconds == 1 ? " second" : " seconds");
  }

  /**
   * A retryable failure's message ends by promising a retry ("...; it will be tried again."); once
   * the item gives up, that promise is false, so it is taken out of the reason shown.
   */
  static String withoutRetryPromise(String message) {
    String kept = RETRY_PROMISE.matcher(message).replaceAll("").strip();
    return kept.isEmpty() || kept.endsWith(".") ? kept : kept + ".";
  }

  /** Ends the item as failed with a reason a person can read, and counts it in its job. */
  public void fail(String itemId, String reason) {
    Object[] info = new Object[2];
    documents.transaction(tx -> {
      GenerationItem item = Jobs.item(tx, itemId).orElseThrow();
      if (item.status().terminal()) {
        return null;
      }
      GenerationJob job = Jobs.job(tx, item.jobId()).orElseThrow();
      usage.prepareRelease(tx, job.requestedBy(), job.projectId(), item.reserved()).write(tx);
      Instant now = clock.instant();
      Jobs.put(tx, Jobs.with(item, GenerationItem.Status.FAILED, item.attempts(), item.providerTaskId(), null, reason,
          false, item.charged(), 0, 0, 0, 0, 0, item.deadlineAt(), now));
      int failed = job.failed() + 1;
      Jobs.put(tx, Jobs.withCounts(job, Jobs.settle(job, job.completed(), failed, job.cancelled()), job.completed(),
          failed, job.cancelled(), now));
      info[0] = job.id();
      info[1] = item.index();
      return null;
    });
    if (info[0] != null) {
      afterEnd((String) info[0]);
      events.publish((String) info[0], new JobEvent.ItemFailed((Integer) info[1], reason));
    }
  }

  private void cancel(String itemId) {
    cancel(itemId, "Cancelled.");
  }

  /** Ends the item as cancelled; a job that was not itself cancelled settles as its items end. */
  private void cancel(String itemId, String reason) {
    String jobId = documents.transaction(tx -> {
      GenerationItem item = Jobs.item(tx, itemId).orElseThrow();
      if (item.status().terminal()) {
        return null;
      }
      GenerationJob job = Jobs.job(tx, item.jobId()).orElseThrow();
      usage.prepareRelease(tx, job.requestedBy(), job.projectId(), item.reserved()).write(tx);
      Instant now = clock.instant();
      Jobs.put(tx, Jobs.with(item, GenerationItem.Status.CANCELLED, item.attempts(), item.providerTaskId(), null,
          reason, false, item.charged(), 0, 0, 0, 0, 0, item.deadlineAt(), now));
      int cancelled = job.cancelled() + 1;
      Jobs.put(tx, Jobs.withCounts(job, Jobs.settle(job, job.completed(), job.failed(), cancelled), job.completed(),
          job.failed(), cancelled, now));
      return job.id();
    });
    afterEnd(jobId);
  }

  /** Once an item of a job with a concurrency cap ends, the next one may start. */
  private void afterEnd(String jobId) {
    if (jobId == null) {
      return;
    }
    documents.get(Jobs.JOBS, jobId).map(Jobs::job)
        .filter(j -> j.maxConcurrent() > 0 && !j.status().terminal())
        .ifPresent(j -> FanOut.enqueue(documents, tasks.get(), j, clock.instant()));
  }

  /** What {@link #claim} answers when the item has ended: nothing to do. */
  private static final Instant ENDED = Instant.MIN;

  /**
   * Marks the item running and leased to {@code owner} for the lease time, in one transaction.
   * Returns null when this delivery holds it now; {@link #ENDED} when the item has ended; or the
   * end of another delivery's live lease, for this one to back off until. An expired lease (its
   * holder stopped) is taken over.
   */
  private Instant claim(String itemId, GenerationJob jobAtStart, int attempt, String owner) {
    // A job leaves QUEUED once and never returns to it, so only the first items need the job in
    // their transaction; the others leave it to the completions and the cancel, which on Firestore
    // would otherwise wait behind every item's read of the one job document.
    boolean mayStartJob = jobAtStart.status() == GenerationJob.Status.QUEUED;
    return documents.transaction(tx -> {
      GenerationItem item = Jobs.item(tx, itemId).orElseThrow();
      GenerationJob job = mayStartJob ? Jobs.job(tx, item.jobId()).orElseThrow() : null;
      if (item.status().terminal()) {
        return ENDED;
      }
      Instant now = clock.instant();
      if (item.leaseOwner() != null && item.leaseUntil() != null && item.leaseUntil().isAfter(now)
          && !item.leaseOwner().equals(owner)) {
        return item.leaseUntil();
      }
      Jobs.put(tx, Jobs.withLease(Jobs.with(item, GenerationItem.Status.RUNNING, Math.max(item.attempts(), attempt),
          item.providerTaskId(), null, null, false, item.charged(), 0, 0, 0, 0, 0, item.deadlineAt(), now), owner,
          now.plus(settings.itemLease())));
      if (job != null && job.status() == GenerationJob.Status.QUEUED) {
        Jobs.put(tx, Jobs.withCounts(job, GenerationJob.Status.RUNNING, job.completed(), job.failed(), job.cancelled(),
            now));
      }
      return null;
    });
  }

  /** Renews the item's lease every third of its time while this delivery works on it. */
  private java.util.concurrent.ScheduledFuture<?> keepLease(String itemId, String owner) {
    long every = Math.max(1, settings.itemLease().toMillis() / 3);
    return Heartbeats.TIMER.scheduleWithFixedDelay(() -> {
      try {
        documents.transaction(tx -> {
          Optional<GenerationItem> item = Jobs.item(tx, itemId)
              .filter(i -> !i.status().terminal() && owner.equals(i.leaseOwner()));
          item.ifPresent(i -> Jobs.put(tx, Jobs.withLease(i, owner, clock.instant().plus(settings.itemLease()))));
          return null;
        });
      } catch (RuntimeException e) {
        System.err.println("could not renew the lease of item " + itemId + ": " + e);
      }
    }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Gives up the lease (the task will run again), so the next delivery need not wait it out. */
  private void letGo(String itemId, String owner) {
    try {
      documents.transaction(tx -> {
        Jobs.item(tx, itemId).filter(i -> !i.status().terminal() && owner.equals(i.leaseOwner()))
            .ifPresent(i -> Jobs.put(tx, Jobs.withLease(i, null, null)));
        return null;
      });
    } catch (RuntimeException e) {
      System.err.println("could not let go of item " + itemId + "; its lease runs out by itself: " + e);
    }
  }

  /** One daemon thread renews the leases of every item this process is making. */
  private static final class Heartbeats {
    static final java.util.concurrent.ScheduledExecutorService TIMER =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "item-leases");
          t.setDaemon(true);
          return t;
        });
  }

  private void waiting(String itemId, String providerTaskId) {
    documents.transaction(tx -> {
      GenerationItem item = Jobs.item(tx, itemId).orElseThrow();
      if (item.status().terminal()) {
        return null;
      }
      Instant now = clock.instant();
      // The provider has the task: from here polls and the webhook end the item, and any delivery of
      // the generate task only schedules a poll, so the lease is let go.
      Jobs.put(tx, Jobs.withLease(Jobs.with(item, GenerationItem.Status.WAITING, item.attempts(), providerTaskId, null,
          null, false, item.charged(), 0, 0, 0, 0, 0, now.plus(settings.asyncDeadline()), now), null, null));
      return null;
    });
  }

  private void schedulePoll(GenerationItem item, Duration delay) {
    JsonObject payload = new JsonObject();
    payload.addProperty("itemId", item.id());
    tasks.get().enqueue(new TaskQueue.Task(GenerationSettings.POLL_QUEUE, pollTaskName(item.id()),
        GenerationSettings.POLL_HANDLER, payload, clock.instant().plus(delay)));
  }

  private Optional<byte[]> safeGet(String key) {
    try {
      return cache.get().get(key);
    } catch (RuntimeException e) {
      System.err.println("cache unavailable, going to the provider: " + e);
      return Optional.empty();
    }
  }

  private void safePut(String key, byte[] value, Duration ttl) {
    try {
      cache.get().put(key, value, ttl);
    } catch (RuntimeException e) {
      System.err.println("cache unavailable, result not cached: " + e);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
