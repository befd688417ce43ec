package dev.contentcreator.core.generation;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.media.MediaService;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Cache;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.Spoken;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.usage.UsageService;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one item: the task handler of {@code generate-item} and {@code poll-item}, and the end of a
 * GoAPI webhook. It only orchestrates: it reads the item, decides, asks its collaborators (the
 * result cache, moderation, the provider through the policy, media capture) and has the
 * {@link JobLedger} record each step. An item that has ended is never run again, so a redelivered
 * task makes no second provider call, and an item is claimed with a lease before its provider call,
 * so a second delivery of the same task while the first is at work backs off. Adapters say why a
 * call failed; the runner alone decides what happens next: another try by the queue, or, for a
 * permanent failure or on the last attempt, the item failed with that reason: every item ends.
 */
public final class ItemRunner {
  private final DocumentStore documents;
  private final Supplier<TaskQueue> tasks;
  private final ItemEvents news;
  private final GenerationSettings settings;
  private final Clock clock;
  private final JobLedger ledger;
  private final LeaseKeeper leases;
  private final ResultCache results;
  private final Moderation moderation;
  private final MediaCapture capture;
  private final ProviderCalls calls;

  /** The runner, calling providers with a project's own key for them where it has one. */
  public ItemRunner(DocumentStore documents, Supplier<BlobStore> blobs, Supplier<Cache> cache, Supplier<TaskQueue> tasks,
      Supplier<Providers> providers, Supplier<ProviderPolicy> policy, UsageService usage, JobEvents events,
      Supplier<SafeFetcher> fetcher, Supplier<MediaService> media, GenerationSettings settings, Clock clock,
      ProjectKeys projectKeys) {
    this(documents, blobs, cache, tasks, providers, policy, usage, events, fetcher, media, settings, clock,
        projectKeys, JobOutcomes.NONE);
  }

