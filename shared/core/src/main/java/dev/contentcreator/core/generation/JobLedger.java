package dev.contentcreator.core.generation;

import dev.contentcreator.core.brand.BrandChecks;
import dev.contentcreator.core.brand.Finding;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.ports.Added;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.usage.UsageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one writer of jobs and items: every change of an item's or a job's status, counts, cost or
 * lease, and every charge or give-back of an item's usage, is one transaction here. Each checks the
 * item inside its transaction, so an item that has ended is never changed again: it ends exactly
 * once, and its usage is charged (or its reservation given back) exactly once, whoever calls and
 * however often. Answers are typed: the item as it ended, or what a claim or a cancel found.
 *
 * <p>An item's end is counted in one of its job's {@link JobCounters} shards, not in the job's
 * document, and reads the job outside its transaction (what it needs of the job never changes). The
 * shard and the usage counters are added to without being read ({@code Transaction.increment}), so
 * the transaction reads the item alone (and the brand rules, and the content a version joins) and
 * items ending at once wait for no one's lock; the job's document takes its final counts once, when
 * the last item has ended ({@link #settle}).
 */
public final class JobLedger {
  private final DocumentStore documents;
  private final UsageService usage;
  private final Clock clock;
  private final JobOutcomes outcomes;

  public JobLedger(DocumentStore documents, UsageService usage, Clock clock) {
    this(documents, usage, clock, JobOutcomes.NONE);
  }

  /** A ledger that tells {@code outcomes} of every job's end and every failed item, after the write. */
  public JobLedger(DocumentStore documents, UsageService usage, Clock clock, JobOutcomes outcomes) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
  }

  /**
   * Stores a new job and its queued items inside the caller's transaction (which also writes what
   * accepted the job: an Idempotency-Key, a batch run). Item {@code i} holds {@code held.get(i)};
   * {@code prompts} is empty when every item uses the job's prompt, else one prompt per item.
   * Answers the items as stored, in their order, so that the caller can show the job without
   * reading back what it has just written.
   */
  public static List<GenerationItem> open(Transaction tx, GenerationJob job, List<Reservation> held,
      List<String> prompts) {
    return open(tx, job, held, prompts, List.of());
  }

  /**
   * The same, for items made from a batch's rows: {@code variables} is empty, or one row's
   * variables per item, kept with the item as they are now.
   */
  public static List<GenerationItem> open(Transaction tx, GenerationJob job, List<Reservation> held,
      List<String> prompts, List<List<GenerationItem.Variable>> variables) {
    if (held.size() != job.itemCount() || !(prompts.isEmpty() || prompts.size() == job.itemCount())
        || !(variables.isEmpty() || variables.size() == job.itemCount())) {
      throw new IllegalArgumentException("job " + job.id() + " has " + job.itemCount() + " items, not "
          + held.size() + " reservations, " + prompts.size() + " prompts and " + variables.size() + " rows");
    }
    Jobs.put(tx, job);
    List<GenerationItem> items = new ArrayList<>(job.itemCount());
    for (int i = 0; i < job.itemCount(); i++) {
      GenerationItem item = GenerationItem.queued(job.id(), job.projectId(), i, prompts.isEmpty() ? null
          : prompts.get(i), variables.isEmpty() ? null : variables.get(i), held.get(i), job.createdAt());
      Jobs.put(tx, item);
      items.add(item);
    }
    return items;
  }

  /** What a claim of an item found. */
  public sealed interface Claim {
    /**
     * This delivery holds the item now, as claimed ({@code item}), and may call the provider;
     * {@code job} is the item's job as the claim read (or started) it.
     */
    record Held(GenerationJob job, GenerationItem item) implements Claim {}

    /** The item has ended: there is nothing to do but settle {@code job} if that is still due. */
    record Ended(GenerationJob job) implements Claim {}

    /** The item's job was cancelled: the item is to end as cancelled, without a provider call. */
    record Cancelled(GenerationJob job) implements Claim {}

    /** Another delivery holds a live lease until {@code until}: back off until then. */
    record Busy(Instant until) implements Claim {}

    /** There is no such item or job (its project was deleted since): there is nothing to do. */
    record Missing() implements Claim {}

    /** The item waits on a provider's task: it is polled for, never asked of the provider again. */
    record Waiting() implements Claim {}
  }

  /**
   * Marks the item running and leased to {@code owner} for {@code lease}, counting {@code attempt},
   * and answers it as claimed with its job; an item that is missing, has ended, belongs to a
   * cancelled job, waits on a provider's task or is leased to another delivery is left alone and
   * answered so. An expired lease (its holder stopped) is taken over.
   *
   * <p>The transaction reads the item and its job in one batched read: the delivery's one read of
   * either before its provider call (the job was read alone before it, a round trip more per item).
   * Only the job's first item moves a queued job to running ({@link #startsJob}); the other claims
   * read the job and leave it alone, so claims starting at once do not all write one document.
   */
  public Claim claim(String jobId, String itemId, int attempt, String owner, Duration lease) {
    return documents.transaction(tx -> {
      List<Optional<Document>> read = tx.getAll(List.of(new DocumentStore.Key(Jobs.ITEMS, itemId),
          new DocumentStore.Key(Jobs.JOBS, jobId)));
      if (read.get(0).isEmpty() || read.get(1).isEmpty()) {
        return new Claim.Missing();
      }
      GenerationItem item = Jobs.item(read.get(0).get());
      GenerationJob job = Jobs.job(read.get(1).get());
      if (!item.jobId().equals(jobId)) {
        throw new IllegalArgumentException("item " + itemId + " is not of job " + jobId);
      }
      if (item.status().terminal()) {
        return new Claim.Ended(job);
      }
      if (job.status() == GenerationJob.Status.CANCELLED) {
        return new Claim.Cancelled(job);
      }
      if (item.providerTaskId() != null) {
        return new Claim.Waiting();
      }
      Instant now = clock.instant();
      if (item.leaseOwner() != null && item.leaseUntil() != null && item.leaseUntil().isAfter(now)
          && !item.leaseOwner().equals(owner)) {
        return new Claim.Busy(item.leaseUntil());
      }
      GenerationItem claimed = item.claimed(owner, attempt, now.plus(lease), now);
      Jobs.put(tx, claimed);
      GenerationJob held = job;
      if (startsJob(job, item.index())) {
        held = job.started(now);
        Jobs.put(tx, held);
      }
      return new Claim.Held(held, claimed);
    });
  }

  /**
   * Whether claiming item {@code index} should move {@code job} to running: only its first item's
   * claim does. When every claim wrote the job to start it, each held the job's document while the
   * first one wrote it, and on Firestore thirty-two items starting at once queued behind each
   * other's locks.
   */
  static boolean startsJob(GenerationJob job, int index) {
    return job.status() == GenerationJob.Status.QUEUED && index == 0;
  }

  /** Extends {@code owner}'s lease of the item by {@code lease} from now, while the item has not ended. */
  public void renew(String itemId, String owner, Duration lease) {
    changeHeld(itemId, owner, i -> i.leased(owner, clock.instant().plus(lease)));
  }

  /** Gives up {@code owner}'s lease, so the next delivery of the item's task need not wait it out. */
  public void letGo(String itemId, String owner) {
    changeHeld(itemId, owner, i -> i.leased(null, null));
  }

  private void changeHeld(String itemId, String owner, UnaryOperator<GenerationItem> change) {
    documents.transaction(tx -> {
      Jobs.item(tx, itemId).filter(i -> !i.status().terminal() && owner.equals(i.leaseOwner()))
          .ifPresent(i -> Jobs.put(tx, change.apply(i)));
      return null;
    });
  }

  /**
   * Records that the provider has the item as task {@code providerTaskId}, to finish within
   * {@code deadline}: from here polls and the webhook end the item, so the lease is let go.
   */
  public void waiting(String itemId, String providerTaskId, Duration deadline) {
    documents.transaction(tx -> {
      Optional<GenerationItem> item = Jobs.item(tx, itemId).filter(i -> !i.status().terminal());
      Instant now = clock.instant();
      item.ifPresent(i -> Jobs.put(tx, i.waiting(providerTaskId, now.plus(deadline), now)));
      return null;
    });
  }

  /**
   * Ends the item as completed: adds its content (a new content item, or a version of the job's
   * one), charges what it used in place of what it held (at the model's prices; what the cache
   * served costs nothing) and counts it, with its cost, in its job. Returns the ended item, or
   * empty when the item had already ended.
   */
  public Optional<GenerationItem> complete(String itemId, ContentVersion body, ItemResult.Usage used, boolean cached) {
    return complete(itemId, body, used, cached, null, null);
  }

  /**
   * The same, recording the provider and model that made the item (the job's, or a fallback's);
   * its usage is charged once, whichever provider served it.
   */
  public Optional<GenerationItem> complete(String itemId, ContentVersion body, ItemResult.Usage used, boolean cached,
      String provider, String model) {
    return before(itemId, i -> true).flatMap(job -> complete(job, itemId, body, used, cached, provider, model));
  }

  /**
   * The same, for a caller that holds the item's job as it read it (a runner that has just made the
   * item): what the end needs of the job never changes, so it is not read again, nor the item
   * outside the transaction (which checks it), and the item's end costs two reads fewer.
   */
  public Optional<GenerationItem> complete(GenerationJob ofItem, String itemId, ContentVersion body,
      ItemResult.Usage used, boolean cached, String provider, String model) {
    // The brand rules and the content a version joins are read with the item, in one batch.
    List<DocumentStore.Key> alsoRead = new ArrayList<>(2);
    if (ofItem.kind() == ContentKind.TEXT) {
      alsoRead.add(BrandChecks.rulesKey(ofItem.projectId(), ofItem.brandKitId()));
    }
    if (ofItem.contentId() != null) {
      alsoRead.add(new DocumentStore.Key(ContentService.CONTENTS, ofItem.contentId()));
    }
    return end(ofItem, itemId, i -> true, alsoRead, (tx, job, item) -> {
      // The brand rules are read first (every read before the first write) and checked on a text only.
      List<Finding> findings = job.kind() == ContentKind.TEXT
          ? BrandChecks.check(BrandChecks.rules(tx, job.projectId(), job.brandKitId()), body.text()) : List.of();
      ContentItem existing = job.contentId() == null ? null
          : tx.get(ContentService.CONTENTS, job.contentId()).map(ContentService::content).orElse(null);
      // Charged at the prices of the model that made it (a fallback's, when one did); the cache's
      // answers cost nothing, and the demo what the price table says (nothing unless priced).
      UsageService.Priced priced = cached ? null : new UsageService.Priced(provider != null ? provider : job.provider(),
          model != null ? model : job.model(), job.kind(), job.options());
      UsageService.Charge charge = usage.prepare(job.requestedBy(), job.projectId(), used.inputTokens(),
          used.outputTokens(), used.images(), used.videoSeconds(), priced, item.reserved(), item.index());
      Instant now = clock.instant();
      String contentId = ContentService.addGenerated(tx, existing, job.projectId(), job.id(), job.kind(),
          title(job, item), body.withFindings(findings).withKnowledge(job.knowledge()), job.demo(), job.requestedBy(), now);
      GenerationItem ended = item.completed(contentId, cached, new GenerationItem.Used(used.inputTokens(),
          used.outputTokens(), used.images(), used.videoSeconds(), charge.costMicros()), provider, model,
          findings.size(), now);
      Jobs.put(tx, ended);
      Added shard = JobCounters.write(tx, job, ended, charge.costMicros());
      charge.write(tx);
      return new Done(ended, shard);
    });
  }

  /** Ends the item as failed with a reason a person can read; what it held is given back. */
  public Optional<GenerationItem> fail(String itemId, String reason) {
    Optional<GenerationItem> failed = end(itemId, i -> true, (tx, job, item) -> release(tx, job,
        item.failed(reason, clock.instant())));
    failed.ifPresent(outcomes::itemFailed);
    return failed;
  }

  /** Ends the item as cancelled, saying why; what it held is given back. */
  public Optional<GenerationItem> cancel(String itemId, String reason) {
    return end(itemId, i -> true, (tx, job, item) -> release(tx, job, item.cancelled(reason, clock.instant())));
  }

  /** The same, for a caller that holds the item's job as it read it (a claim that found it cancelled). */
  public Optional<GenerationItem> cancel(GenerationJob ofItem, String itemId, String reason) {
    return end(ofItem, itemId, i -> true, List.of(),
        (tx, job, item) -> release(tx, job, item.cancelled(reason, clock.instant())));
  }

  /**
   * Cancels the item if it still waits its turn (queued for a runner, or waiting for a provider's
   * task); an item a runner holds ends by the runner's hand instead.
   */
  public Optional<GenerationItem> cancelWaiting(String itemId) {
    return end(itemId, JobLedger::waitingItsTurn, (tx, job, item) ->
        release(tx, job, item.cancelled("Cancelled.", clock.instant())));
  }

  /** Queued for a runner, or waiting for a provider's task (ended by the next poll otherwise). */
  static boolean waitingItsTurn(GenerationItem item) {
    return item.status() == GenerationItem.Status.QUEUED || item.status() == GenerationItem.Status.WAITING;
  }

  /** What cancelling a job found. */
  public enum JobCancel {
    /** The job is cancelled now. */
    CANCELLED,
    /** It had been cancelled before. */
    ALREADY_CANCELLED,
    /** It had already completed or failed. */
    ALREADY_ENDED
  }

  /**
   * Cancels the job alone, in a transaction of the job's document only: from then on a runner that
   * picks up one of its items cancels it instead of calling a provider. A job whose items have all
   * ended but which has not settled yet is settled instead: it has ended.
   *
   * <p>The counters are read before, outside the transaction. Read inside it, Firestore held all
   * of them against the items ending meanwhile, and on its emulator a cancel during a 1,000-item run
   * took 71 s. Once every item has ended the counts no longer change, so what this read finds ended
   * has ended ({@link #settle} reads them again in its own transaction). An item that ends between
   * the two sees a cancelled job, and the last one settles it as cancelled, with its counts.
   */
  public JobCancel cancelJob(String jobId) {
    GenerationJob seen = documents.get(Jobs.JOBS, jobId).map(Jobs::job).orElseThrow();
    if (!seen.status().terminal() && JobCounters.sum(documents, seen).ended() == seen.itemCount()) {
      settle(jobId);
    }
    return documents.transaction(tx -> {
      GenerationJob job = Jobs.job(tx, jobId).orElseThrow();
      if (job.status().terminal()) {
        return job.status() == GenerationJob.Status.CANCELLED ? JobCancel.ALREADY_CANCELLED : JobCancel.ALREADY_ENDED;
      }
      Jobs.put(tx, job.cancelled(clock.instant()));
      return JobCancel.CANCELLED;
    });
  }

  /**
   * The writes that end one item, given the job (read before the transaction) and the item as this
   * transaction read it; answers the item as it ended and the increment of its counter shard.
   */
  @FunctionalInterface
  private interface Ending {
    Done apply(Transaction tx, GenerationJob job, GenerationItem item);
  }

  /** An item as it ended, and what its end added to its job's counter shard. */
  private record Done(GenerationItem item, Added shard) {}

  private Optional<GenerationItem> end(String itemId, Predicate<GenerationItem> may, Ending ending) {
    return before(itemId, may).flatMap(job -> end(job, itemId, may, List.of(), ending));
  }

  /**
   * The job of an item that has not ended and {@code may} end, read outside any transaction; empty
   * when there is nothing to end, so that no transaction is opened for it.
   */
  private Optional<GenerationJob> before(String itemId, Predicate<GenerationItem> may) {
    Optional<GenerationItem> before = documents.get(Jobs.ITEMS, itemId).map(Jobs::item);
    if (before.isEmpty() || before.get().status().terminal() || !may.test(before.get())) {
      return Optional.empty();
    }
    return Optional.of(documents.get(Jobs.JOBS, before.get().jobId()).map(Jobs::job).orElseThrow());
  }

  /**
   * Ends the item in one transaction, which reads it with {@code alsoRead} (the documents the
   * ending reads, which it then finds without another round trip) in one batch.
   */
  private Optional<GenerationItem> end(GenerationJob job, String itemId, Predicate<GenerationItem> may,
      List<DocumentStore.Key> alsoRead, Ending ending) {
    List<DocumentStore.Key> reads = new ArrayList<>(1 + alsoRead.size());
    reads.add(new DocumentStore.Key(Jobs.ITEMS, itemId));
    reads.addAll(alsoRead);
    Done done = documents.transaction(tx -> {
      GenerationItem item = tx.getAll(reads).get(0).map(Jobs::item).orElseThrow();
      if (!item.jobId().equals(job.id())) {
        throw new IllegalArgumentException("item " + itemId + " is not of job " + job.id());
      }
      if (item.status().terminal() || !may.test(item)) {
        return null;
      }
      return ending.apply(tx, job, item);
    });
    if (done == null) {
      return Optional.empty();
    }
    // The shard was added to, not read, in the transaction. What the commit left in it counts this
    // item and every one committed before: the last of its items to end finds it full. Only an item
    // that finds its shard full can be the job's last, so the others need not add all shards up.
    // Firestore answers the commit with those counts (SQLite's one writer knows them), so knowing
    // them costs no read.
    GenerationItem ended = done.item();
    if (JobCounters.counts(done.shard().totals()).ended() >= JobCounters.itemsOfShard(job, ended)) {
      settle(job.id());
    }
    return Optional.of(ended);
  }

  /** Writes an item that ended without content: gives back what it held and counts it in its job. */
  private Done release(Transaction tx, GenerationJob job, GenerationItem ended) {
    UsageService.Charge release = usage.prepareRelease(job.requestedBy(), job.projectId(), ended.reserved());
    release.write(tx);
    Jobs.put(tx, ended);
    return new Done(ended, JobCounters.write(tx, job, ended, 0));
  }

  /**
   * Gives the job its final counts, cost and status once every item has ended; until then (the
   * shards count fewer ended items than the job has) it writes nothing.
   *
   * <p>The shards are read outside the transaction, which holds the job's document alone: once
   * they count every item they no longer change (each item ends once), so those counts are final.
   * Read inside it, they were held against the items still committing to them. Several items
   * ending last may each come here; in one process they take turns per job ({@link #SETTLING}), and
   * the later ones find the job settled before they open a transaction. Two transactions reading
   * and writing the job at once would otherwise each hold what the other needs (on Firestore one
   * is aborted and run again; on its emulator both wait for its lock timeout).
   */
  void settle(String jobId) {
    synchronized (SETTLING[Math.floorMod(jobId.hashCode(), SETTLING.length)]) {
      GenerationJob seen = documents.get(Jobs.JOBS, jobId).map(Jobs::job).orElseThrow();
      if (seen.status().terminal() && seen.ended() == seen.itemCount()) {
        return;
      }
      JobCounters.Counts counts = JobCounters.sum(documents, seen);
      if (counts.ended() < seen.itemCount()) {
        return;
      }
      GenerationJob ended = documents.transaction(tx -> {
        GenerationJob job = Jobs.job(tx, jobId).orElseThrow();
        if (job.status().terminal() && job.ended() == job.itemCount()) {
          return null;
        }
        GenerationJob done = job.settled(counts.completed(), counts.failed(), counts.cancelled(), counts.costMicros(),
            clock.instant());
        Jobs.put(tx, done);
        return done;
      });
      if (ended != null) {
        outcomes.jobEnded(ended);
      }
    }
  }

  /** Locks that make a process's settles of one job take turns: a job's is {@code hash(id) mod} their number. */
  private static final Object[] SETTLING = new Object[64];

  static {
    for (int i = 0; i < SETTLING.length; i++) {
      SETTLING[i] = new Object();
    }
  }

  /** The new content item's title: the prompt on one line, cut at 60, numbered within a job of several. */
  private static String title(GenerationJob job, GenerationItem item) {
    String flat = Jobs.promptOf(job, item).replaceAll("\\s+", " ").strip();
    String base = flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    return job.itemCount() > 1 ? base + " (" + (item.index() + 1) + ")" : base;
  }
}
