package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.ports.TaskQueue.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TaskQueue} adapter must show, seen only through the port: named
 * dedupe per queue (also after the task ended), schedule times, at-least-once runs, retries after
 * failure with the attempt counted from 1, {@link TaskHandler.RetryLaterException}, payloads
 * arriving unchanged, the 100 KB limit, and giving up after the queue's maximum attempts.
 *
 * <p>An adapter's test extends this class and implements {@link #open(Setup)}: a fresh, empty queue
 * on the real clock whose queues {@link #QUEUE} and {@link #OTHER_QUEUE} retry with the setup's
 * settings and whose tasks for {@link #HANDLER} are dispatched to the setup's handler, already
 * running. {@link #gaveUp} reports whether the queue stopped trying a task. A queue that is
 * {@link AutoCloseable} is closed after each test.
 */
public abstract class TaskQueueContract {
  protected static final String QUEUE = "contract";
  protected static final String OTHER_QUEUE = "contract-other";
  protected static final String HANDLER = "contract-handler";

  /** Attempts allowed per task in these tests, counting the first. */
  protected static final int MAX_ATTEMPTS = 3;

  /**
   * What the queue under test needs: retry settings for every queue in {@code queues}, and the
   * handler to run for each handler name.
   */
  public record Setup(List<String> queues, int maxAttempts, Duration minBackoff, Duration maxBackoff,
      Map<String, TaskHandler> handlers) {}

  /** One run of the handler as it saw it. */
  protected record Run(String queue, String name, int attempt, Instant firstAttemptAt, JsonObject payload,
      Instant startedAt, Instant endedAt) {}

  /** A fresh, empty, running queue set up as {@code setup} says. */
  protected abstract TaskQueue open(Setup setup);

  /** Whether the queue has stopped trying the task because its attempts ran out. */
  protected abstract boolean gaveUp(String queue, String taskName);

  /** The longest a test waits for something that must happen; default 20 s. */
  protected Duration patience() {
    return Duration.ofSeconds(20);
  }

  protected TaskQueue queue;
  private final List<Run> runs = new CopyOnWriteArrayList<>();
  private volatile Behaviour behaviour = run -> {};

  @BeforeEach
  final void openQueue() {
    TaskHandler recording = (context, payload) -> {
      Instant started = Instant.now();
      Run partial = new Run(context.queue(), context.taskName(), context.attempt(), context.firstAttemptAt(),
          payload, started, null);
      try {
        behaviour.on(partial);
      } finally {
        runs.add(new Run(partial.queue(), partial.name(), partial.attempt(), partial.firstAttemptAt(),
            partial.payload(), started, Instant.now()));
      }
    };
    queue = open(new Setup(List.of(QUEUE, OTHER_QUEUE), MAX_ATTEMPTS, Duration.ofMillis(10),
        Duration.ofMillis(50), Map.of(HANDLER, recording)));
    assertNotNull(queue, "open() returned null");
  }

  @AfterEach
  final void closeQueue() throws Exception {
    if (queue instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  // ---- named tasks ----

  @Test
  void secondEnqueueOfTheSameNameReturnsFalse() {
    assertTrue(queue.enqueue(task(QUEUE, "dup", payload(1))));

    assertFalse(queue.enqueue(task(QUEUE, "dup", payload(2))));
  }

  @Test
  void duplicateOfANamedTaskNeverRuns() {
    queue.enqueue(task(QUEUE, "dup", payload(1)));
    queue.enqueue(task(QUEUE, "dup", payload(2)));
    queue.enqueue(task(QUEUE, "after", payload(3)));

    awaitRunsOf(Set.of("dup", "after"));

    assertEquals(List.of(payload(1)), runsOf("dup").stream().map(Run::payload).toList());
  }

  @Test
  void nameStaysTakenAfterTheTaskFinished() {
    queue.enqueue(task(QUEUE, "finished", payload(1)));
    awaitRunsOf(Set.of("finished"));

    assertFalse(queue.enqueue(task(QUEUE, "finished", payload(2))));
  }

  @Test
  void sameNameInAnotherQueueIsAnotherTask() {
    queue.enqueue(task(QUEUE, "shared-name", payload(1)));

    assertTrue(queue.enqueue(task(OTHER_QUEUE, "shared-name", payload(2))));
    awaitRuns(2);
    assertEquals(Set.of(QUEUE, OTHER_QUEUE), runs.stream().map(Run::queue).collect(Collectors.toSet()));
  }

  @Test
  void enqueueAllCreatesEachNewNameOnceAndCountsWhatItCreated() {
    assertTrue(queue.enqueue(task(QUEUE, "before", payload(0))));

    int created = queue.enqueueAll(List.of(task(QUEUE, "a", payload(1)), task(QUEUE, "b", payload(2)),
        task(QUEUE, "a", payload(3)), task(QUEUE, "before", payload(4)), task(OTHER_QUEUE, "a", payload(5))));

    assertEquals(3, created, "a and b in the queue, a in the other; the repeat of a and 'before' create nothing");
    awaitRunsOf(Set.of("before", "a", "b"));
    awaitRuns(4);
    assertEquals(List.of(payload(1)), runsOf("a").stream().filter(r -> r.queue().equals(QUEUE)).map(Run::payload)
        .toList());
    assertEquals(List.of(payload(0)), runsOf("before").stream().map(Run::payload).toList());
    assertEquals(0, queue.enqueueAll(List.of()));
  }

  // ---- delivery ----

  @Test
  void everyEnqueuedTaskRuns() {
    Set<String> names = IntStream.range(0, 25).mapToObj(i -> "task-" + i).collect(Collectors.toCollection(TreeSet::new));
    names.forEach(name -> queue.enqueue(task(QUEUE, name, payload(1))));

    awaitRunsOf(names);

    assertEquals(names, runs.stream().map(Run::name).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void taskDoesNotRunBeforeItsScheduleTime() {
    Instant scheduled = Instant.now().plusMillis(800);
    queue.enqueue(new Task(QUEUE, "later", HANDLER, payload(1), scheduled));

    awaitRunsOf(Set.of("later"));

    Instant started = runsOf("later").get(0).startedAt();
    assertFalse(started.isBefore(scheduled), "ran at " + started + ", scheduled for " + scheduled);
  }

  @Test
  void taskDueNowRunsBeforeOneScheduledLater() {
    queue.enqueue(new Task(QUEUE, "later", HANDLER, payload(1), Instant.now().plusMillis(800)));
    queue.enqueue(task(QUEUE, "now", payload(2)));

    awaitRunsOf(Set.of("now", "later"));

    assertEquals(List.of("now", "later"), runs.stream().map(Run::name).toList());
  }

  @Test
  void payloadArrivesUnchanged() {
    JsonObject sent = JsonParser.parseString("{\"text\":\"héllo — 日本語 🎉\",\"quote\":\"a \\\"b\\\"\\n\","
        + "\"big\":9007199254740993,\"ratio\":0.1,\"flag\":false,\"none\":null,"
        + "\"nested\":{\"list\":[1,\"two\",{\"three\":[]}]}}").getAsJsonObject();

    queue.enqueue(task(QUEUE, "payload", sent));
    awaitRunsOf(Set.of("payload"));

    assertEquals(sent, runsOf("payload").get(0).payload());
  }

  @Test
  void payloadJustUnderTheLimitArrivesUnchanged() {
    JsonObject sent = new JsonObject();
    sent.addProperty("blob", "x".repeat(95_000));

    queue.enqueue(task(QUEUE, "large", sent));
    awaitRunsOf(Set.of("large"));

    assertEquals(sent, runsOf("large").get(0).payload());
  }

  @Test
  void payloadOverTheLimitIsRejected() {
    JsonObject tooBig = new JsonObject();
    tooBig.addProperty("blob", "x".repeat(150_000));

    assertThrows(IllegalArgumentException.class, () -> queue.enqueue(task(QUEUE, "too-big", tooBig)));
  }

  @Test
  void contextNamesTheQueueTheTaskAndTheFirstAttempt() {
    queue.enqueue(task(OTHER_QUEUE, "context", payload(1)));
    awaitRunsOf(Set.of("context"));

    Run run = runsOf("context").get(0);
    assertEquals(OTHER_QUEUE, run.queue());
    assertEquals(1, run.attempt());
    assertNotNull(run.firstAttemptAt());
  }

  // ---- retries ----

  @Test
  void failedTaskIsRetriedWithTheNextAttemptNumber() {
    behaviour = run -> {
      if (run.attempt() < 3) {
        throw new IllegalStateException("transient failure " + run.attempt());
      }
    };

    queue.enqueue(task(QUEUE, "flaky", payload(1)));
    await("the third attempt", () -> runsOf("flaky").size() >= 3);

    assertEquals(List.of(1, 2, 3), runsOf("flaky").stream().map(Run::attempt).toList());
  }

  @Test
  void firstAttemptTimeStaysTheSameAcrossRetries() {
    behaviour = run -> {
      if (run.attempt() == 1) {
        throw new IllegalStateException("once");
      }
    };

    queue.enqueue(task(QUEUE, "twice", payload(1)));
    await("the second attempt", () -> runsOf("twice").size() >= 2);

    List<Run> twice = runsOf("twice");
    assertEquals(twice.get(0).firstAttemptAt(), twice.get(1).firstAttemptAt());
  }

  @Test
  void retryLaterIsHonouredBeforeTheNextAttempt() {
    Duration after = Duration.ofMillis(700);
    behaviour = run -> {
      if (run.attempt() == 1) {
        throw new TaskHandler.RetryLaterException("busy", after);
      }
    };

    queue.enqueue(task(QUEUE, "busy", payload(1)));
    await("the second attempt", () -> runsOf("busy").size() >= 2);

    List<Run> busy = runsOf("busy");
    Duration gap = Duration.between(busy.get(0).endedAt(), busy.get(1).startedAt());
    assertTrue(gap.compareTo(after) >= 0, "retried after " + gap + ", asked for " + after);
  }

  @Test
  void taskIsGivenUpAfterItsMaximumAttempts() {
    behaviour = run -> {
      throw new IllegalStateException("always fails");
    };

    queue.enqueue(task(QUEUE, "hopeless", payload(1)));
    await("the queue to give up", () -> gaveUp(QUEUE, "hopeless"));

    assertEquals(List.of(1, 2, 3), runsOf("hopeless").stream().map(Run::attempt).toList());
  }

  @Test
  void taskThatSucceededIsNotGivenUp() {
    queue.enqueue(task(QUEUE, "fine", payload(1)));
    awaitRunsOf(Set.of("fine"));

    assertFalse(gaveUp(QUEUE, "fine"));
  }

  // ---- helpers ----

  protected static Task task(String queue, String name, JsonObject payload) {
    return new Task(queue, name, HANDLER, payload, Instant.now());
  }

  protected static JsonObject payload(int value) {
    JsonObject payload = new JsonObject();
    payload.addProperty("value", value);
    payload.add("tags", new JsonArray());
    return payload;
  }

  protected final List<Run> runsOf(String name) {
    return runs.stream().filter(run -> run.name().equals(name)).toList();
  }

  private void awaitRuns(int count) {
    await(count + " runs", () -> runs.size() >= count);
  }

  private void awaitRunsOf(Set<String> names) {
    await("runs of " + names, () -> runs.stream().map(Run::name).collect(Collectors.toSet()).containsAll(names));
  }

  /** Waits until {@code condition} holds, polling; fails after {@link #patience()}. */
  protected final void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + patience() + " for " + what + "; runs so far: " + runs);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }

  /** What the handler does on one run; throwing fails the attempt. */
  @FunctionalInterface
  private interface Behaviour {
    void on(Run run) throws Exception;
  }
}