  /** As the other constructor, telling {@code outcomes} of every job's end and every failed item. */
  public ItemRunner(DocumentStore documents, Supplier<BlobStore> blobs, Supplier<Cache> cache, Supplier<TaskQueue> tasks,
      Supplier<Providers> providers, Supplier<ProviderPolicy> policy, UsageService usage, JobEvents events,
      Supplier<SafeFetcher> fetcher, Supplier<MediaService> media, GenerationSettings settings, Clock clock,
      ProjectKeys projectKeys, JobOutcomes outcomes) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.news = new ItemEvents(events);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ledger = new JobLedger(documents, usage, clock, outcomes);
    this.leases = new LeaseKeeper(ledger, settings.itemLease());
    LenientCache lenient = new LenientCache(cache);
    this.results = new ResultCache(lenient, blobs, settings.cacheTtl(), clock);
    this.moderation = new Moderation(providers, policy, lenient, settings.moderation());
    this.capture = new MediaCapture(fetcher, media, clock);
    this.calls = new ProviderCalls(providers, policy, news, settings, clock, projectKeys);
  }

  /**
   * The {@code generate-item} task: payload {@code {"jobId": ..., "index": n}}. Claims the item,
   * whose transaction reads it and its job in one batch, the delivery's one read of either: a job
   * deleted or cancelled, an item ended, waiting on a provider's task or held by another delivery is
   * answered by the claim.
   */
  public void generate(TaskHandler.Context context, JsonObject payload) throws Exception {
    String jobId = payload.get("jobId").getAsString();
    int index = payload.get("index").getAsInt();
    String itemId = GenerationItem.documentId(jobId, index);
    JobLedger.Claim claim = leases.whileHeld(jobId, itemId, context.attempt(), (job, item) -> run(context, job, item));
    if (claim instanceof JobLedger.Claim.Busy busy) {
      Duration left = Duration.between(clock.instant(), busy.until());
      throw new TaskHandler.RetryLaterException("item " + itemId + " is being made by another delivery of its task",
          left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
    } else if (claim instanceof JobLedger.Claim.Ended ended) {
      settleIfDue(ended.job());
    } else if (claim instanceof JobLedger.Claim.Cancelled cancelled) {
      if (cancel(cancelled.job(), itemId, "Cancelled.").isEmpty()) {
        settleIfDue(cancelled.job());
      }
    } else if (claim instanceof JobLedger.Claim.Waiting) {
      schedulePoll(itemId, Duration.ZERO);
    }
  }

  /**
   * For an item found ended: settling its job may have failed after (a busy store); this delivery,
   * the queue's retry of that failure, settles it now.
   */
  private void settleIfDue(GenerationJob job) {
    if (!job.status().terminal() || job.ended() < job.itemCount()) {
      ledger.settle(job.id());
    }
  }

  private void run(TaskHandler.Context context, GenerationJob job, GenerationItem item) throws Exception {
    try {
      Optional<ContentVersion> hit = job.fresh() ? Optional.empty() : results.find(job, item);
      if (hit.isPresent()) {
        complete(job, item, hit.get(), ItemResult.Usage.NONE, true);
      } else if (job.budgetMicros() > 0 && JobCounters.current(documents, job).costMicros() >= job.budgetMicros()) {
        cancel(job, item.id(), "Not made: this run's budget of " + String.format(Locale.ROOT, "$%.2f",
            job.budgetMicros() / 1e6) + " is used up.");
      } else {
        moderation.check(Jobs.promptOf(job, item));
        callProvider(job, item);
      }
    } catch (ProviderException e) {
      failOrRetry(item.id(), context.attempt(), e);
    } catch (RuntimeException e) {
      if (context.attempt() < settings.itemMaxAttempts()) {
        throw e;
      }
      Log.error("item " + item.id() + " failed on its last attempt", e);
      fail(item.id(), "Something went wrong on our side while making this item; it has been logged.");
    }
  }

  /** OpenAI and the demo answer in the call; an asynchronous provider's task is polled until done. */
  private void callProvider(GenerationJob job, GenerationItem item) throws ProviderException {
    ProviderCalls.Started started = calls.start(job, item);
    if (started instanceof ProviderCalls.Started.Made made) {
      finish(job, item, made.result());
    } else if (started instanceof ProviderCalls.Started.Submitted submitted) {
      ledger.waiting(item.id(), submitted.providerTaskId(), settings.asyncDeadline());
      schedulePoll(item.id(), settings.pollInterval());
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
      cancel(job, itemId, "Cancelled.");
      return;
    }
    boolean late = item.deadlineAt() != null && !clock.instant().isBefore(item.deadlineAt());
    try {
      if (onStatus(item.providerTaskId(), calls.poll(job, item))) {
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
      fail(itemId, job.provider() + " did not finish within " + Spoken.duration(settings.asyncDeadline())
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
      case COMPLETED -> finish(job, item, status.result());
      case FAILED -> fail(item.id(), status.error() == null ? job.provider() + " could not make this item." : status.error());
      default -> {
        news.percent(job.id(), item.index(), status.percent());
        return false;
      }
    }
    return true;
  }

  /**
   * Keeps what the provider made (media copied into blobs at once), ends the item, and caches the
   * result when the job's own provider made it.
   */
  private void finish(GenerationJob job, GenerationItem item, ItemResult result) throws ProviderException {
    ContentVersion body = capture.capture(job, result);
    String servedBy = MediaCapture.servedBy(job, result);
    ledger.complete(job, item.id(), body, result.usage(), false, servedBy, MediaCapture.servedModel(job, result))
        .ifPresent(ended -> ended(job, ended));
    // What a fallback made is not what the job asked of its provider: it is kept, but not reused for it.
    if (servedBy.equals(job.provider())) {
      results.store(job, item, body);
    }
  }

  private void complete(GenerationJob job, GenerationItem item, ContentVersion body, ItemResult.Usage used,
      boolean cached) {
    ledger.complete(job, item.id(), body, used, cached, null, null).ifPresent(ended -> ended(job, ended));
  }

  /**
   * What happens after a failed call: a permanent failure ends the item with the adapter's reason; a
   * passing one is tried again by the queue (after the wait the provider asked for), and on the last
   * attempt ends the item saying it gave up, and why.
   */
  private void failOrRetry(String itemId, int attempt, ProviderException e) throws Exception {
    if (!e.retryable()) {
      fail(itemId, e.userMessage());
    } else if (attempt >= settings.itemMaxAttempts()) {
      fail(itemId, "Gave up after " + attempt + " attempts: " + sentence(e.userMessage()));
    } else if (e.retryAfter() != null) {
      throw new TaskHandler.RetryLaterException(e.getMessage(), e.retryAfter());
    } else {
      throw e;
    }
  }

  /** A reason as a sentence: it ends with a full stop. */
  private static String sentence(String reason) {
    String kept = reason.strip();
    return kept.isEmpty() || kept.endsWith(".") ? kept : kept + ".";
  }

  /** Ends the item as failed with a reason a person can read, and counts it in its job. */
  public void fail(String itemId, String reason) {
    ledger.fail(itemId, reason).ifPresent(ended -> ended(null, ended));
  }

  /**
   * Ends the item of {@code job} as cancelled; a job that was not itself cancelled settles as its
   * items end. Answers the item as it ended, or empty when it had ended already (or is missing).
   */
  private Optional<GenerationItem> cancel(GenerationJob job, String itemId, String reason) {
    Optional<GenerationItem> ended = ledger.cancel(job, itemId, reason);
    ended.ifPresent(item -> ended(job, item));
    return ended;
  }

  /**
   * After an item ended: the next item of a job with a concurrency cap may start, and the live
   * stream hears how a completed or failed item ended. {@code held} is the item's job as the caller
   * read it (null: not at hand); the cap is fixed when the job is accepted, so a job held without
   * one is not read again, which spares every item of an uncapped job a read of the job's document.
   */
  private void ended(GenerationJob held, GenerationItem item) {
    if (held == null || held.maxConcurrent() > 0) {
      documents.get(Jobs.JOBS, item.jobId()).map(Jobs::job)
          .filter(j -> j.maxConcurrent() > 0 && !j.status().terminal())
          .ifPresent(j -> FanOut.enqueue(documents, tasks.get(), j, clock.instant()));
    }
    news.ended(item);
  }

  private void schedulePoll(String itemId, Duration delay) {
    tasks.get().enqueue(GenerationTasks.poll(itemId, clock.instant().plus(delay)));
  }

  private static Duration max(Duration a, Duration b) {
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
