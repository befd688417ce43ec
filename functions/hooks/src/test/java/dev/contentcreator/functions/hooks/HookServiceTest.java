package dev.contentcreator.functions.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.core.hooks.HookDelivery;
import dev.contentcreator.core.hooks.HookEventType;
import dev.contentcreator.core.hooks.HookService;
import dev.contentcreator.core.hooks.HookSettings;
import dev.contentcreator.core.hooks.IssuedHook;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks service on a real SQLite store with a queue that records its tasks (run here by
 * hand) and a clock the test moves: fan-out to the webhooks that want an event, one delivery per
 * event however often it is emitted, the next attempt scheduled by the backoff, giving up, and the
 * failure streak that switches a webhook off.
 */
class HookServiceTest {
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  /** Keeps the tasks by name, as a queue with named-task dedupe would. */
  static final class RecordingQueue implements TaskQueue {
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final List<Task> pending = new ArrayList<>();

    @Override
    public synchronized boolean enqueue(Task task) {
      if (tasks.containsKey(task.name())) {
        return false;
      }
      tasks.put(task.name(), task);
      pending.add(task);
      return true;
    }

    synchronized Task take() {
      return pending.remove(0);
    }
  }

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock();
  private final RecordingQueue queue = new RecordingQueue();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger received = new AtomicInteger();
  private HttpServer receiver;
  private SqliteDocumentStore store;
  private HookService hooks;
  private Map<String, TaskHandler> handlers;
  private String project;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null, true);

  @BeforeEach
  void open() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    receiver.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      received.incrementAndGet();
      ex.sendResponseHeaders(status.get(), -1);
      ex.close();
    });
    receiver.start();
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    UserService users = new UserService(store, clock);
    ProjectService projects = new ProjectService(store, users, clock);
    users.ensure(alice);
    project = projects.create(alice, "Launch", "").id();
    HookSettings settings = new HookSettings(3, Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(2),
        Duration.ofHours(24), 2, true);
    hooks = new HookService(store, projects, () -> queue, () -> HookService.sender(settings), settings, clock);
    handlers = HookService.handlers(() -> hooks);
  }

  @AfterEach
  void close() {
    receiver.stop(0);
    store.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  private IssuedHook hook(List<String> events) {
    return hooks.create("alice", project, new HookService.Request(url("/in"), events, null, null));
  }

  /** Runs the next queued task; returns it. */
  private TaskQueue.Task runNext() throws Exception {
    TaskQueue.Task t = queue.take();
    handlers.get(t.handler()).handle(new TaskHandler.Context(t.queue(), t.name(), 1, clock.instant()), t.payload());
    return t;
  }

  private List<HookDelivery> deliveries(String hookId) {
    return hooks.deliveries("alice", project, hookId, 50, null).items();
  }

  @Test
  void anEventReachesOnlyTheWebhooksThatWantItAndOnceHoweverOftenItIsEmitted() throws Exception {
    IssuedHook jobs = hook(List.of("job.completed"));
    IssuedHook comments = hook(List.of("comment.added"));
    hooks.emit(project, HookEventType.JOB_COMPLETED, "job/j1", new JsonObject());
    hooks.emit(project, HookEventType.JOB_COMPLETED, "job/j1", new JsonObject());
    assertEquals(1, queue.pending.size(), "one event task for the event emitted twice");
    assertEquals(HookService.EVENT_HANDLER, runNext().handler());
    assertEquals(1, deliveries(jobs.hook().id()).size());
    assertEquals(0, deliveries(comments.hook().id()).size());
    TaskQueue.Task deliver = runNext();
    assertEquals(HookService.DELIVER_HANDLER, deliver.handler());
    assertEquals(1, received.get());
    assertEquals(HookDelivery.SUCCEEDED, deliveries(jobs.hook().id()).get(0).status());
  }

  @Test
  void eachFailedAttemptSchedulesTheNextAfterADoublingWaitUntilTheLastThenTheDeliveryFails() throws Exception {
    IssuedHook h = hook(List.of("job.completed"));
    status.set(503);
    hooks.test("alice", project, h.hook().id());
    Instant start = clock.instant();
    runNext();
    TaskQueue.Task second = queue.pending.get(0);
    assertEquals(start.plusSeconds(5), second.scheduleTime(), "first wait: HOOK_MIN_BACKOFF");
    assertEquals(2, second.payload().get("attempt").getAsInt());
    HookDelivery d = deliveries(h.hook().id()).get(0);
    assertEquals(HookDelivery.PENDING, d.status());
    assertEquals(start.plusSeconds(5), d.nextAttemptAt());
    clock.advance(Duration.ofSeconds(5));
    runNext();
    assertEquals(clock.instant().plusSeconds(8), queue.pending.get(0).scheduleTime(), "doubled to 10 s, capped at 8 s");
    clock.advance(Duration.ofSeconds(8));
    runNext();
    assertTrue(queue.pending.isEmpty(), "HOOK_MAX_ATTEMPTS is 3: no fourth attempt");
    d = deliveries(h.hook().id()).get(0);
    assertEquals(HookDelivery.FAILED, d.status());
    assertEquals(List.of("retrying", "retrying", "failed"), d.attempts().stream().map(HookDelivery.Attempt::outcome).toList());
    assertEquals(503, d.lastStatusCode());
    assertEquals(3, received.get());
  }

  @Test
  void failedMessagesInARowSwitchTheWebhookOffAndNothingMoreIsSentToIt() throws Exception {
    IssuedHook h = hook(List.of("job.completed"));
    status.set(500);
    for (int i = 0; i < 2; i++) {
      hooks.test("alice", project, h.hook().id());
      while (!queue.pending.isEmpty()) {
        runNext();
      }
    }
    assertFalse(hooks.get("alice", project, h.hook().id()).enabled(), "HOOK_DISABLE_AFTER is 2");
    assertThrows(ApiException.class, () -> hooks.test("alice", project, h.hook().id()));
    int before = received.get();
    hooks.emit(project, HookEventType.JOB_COMPLETED, "job/j2", new JsonObject());
    while (!queue.pending.isEmpty()) {
      runNext();
    }
    assertEquals(before, received.get(), "a switched-off webhook is sent nothing");
  }

  @Test
  void aSendAgainIsANewRoundWhoseTasksDoNotCollideWithTheFirstRounds() throws Exception {
    IssuedHook h = hook(List.of("job.completed"));
    status.set(500);
    hooks.test("alice", project, h.hook().id());
    while (!queue.pending.isEmpty()) {
      clock.advance(Duration.ofSeconds(10));
      runNext();
    }
    HookDelivery failed = deliveries(h.hook().id()).get(0);
    status.set(200);
    HookDelivery again = hooks.resend("alice", project, h.hook().id(), failed.id());
    assertEquals(1, again.round());
    assertThrows(ApiException.class, () -> hooks.resend("alice", project, h.hook().id(), failed.id()),
        "a pending delivery is not sent again");
    runNext();
    HookDelivery done = deliveries(h.hook().id()).get(0);
    assertEquals(HookDelivery.SUCCEEDED, done.status());
    assertEquals(failed.messageId(), done.messageId());
    assertEquals(4, done.attemptCount());
  }
}
