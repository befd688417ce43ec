package dev.contentcreator.embedded.queue;

import static dev.contentcreator.embedded.queue.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite queue adds to the contract: durability, leases, backoff times, retention, caps. */
final class SqliteTaskQueueFileTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir
  Path folder;
  private final MutableClock clock = new MutableClock(START);
  private final List<SqliteTaskQueue> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteTaskQueue::close);
  }

  private SqliteTaskQueue.Builder builder() {
    return SqliteTaskQueue.builder(folder.resolve("queue.db")).pollInterval(Duration.ofMillis(20));
  }

  private SqliteTaskQueue open(SqliteTaskQueue.Builder builder) {
    SqliteTaskQueue queue = builder.build();
    opened.add(queue);
    return queue;
  }

  private SqliteTaskQueue openOnFakeClock() {
    return open(builder().clock(clock));
  }

  private static Task task(String name) {
    return new Task("work", name, "h", payload(name), START);
  }

  private static JsonObject payload(String name) {
    JsonObject payload = new JsonObject();
    payload.addProperty("name", name);
    return payload;
  }

  // ---- durability ----

  @Test
  void taskEnqueuedBeforeACloseRunsAfterReopening() {
    open(builder()).enqueue(new Task("work", "kept", "h", payload("kept"), Instant.now()));
    opened.remove(0).close();

    SqliteTaskQueue reopened = open(builder());
    List<String> ran = new CopyOnWriteArrayList<>();
    reopened.registerHandler("h", (context, payload) -> ran.add(context.taskName()));
    reopened.start();

    await("the kept task to run", () -> ran.contains("kept"));
  }

  @Test
  void taskLeasedByAStoppedProcessRunsAgainOnceTheLeaseExpires() throws Exception {
    SqliteTaskQueue crashed = open(builder().clock(clock).shutdownTimeout(Duration.ZERO));
    CountDownLatch started = new CountDownLatch(1);
    crashed.registerHandler("h", (context, payload) -> {
      started.countDown();
      new CountDownLatch(1).await();
    });
    crashed.enqueue(task("leased"));
    crashed.start();
    assertTrue(started.await(20, TimeUnit.SECONDS), "the first attempt never started");
    crashed.close();

    SqliteTaskQueue restarted = openOnFakeClock();
    assertEquals(1, restarted.stats("work").running());
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    restarted.registerHandler("h", (context, payload) -> attempts.add(context.attempt()));
    restarted.start();
    clock.advance(Duration.ofSeconds(31));
    restarted.wake();

    await("the second attempt", () -> !attempts.isEmpty());
    await("the task to finish", () -> restarted.stats("work").done() == 1);
    assertEquals(List.of(2), attempts);
  }

  @Test
  void expiredLeaseIsRecordedAsAFailedAttempt() throws Exception {
    SqliteTaskQueue crashed = open(builder().clock(clock).shutdownTimeout(Duration.ZERO));
    CountDownLatch started = new CountDownLatch(1);
    crashed.registerHandler("h", (context, payload) -> {
      started.countDown();
      new CountDownLatch(1).await();
    });
    crashed.enqueue(task("leased"));
    crashed.start();
    assertTrue(started.await(20, TimeUnit.SECONDS), "the first attempt never started");
    crashed.close();

    SqliteTaskQueue restarted = openOnFakeClock();
    restarted.configureQueue(QueueConfig.builder("work").minBackoff(Duration.ofMinutes(5)).build());
    restarted.registerHandler("other", (context, payload) -> {});
    restarted.start();
    clock.advance(Duration.ofSeconds(31));
    restarted.wake();

    await("the lease to be reaped", () -> restarted.find("work", "leased").orElseThrow().state() == WorkState.PENDING);
    TaskRecord record = restarted.find("work", "leased").orElseThrow();
    assertTrue(record.lastError().contains("lease"), record.lastError());
    assertEquals(START.plusSeconds(30).plus(Duration.ofMinutes(5)), record.dueAt());
  }

  // ---- backoff and retry-later, on the fake clock ----

  @Test
  void failedAttemptIsDueAgainAfterTheMinimumBackoff() {
    SqliteTaskQueue queue = openOnFakeClock();
    queue.configureQueue(QueueConfig.builder("work").minBackoff(Duration.ofSeconds(10)).build());
    queue.registerHandler("h", (context, payload) -> {
      throw new IllegalStateException("boom");
    });
    queue.enqueue(task("failing"));
    queue.start();

    await("the first failure", () -> queue.find("work", "failing").orElseThrow().lastError() != null);

    TaskRecord record = queue.find("work", "failing").orElseThrow();
    assertEquals(WorkState.PENDING, record.state());
    assertEquals(1, record.attempts());
    assertEquals(START.plusSeconds(10), record.dueAt());
  }

  @Test
  void secondFailureWaitsTwiceTheMinimumBackoff() {
    SqliteTaskQueue queue = openOnFakeClock();
    queue.configureQueue(QueueConfig.builder("work").minBackoff(Duration.ofSeconds(10)).build());
    queue.registerHandler("h", (context, payload) -> {
      throw new IllegalStateException("boom " + context.attempt());
    });
    queue.enqueue(task("failing"));
    queue.start();
    await("the first failure", () -> queue.find("work", "failing").orElseThrow().lastError() != null);
    clock.advance(Duration.ofSeconds(10));
    queue.wake();

    await("the second failure", () -> queue.find("work", "failing").orElseThrow().attempts() == 2
        && queue.find("work", "failing").orElseThrow().state() == WorkState.PENDING);

    assertEquals(START.plusSeconds(10 + 20), queue.find("work", "failing").orElseThrow().dueAt());
  }

  /**
   * A task tried again goes before fresh tasks that were due sooner: its job is otherwise held up
   * behind the whole backlog, and then its later failures, one after another, are the job's tail.
   */
  @Test
  void aTaskDueAgainGoesBeforeFreshTasksThatWereDueSooner() {
    SqliteTaskQueue queue = openOnFakeClock();
    queue.configureQueue(QueueConfig.builder("work").maxConcurrentDispatches(1).minBackoff(Duration.ofSeconds(10))
        .build());
    List<String> ran = new CopyOnWriteArrayList<>();
    queue.registerHandler("h", (context, payload) -> {
      ran.add(context.taskName() + "#" + context.attempt());
      if (context.taskName().equals("retried") && context.attempt() == 1) {
        throw new IllegalStateException("passing fault");
      }
    });
    queue.enqueue(task("retried"));
    for (String name : List.of("fresh1", "fresh2", "fresh3")) {
      queue.enqueue(new Task("work", name, "h", payload(name), START.plusSeconds(5)));
    }
    queue.start();
    await("the first failure", () -> queue.find("work", "retried").orElseThrow().lastError() != null);

    clock.advance(Duration.ofSeconds(10));
    queue.wake();
    await("every task", () -> queue.stats("work").done() == 4);

    assertEquals(List.of("retried#1", "retried#2", "fresh1#1", "fresh2#1", "fresh3#1"), ran,
        "due again at 10 s, it goes before the tasks due since 5 s");
  }

  @Test
  void retryLaterPutsTheNextAttemptPastTheBackoff() {
    SqliteTaskQueue queue = openOnFakeClock();
    queue.registerHandler("h", (context, payload) -> {
      throw new TaskHandler.RetryLaterException("rate limited", Duration.ofMinutes(5));
    });
    queue.enqueue(task("later"));
    queue.start();

    await("the first attempt", () -> queue.find("work", "later").orElseThrow().lastError() != null);

    assertEquals(START.plus(Duration.ofMinutes(5)), queue.find("work", "later").orElseThrow().dueAt());
  }

  @Test
  void taskIsNotRunBeforeItsScheduleTimeOnTheQueueClock() {
    SqliteTaskQueue queue = openOnFakeClock();
    List<String> ran = new CopyOnWriteArrayList<>();
    queue.registerHandler("h", (context, payload) -> ran.add(context.taskName()));
    queue.enqueue(new Task("work", "future", "h", payload("future"), START.plusSeconds(60)));
    queue.enqueue(task("marker"));
    queue.start();
    await("the marker", () -> ran.contains("marker"));
    // Jump the clock only once the marker's success is recorded: a jump past its lease before that
    // would (rightly) hand the marker out again.
    await("the marker to be done", () -> queue.stats("work").done() == 1);

    clock.advance(Duration.ofSeconds(60));
    queue.wake();
    await("the future task", () -> ran.contains("future"));

    assertEquals(List.of("marker", "future"), ran);
  }

  // ---- dead tasks ----

  @Test
  void taskOutOfAttemptsIsKeptAsDeadWithItsLastError() {
    SqliteTaskQueue queue = open(builder());
    queue.configureQueue(QueueConfig.builder("work").maxAttempts(2).minBackoff(Duration.ofMillis(1)).build());
    queue.registerHandler("h", (context, payload) -> {
      throw new IllegalStateException("boom on attempt " + context.attempt());
    });
    queue.enqueue(new Task("work", "doomed", "h", payload("doomed"), Instant.now()));
    queue.start();

    await("the task to die", () -> queue.stats("work").dead() == 1);

    TaskRecord dead = queue.deadTasks("work").get(0);
    assertEquals("doomed", dead.name());
    assertEquals(2, dead.attempts());
    assertEquals(payload("doomed"), dead.payload());
    assertTrue(dead.lastError().contains("boom on attempt 2"), dead.lastError());
  }

  @Test
  void handlerPastItsDispatchDeadlineCountsAsAFailedAttempt() {
    SqliteTaskQueue queue = open(builder());
    queue.configureQueue(QueueConfig.builder("work").minBackoff(Duration.ofMillis(1))
        .dispatchDeadline(Duration.ofMillis(100)).build());
    List<Integer> finished = new CopyOnWriteArrayList<>();
    queue.registerHandler("h", (context, payload) -> {
      if (context.attempt() == 1) {
        new CountDownLatch(1).await(20, TimeUnit.SECONDS);
      }
      finished.add(context.attempt());
    });
    queue.enqueue(new Task("work", "slow", "h", payload("slow"), Instant.now()));
    queue.start();

    await("the task to finish", () -> queue.stats("work").done() == 1);

    assertEquals(2, queue.find("work", "slow").orElseThrow().attempts());
    assertEquals(List.of(2), finished);
  }

  // ---- retention ----

  @Test
  void finishedNameIsFreedOnceTheRetentionWindowHasPassed() {
    SqliteTaskQueue queue = openOnFakeClock();
    queue.registerHandler("h", (context, payload) -> {});
    queue.enqueue(task("once"));
    queue.start();
    await("the task to finish", () -> queue.stats("work").done() == 1);

    clock.advance(Duration.ofHours(1));

    assertTrue(queue.enqueue(task("once")));
  }

  @Test
  void finishedNameIsStillTakenJustBeforeTheRetentionWindowEnds() {
    SqliteTaskQueue queue = openOnFakeClock();
    queue.registerHandler("h", (context, payload) -> {});
    queue.enqueue(task("once"));
    queue.start();
    await("the task to finish", () -> queue.stats("work").done() == 1);

    clock.advance(Duration.ofMinutes(59));

    assertFalse(queue.enqueue(task("once")));
  }

  @Test
  void purgeForgetsFinishedTasksPastRetentionButKeepsDeadOnes() {
    SqliteTaskQueue queue = openOnFakeClock();
    queue.configureQueue(QueueConfig.builder("work").maxAttempts(1).build());
    queue.registerHandler("h", (context, payload) -> {
      if (context.taskName().equals("bad")) {
        throw new IllegalStateException("bad");
      }
    });
    queue.enqueue(task("good"));
    queue.enqueue(task("bad"));
    queue.start();
    await("both to end", () -> queue.stats("work").done() == 1 && queue.stats("work").dead() == 1);
    clock.advance(Duration.ofHours(2));

    assertEquals(1, queue.purgeExpired());

    assertEquals(new QueueStats("work", 0, 0, 0, 1), queue.stats("work"));
  }

  // ---- concurrency ----

  @Test
  void queueNeverRunsMoreThanItsMaximumConcurrentDispatches() throws Exception {
    SqliteTaskQueue queue = open(builder().workers(8));
    queue.configureQueue(QueueConfig.builder("work").maxConcurrentDispatches(2).build());
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    Semaphore release = new Semaphore(0);
    queue.registerHandler("h", (context, payload) -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      started.incrementAndGet();
      try {
        release.acquire();
      } finally {
        running.decrementAndGet();
      }
    });
    for (int i = 0; i < 6; i++) {
      queue.enqueue(new Task("work", "t" + i, "h", payload("t" + i), Instant.now()));
    }
    queue.start();

    for (int i = 0; i < 6; i++) {
      int expected = Math.min(i + 2, 6);
      await(expected + " started", () -> started.get() >= expected);
      release.release();
    }
    await("all to finish", () -> queue.stats("work").done() == 6);

    assertEquals(2, most.get());
  }

  @Test
  void twoProcessesOnOneFileRunEachTaskOnceAndNeverTogether() {
    SqliteTaskQueue first = open(builder().workers(4));
    SqliteTaskQueue second = open(builder().workers(4));
    Set<String> runningNow = ConcurrentHashMap.newKeySet();
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    List<String> overlaps = new CopyOnWriteArrayList<>();
    TaskHandler handler = (context, payload) -> {
      if (!runningNow.add(context.taskName())) {
        overlaps.add(context.taskName());
      }
      runs.computeIfAbsent(context.taskName(), n -> new AtomicInteger()).incrementAndGet();
      Thread.sleep(2);
      runningNow.remove(context.taskName());
    };
    first.registerHandler("h", handler);
    second.registerHandler("h", handler);
    first.start();
    second.start();

    for (int i = 0; i < 60; i++) {
      (i % 2 == 0 ? first : second).enqueue(new Task("work", "t" + i, "h", payload("t" + i), Instant.now()));
    }
    await("every task to finish", () -> first.stats("work").done() == 60);

    assertEquals(List.of(), overlaps);
    assertEquals(60, runs.size());
    assertTrue(runs.values().stream().allMatch(count -> count.get() == 1), runs.toString());
  }

  @Test
  void taskForAHandlerNobodyRegisteredWaits() {
    SqliteTaskQueue queue = open(builder());
    List<String> ran = new CopyOnWriteArrayList<>();
    queue.registerHandler("h", (context, payload) -> ran.add(context.taskName()));
    queue.enqueue(new Task("work", "orphan", "missing", payload("orphan"), Instant.now()));
    queue.enqueue(new Task("work", "known", "h", payload("known"), Instant.now()));
    queue.start();

    await("the known task", () -> queue.stats("work").done() == 1);

    assertEquals(WorkState.PENDING, queue.find("work", "orphan").orElseThrow().state());
  }
}
