package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.usage.Limits;
import dev.contentcreator.core.usage.Usage;
import dev.contentcreator.core.usage.UsageService;
import dev.contentcreator.core.usage.UsageView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobLedgerTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final String JOB = "job1";

  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final MapDocumentStore documents = new MapDocumentStore();
  private final UsageService usage = new UsageService(documents, new Limits(100_000, 15, 30, 0.15, 0.6, 40_000,
      100_000), Clock.fixed(now, ZoneOffset.UTC));

  /** The ledger as of {@link #now}; a test moves time on by changing it. */
  private JobLedger ledger() {
    return new JobLedger(documents, usage, Clock.fixed(now, ZoneOffset.UTC));
  }

  /** Stores a queued job of {@code items} text items, each holding its reservation. */
  private GenerationJob open(int items) {
    GenerationJob job = GenerationJob.builder().id(JOB).project("p1", "u1")
        .maker(ContentKind.TEXT, "openai", "gpt", false).itemCount(items)
        .request("Write a haiku\nabout   snow", "", Map.of()).times(now, now).build();
    documents.transaction(tx -> {
      List<Reservation> held = usage.reserve(tx, "u1", "p1", Collections.nCopies(items,
          new Reservation(null, 1_000, 0, 0))).items();
      JobLedger.open(tx, job, held, List.of());
      return null;
    });
    return job;
  }

  private GenerationItem item(int index) {
    return documents.get(Jobs.ITEMS, GenerationItem.documentId(JOB, index)).map(Jobs::item).orElseThrow();
  }

  private GenerationJob job() {
    return documents.get(Jobs.JOBS, JOB).map(Jobs::job).orElseThrow();
  }

  /** The job's counts as they stand: its counter documents while it runs. */
  private JobCounters.Counts counts() {
    return JobCounters.current(documents, job());
  }

  private UsageView user() {
    return usage.ofUser("u1");
  }

  private static String id(int index) {
    return GenerationItem.documentId(JOB, index);
  }

  private ContentVersion text(String text) {
    return new ContentVersion("", "p1", 0, text, null, "text/markdown", null, null, null, "generated", JOB, "openai",
        "gpt", "u1", now, null);
  }

  @Test
  void openStoresTheJobAndOneQueuedItemAnItemEachHoldingItsReservation() {
    open(2);
    assertEquals(GenerationJob.Status.QUEUED, job().status());
    for (int i = 0; i < 2; i++) {
      GenerationItem item = item(i);
      assertEquals(GenerationItem.Status.QUEUED, item.status());
      assertEquals(1_000, item.reserved().tokens());
      assertEquals(usage.period(), item.reserved().period());
      assertNull(item.prompt(), "the job's prompt");
    }
    assertEquals(2_000, user().reservedTokens());
  }

  @Test
  void openRefusesReservationsThatDoNotMatchTheItems() {
    GenerationJob job = GenerationJob.builder().id(JOB).project("p1", "u1").maker(ContentKind.TEXT, "openai", "gpt",
        false).itemCount(2).request("p", "", Map.of()).times(now, now).build();
    assertThrows(IllegalArgumentException.class, () -> documents.transaction(tx -> {
      JobLedger.open(tx, job, List.of(Reservation.NONE), List.of());
      return null;
    }));
    assertTrue(documents.get(Jobs.JOBS, JOB).isEmpty(), "nothing stored");
  }

  @Test
  void theFirstClaimHoldsTheItemAndStartsTheJob() {
    open(2);
    JobLedger.Claim claim = ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    GenerationItem item = item(0);
    assertEquals(new JobLedger.Claim.Held(job(), item), claim, "the claim answers the item and job as it stored them");
    assertEquals(GenerationItem.Status.RUNNING, item.status());
    assertEquals(1, item.attempts());
    assertEquals("owner-a", item.leaseOwner());
    assertEquals(now.plus(LEASE), item.leaseUntil());
    assertEquals(GenerationJob.Status.RUNNING, job().status());
  }

  @Test
  void aClaimOfAnItemOfACancelledJobFindsItCancelledAndChangesNothing() {
    open(2);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    assertEquals(JobLedger.JobCancel.CANCELLED, ledger().cancelJob(JOB));
    GenerationItem queued = item(1);
    int before = documents.transactions;

    assertEquals(new JobLedger.Claim.Cancelled(job()), ledger().claim(JOB, id(1), 1, "owner-b", LEASE));
    assertEquals(queued, item(1), "left for the runner to end as cancelled");
    assertEquals(before + 1, documents.transactions);
  }

  @Test
  void aClaimReadsTheItemAndItsJobInOneBatch() {
    open(2);
    documents.readInTransactions.clear();
    documents.batchesInTransactions.clear();
    ledger().claim(JOB, id(1), 1, "owner-a", LEASE);
    assertEquals(List.of(List.of(Jobs.ITEMS + "/" + id(1), Jobs.JOBS + "/" + JOB)), documents.batchesInTransactions);
  }

  @Test
  void anotherDeliveryBacksOffWhileTheLeaseIsLiveAndTakesOverOnceItRunsOut() {
    open(1);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    JobLedger.Claim busy = ledger().claim(JOB, id(0), 2, "owner-b", LEASE);
    assertEquals(new JobLedger.Claim.Busy(now.plus(LEASE)), busy);
    assertEquals("owner-a", item(0).leaseOwner());

    now = now.plus(LEASE.plusSeconds(1));
    assertInstanceOf(JobLedger.Claim.Held.class, ledger().claim(JOB, id(0), 2, "owner-b", LEASE));
    assertEquals("owner-b", item(0).leaseOwner());
    assertEquals(2, item(0).attempts());
  }

  @Test
  void onlyTheOwnerRenewsOrLetsGoOfTheLease() {
    open(1);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    Instant first = item(0).leaseUntil();
    now = now.plusSeconds(20);
    ledger().renew(id(0), "owner-b", LEASE);
    ledger().letGo(id(0), "owner-b");
    assertEquals(first, item(0).leaseUntil());
    assertEquals("owner-a", item(0).leaseOwner());

    ledger().renew(id(0), "owner-a", LEASE);
    assertEquals(now.plus(LEASE), item(0).leaseUntil());
    ledger().letGo(id(0), "owner-a");
    assertNull(item(0).leaseOwner());
    assertNull(item(0).leaseUntil());
    assertInstanceOf(JobLedger.Claim.Held.class, ledger().claim(JOB, id(0), 2, "owner-b", LEASE),
        "the next delivery need not wait the lease out");
  }

  @Test
  void waitingRecordsTheProviderTaskAndItsDeadlineAndLetsTheLeaseGo() {
    open(1);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    ledger().waiting(id(0), "task-9", Duration.ofMinutes(20));
    GenerationItem item = item(0);
    assertEquals(GenerationItem.Status.WAITING, item.status());
    assertEquals("task-9", item.providerTaskId());
    assertEquals(now.plus(Duration.ofMinutes(20)), item.deadlineAt());
    assertNull(item.leaseOwner());
  }

  @Test
  void aClaimOfAnItemWaitingOnItsProviderOrOfNoItemChangesNothing() {
    open(1);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    ledger().waiting(id(0), "task-9", Duration.ofMinutes(20));
    GenerationItem waiting = item(0);
    int before = documents.transactions;

    assertEquals(new JobLedger.Claim.Waiting(), ledger().claim(JOB, id(0), 2, "owner-b", LEASE));
    assertEquals(waiting, item(0), "polled for, never claimed for another call");
    assertEquals(new JobLedger.Claim.Missing(), ledger().claim(JOB, GenerationItem.documentId(JOB, 7), 1,
        "owner-b", LEASE));
    assertEquals(before + 2, documents.transactions);
  }

  @Test
  void completingAddsTheContentChargesWhatWasUsedAndCountsTheItemOnce() {
    open(2);
    ledger().claim(JOB, id(0), 1, "owner-b", LEASE);
    ledger().claim(JOB, id(1), 1, "owner-a", LEASE);
    ItemResult.Usage used = new ItemResult.Usage(100, 200, 0, 0);

    Optional<GenerationItem> ended = ledger().complete(id(1), text("Snow on the pines"), used, false);

    assertTrue(ended.isPresent());
    GenerationItem item = item(1);
    assertEquals(ended.get(), item);
    assertEquals(GenerationItem.Status.COMPLETED, item.status());
    assertTrue(item.charged());
    assertEquals(300, item.inputTokens() + item.outputTokens());
    assertTrue(item.costMicros() > 0);
    assertNull(item.leaseOwner());
    var content = documents.get(ContentService.CONTENTS, item.contentId()).map(ContentService::content).orElseThrow();
    assertEquals("Write a haiku about snow (2)", content.title(), "the prompt on one line, numbered in its job");
    assertEquals(1, counts().completed());
    assertEquals(GenerationJob.Status.RUNNING, job().status(), "one item is still to end");
    assertEquals(item.costMicros(), counts().costMicros());
    assertEquals(0, job().completed(), "the job's document takes its counts once, when its last item ends");
    assertEquals(300, (user().inputTokens() + user().outputTokens()));
    assertEquals(1_000, user().reservedTokens(), "the other item still holds its reservation");

    assertTrue(ledger().complete(id(1), text("again"), used, false).isEmpty(), "an item ends exactly once");
    assertTrue(ledger().fail(id(1), "late failure").isEmpty());
    assertTrue(ledger().cancel(id(1), "late cancel").isEmpty());
    assertEquals(item, item(1));
    assertEquals(1, counts().ended());
    assertEquals(300, (user().inputTokens() + user().outputTokens()), "charged once");
  }

  /** Stores project p1 with a brand voice of {@code rules}. */
  private void project(dev.contentcreator.core.domain.BrandVoice voice) {
    var p = new dev.contentcreator.core.domain.Project("p1", "P", null, false, voice, "u1", now, now, 1, false);
    documents.transaction(tx -> {
      tx.create(dev.contentcreator.core.projects.ProjectService.PROJECTS, "p1",
          dev.contentcreator.core.json.Json.toTree(p).getAsJsonObject());
      return null;
    });
  }

  private ContentVersion version(GenerationItem item) {
    return documents.get(ContentService.VERSIONS, ContentVersion.documentId(item.contentId(), 1))
        .map(ContentService::version).orElseThrow();
  }

  @Test
  void aCompletedTextKeepsWhatTheBrandRulesFoundAndFlagsItsItemWithoutFailingIt() {
    project(new dev.contentcreator.core.domain.BrandVoice(null, null, List.of("snow"), List.of("Acme"), null, 3,
        null));
    open(2);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    ledger().claim(JOB, id(1), 1, "owner-b", LEASE);

    GenerationItem flagged = ledger().complete(id(0), text("Snow on the pines"), ItemResult.Usage.NONE, false)
        .orElseThrow();
    GenerationItem clean = ledger().complete(id(1), text("Acme pines"), ItemResult.Usage.NONE, false).orElseThrow();

    assertEquals(GenerationItem.Status.COMPLETED, flagged.status());
    assertEquals(List.of("banned-term", "required-term", "max-words"),
        version(flagged).findings().stream().map(dev.contentcreator.core.brand.Finding::rule).toList());
    assertEquals("Snow", version(flagged).findings().get(0).passage());
    assertEquals(3, flagged.findings());
    assertEquals(List.of(), version(clean).findings());
    assertEquals(0, clean.findings());
    assertEquals(1, JobCounters.flagged(documents, job()));
    assertEquals(1, JobView.of(job(), List.of(item(0), item(1))).flagged());
    assertEquals(3, JobView.of(job(), List.of(item(0), item(1))).items().get(0).findings());
  }

  @Test
  void aProjectWithoutRulesFlagsNothing() {
    project(new dev.contentcreator.core.domain.BrandVoice("Be kind.", "warm", List.of()));
    open(1);
    GenerationItem ended = ledger().complete(id(0), text("Snow"), ItemResult.Usage.NONE, false).orElseThrow();
    assertEquals(0, ended.findings());
    assertEquals(List.of(), version(ended).findings());
    assertEquals(0, JobCounters.flagged(documents, job()));
  }

  @Test
  void theDemoAndTheCacheCostNothing() {
    open(1);
    GenerationItem ended = ledger().complete(id(0), text("cached"), new ItemResult.Usage(10, 10, 0, 0), true)
        .orElseThrow();
    assertTrue(ended.cached());
    assertEquals(0, ended.costMicros());
    assertEquals(0, job().costMicros());
    assertEquals(GenerationJob.Status.COMPLETED, job().status());
  }

  @Test
  void failingGivesTheReservationBackAndTheLastItemSettlesTheJob() {
    open(2);
    ledger().complete(id(0), text("one"), new ItemResult.Usage(1, 1, 0, 0), false);
    GenerationItem failed = ledger().fail(id(1), "OpenAI refused this request.").orElseThrow();

    assertEquals(GenerationItem.Status.FAILED, failed.status());
    assertEquals("OpenAI refused this request.", failed.failureReason());
    assertFalse(failed.charged());
    assertEquals(0, user().reservedTokens(), "both reservations are gone: one used, one given back");
    assertEquals(2, (user().inputTokens() + user().outputTokens()));
    GenerationJob job = job();
    assertEquals(1, job.completed());
    assertEquals(1, job.failed());
    assertEquals(GenerationJob.Status.COMPLETED, job.status(), "a job with any item made is completed");
    assertTrue(ledger().fail(id(1), "again").isEmpty());
    assertEquals(1, job().failed());
  }

  @Test
  void aJobWhoseItemsAllFailedHasFailed() {
    open(1);
    ledger().fail(id(0), "no");
    assertEquals(GenerationJob.Status.FAILED, job().status());
  }

  @Test
  void cancellingAJobOnceAndThenItsWaitingItemsGivesTheirReservationsBack() {
    open(3);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    ledger().claim(JOB, id(1), 1, "owner-b", LEASE);
    ledger().waiting(id(1), "task-1", Duration.ofMinutes(20));

    assertEquals(JobLedger.JobCancel.CANCELLED, ledger().cancelJob(JOB));
    assertEquals(JobLedger.JobCancel.ALREADY_CANCELLED, ledger().cancelJob(JOB));
    assertTrue(ledger().cancelWaiting(id(0)).isEmpty(), "a running item ends by its runner's hand");
    assertEquals("Cancelled.", ledger().cancelWaiting(id(1)).orElseThrow().failureReason());
    assertEquals(GenerationItem.Status.CANCELLED, ledger().cancelWaiting(id(2)).orElseThrow().status());
    assertTrue(ledger().cancelWaiting(id(2)).isEmpty());

    assertEquals(GenerationItem.Status.RUNNING, item(0).status());
    assertEquals(GenerationJob.Status.CANCELLED, job().status());
    assertEquals(2, counts().cancelled());
    assertEquals(1_000, user().reservedTokens(), "only the running item still holds its reservation");

    ledger().complete(id(0), text("made anyway"), new ItemResult.Usage(1, 1, 0, 0), false);
    assertEquals(GenerationJob.Status.CANCELLED, job().status(), "a cancelled job stays cancelled");
    assertEquals(3, job().ended());
    assertEquals(0, user().reservedTokens());
  }

  @Test
  void aCancelsTransactionReadsTheJobAloneSoEndingItemsDoNotContendWithIt() {
    open(JobCounters.MAX_SHARDS + 3);
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    ledger().complete(id(0), text("one"), new ItemResult.Usage(1, 1, 0, 0), false);
    documents.readInTransactions.clear();

    assertEquals(JobLedger.JobCancel.CANCELLED, ledger().cancelJob(JOB));

    assertEquals(java.util.List.of(Jobs.JOBS + "/" + JOB), documents.readInTransactions,
        "the counters are read outside it");
    assertEquals(GenerationJob.Status.CANCELLED, job().status());
  }

  @Test
  void anItemsEndReadsNoCounterInItsTransactionSoItemsEndingTogetherHoldNothingInCommon() {
    open(JobCounters.MAX_SHARDS + 3);
    ledger().claim(JOB, id(1), 1, "owner-a", LEASE);
    documents.readInTransactions.clear();
    ledger().complete(id(1), text("one"), new ItemResult.Usage(1, 1, 0, 0), false);
    ledger().fail(id(2), "refused");
    ledger().cancel(id(3), "stopped");
    ledger().cancelWaiting(id(4));

    assertTrue(documents.readInTransactions.stream().noneMatch(
        d -> d.startsWith(JobCounters.COLLECTION + "/") || d.startsWith(UsageService.COLLECTION + "/")),
        documents.readInTransactions.toString());
    assertTrue(documents.readInTransactions.containsAll(java.util.List.of(Jobs.ITEMS + "/" + id(1),
        Jobs.ITEMS + "/" + id(2), Jobs.ITEMS + "/" + id(3), Jobs.ITEMS + "/" + id(4))));
    // Counted all the same: each in its shard, used and given back in the month's counters.
    assertEquals(1, counts().completed());
    assertEquals(1, counts().failed());
    assertEquals(2, counts().cancelled());
    assertEquals(1, user().items());
    assertEquals(2, user().inputTokens() + user().outputTokens());
  }

  @Test
  void aTextsEndReadsItsItemAndTheBrandRulesInOneBatch() {
    open(2);
    ledger().claim(JOB, id(1), 1, "owner-a", LEASE);
    documents.batchesInTransactions.clear();

    ledger().complete(job(), id(1), text("one"), new ItemResult.Usage(1, 1, 0, 0), false, null, null);

    assertEquals(List.of(List.of(Jobs.ITEMS + "/" + id(1), ProjectService.PROJECTS + "/p1")),
        documents.batchesInTransactions, "the rules are the project's, read with the item");
    assertEquals(GenerationItem.Status.COMPLETED, item(1).status());
  }

  @Test
  void theLastItemsSettleReadsTheJobAloneInItsTransaction() {
    open(3);
    ledger().fail(id(0), "refused");
    ledger().fail(id(1), "refused");
    documents.readInTransactions.clear();

    ledger().fail(id(2), "refused");

    assertEquals(java.util.List.of(Jobs.ITEMS + "/" + id(2), Jobs.JOBS + "/" + JOB), documents.readInTransactions,
        "the item's end reads its item, the settle its job; the shards are read outside both");
    assertEquals(GenerationJob.Status.FAILED, job().status());
    assertEquals(3, job().failed());
    int before = documents.transactions;
    ledger().settle(JOB);
    assertEquals(before, documents.transactions, "a settled job opens no transaction");
  }

  @Test
  void aRunnerEndsItsItemWithTheJobItHoldsAndAnotherJobsItemIsRefused() {
    open(2);
    GenerationJob job = job();
    GenerationJob other = job.toBuilder().id("another-job").build();
    assertThrows(IllegalArgumentException.class, () -> ledger().complete(other, id(0), text("x"),
        ItemResult.Usage.NONE, false, null, null));
    assertEquals(GenerationItem.Status.QUEUED, item(0).status(), "nothing was written");

    GenerationItem ended = ledger().complete(job, id(0), text("one"), new ItemResult.Usage(1, 1, 0, 0), false,
        "demo", "demo-model").orElseThrow();
    assertEquals(GenerationItem.Status.COMPLETED, ended.status());
    assertTrue(ledger().complete(job, id(0), text("again"), ItemResult.Usage.NONE, false, null, null).isEmpty(),
        "an item ends exactly once");
    assertEquals(1, counts().completed());
  }

  @Test
  void aJobThatEndedCannotBeCancelled() {
    open(1);
    ledger().fail(id(0), "no");
    assertEquals(JobLedger.JobCancel.ALREADY_ENDED, ledger().cancelJob(JOB));
    assertEquals(GenerationJob.Status.FAILED, job().status());
  }

  @Test
  void aClaimOfAnEndedItemFindsItEndedAndChangesNothing() {
    open(1);
    ledger().cancel(id(0), "Not made: this run's budget of $1.00 is used up.");
    GenerationItem cancelled = item(0);
    assertEquals(GenerationItem.Status.CANCELLED, cancelled.status());
    assertInstanceOf(JobLedger.Claim.Ended.class, ledger().claim(JOB, id(0), 2, "owner-a", LEASE));
    ledger().waiting(id(0), "task", Duration.ofMinutes(1));
    ledger().renew(id(0), "owner-a", LEASE);
    assertEquals(cancelled, item(0));
    assertEquals(GenerationJob.Status.FAILED, job().status(), "nothing was made");
  }

  @Test
  void aJobWhoseItemsHaveAllEndedButNotSettledIsSettledWhenCancelled() {
    open(1);
    GenerationItem item = item(0);
    GenerationJob job = job();
    // The item's end is written, and the process stops before it settles the job.
    documents.transaction(tx -> {
      GenerationItem ended = item.completed("c1", false, GenerationItem.Used.NONE, now);
      Jobs.put(tx, ended);
      JobCounters.write(tx, job, ended, 0);
      return null;
    });
    assertEquals(JobLedger.JobCancel.ALREADY_ENDED, ledger().cancelJob(JOB));
    assertEquals(GenerationJob.Status.COMPLETED, job().status());
    assertEquals(1, job().completed());
  }

  @Test
  void itemsOfAJobAreCountedInSeveralCounterDocumentsAndTheJobTakesTheirSum() {
    int items = JobCounters.MAX_SHARDS + 8;
    open(items);
    for (int i = 0; i < items; i++) {
      ledger().complete(id(i), text("item " + i), new ItemResult.Usage(1, 1, 0, 0), false);
    }
    long shards = java.util.stream.IntStream.range(0, JobCounters.MAX_SHARDS)
        .filter(k -> documents.get(JobCounters.COLLECTION, JobCounters.id(JOB, k)).isPresent()).count();
    assertEquals(JobCounters.MAX_SHARDS, shards, "more items than counter documents use every one of them");
    assertEquals(GenerationJob.Status.COMPLETED, job().status());
    assertEquals(items, job().completed());
    assertEquals(java.util.stream.IntStream.range(0, items).mapToLong(i -> item(i).costMicros()).sum(),
        job().costMicros());
  }

  @Test
  void onlyTheFirstItemOfAQueuedJobStartsIt() {
    GenerationJob queued = open(3);
    assertTrue(JobLedger.startsJob(queued, 0));
    assertFalse(JobLedger.startsJob(queued, 1), "a later item leaves the job's document alone");
    ledger().claim(JOB, id(1), 1, "owner-b", LEASE);
    assertEquals(GenerationJob.Status.QUEUED, job().status());
    ledger().claim(JOB, id(0), 1, "owner-a", LEASE);
    assertEquals(GenerationJob.Status.RUNNING, job().status());
    assertFalse(JobLedger.startsJob(job(), 0), "a running job is not started again");
  }

  /** Records what a ledger tells its outcomes listener. */
  private static final class Told implements JobOutcomes {
    final List<GenerationJob> ended = new java.util.ArrayList<>();
    final List<GenerationItem> failed = new java.util.ArrayList<>();

    @Override
    public void jobEnded(GenerationJob job) {
      ended.add(job);
    }

    @Override
    public void itemFailed(GenerationItem item) {
      failed.add(item);
    }
  }

  @Test
  void theOutcomesListenerHearsOfEachFailedItemAndOfTheJobsEndOnceAfterItsFinalCounts() {
    open(2);
    Told told = new Told();
    JobLedger ledger = new JobLedger(documents, usage, Clock.fixed(now, ZoneOffset.UTC), told);
    ledger.fail(id(0), "The provider refused the prompt.");
    assertEquals(List.of(id(0)), told.failed.stream().map(GenerationItem::id).toList());
    assertEquals("The provider refused the prompt.", told.failed.get(0).failureReason());
    assertTrue(told.ended.isEmpty(), "one item is still to end");
    ledger.complete(id(1), text("snow"), new ItemResult.Usage(10, 20, 0, 0), false);
    assertEquals(1, told.ended.size());
    assertEquals(GenerationJob.Status.COMPLETED, told.ended.get(0).status());
    assertEquals(1, told.ended.get(0).completed());
    assertEquals(1, told.ended.get(0).failed());
    ledger.fail(id(1), "again");
    ledger.settle(JOB);
    assertEquals(1, told.ended.size(), "an item that ended does not end again, and a settled job is not settled twice");
    assertEquals(1, told.failed.size());
  }
}
