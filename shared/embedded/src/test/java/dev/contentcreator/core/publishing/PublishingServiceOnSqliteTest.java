package dev.contentcreator.core.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.hooks.HookService;
import dev.contentcreator.core.hooks.HookSettings;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Publisher;
import dev.contentcreator.core.ports.Publisher.PublishException;
import dev.contentcreator.core.ports.Secrets;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishing service's tries on the SQLite store, with a connector whose answers the test
 * decides: two deliveries of one task send once, a try that died is taken over after its lease,
 * retries are tasks at the backoff, refusals fail at once, tasks of an earlier round do nothing, and
 * the calendar's listing spans a person's projects.
 */
class PublishingServiceOnSqliteTest {
  static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  @TempDir Path dir;
  DocumentStore documents;
  MutableClock clock = new MutableClock(T0);
  List<TaskQueue.Task> tasks = new CopyOnWriteArrayList<>();
  Scripted connector = new Scripted();
  PublishingService service;
  String project = "proj1";
  String item = "item1";
  String connection;

  /** A connector that answers as the test scripts it, counting the posts it made. */
  static final class Scripted implements Publisher {
    final Deque<Object> script = new ArrayDeque<>();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    volatile CountDownLatch entered;
    volatile CountDownLatch release;

    @Override
    public String channel() {
      return WordPressPublisher.CHANNEL;
    }

    @Override
    public void check(Target target) {}

    @Override
    public Result publish(Target target, Post post) throws PublishException {
      calls.incrementAndGet();
      if (entered != null) {
        entered.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Object next;
      synchronized (script) {
        next = script.poll();
      }
      if (next instanceof PublishException e) {
        throw e;
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
      posts.incrementAndGet();
      return new Result("42", "https://blog.example.org/" + post.key());
    }
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    documents = SqliteDocumentStore.open(dir.resolve("pub.db"));
    member(project, "alice", Role.OWNER);
    member(project, "bob", Role.EDITOR);
    text(project, item);
    Map<String, String> stored = new ConcurrentHashMap<>();
    Secrets secrets = new Secrets() {
      @Override
      public void put(String name, String value) {
        stored.put(name, value);
      }

      @Override
      public Optional<String> get(String name) {
        return Optional.ofNullable(stored.get(name));
      }

      @Override
      public void delete(String name) {
        stored.remove(name);
      }
    };
    TaskQueue queue = task -> {
      tasks.add(task);
      return true;
    };
    PublishingSettings settings = new PublishingSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(5),
        Duration.ofSeconds(10), true);
    ProjectService projects = new ProjectService(documents, new UserService(documents, clock), clock);
    HookService hooks = new HookService(documents, projects, () -> queue,
        () -> PublishingService.fetcher(settings), new HookSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(1), Duration.ZERO, 0, true), clock);
    service = new PublishingService(documents, projects, () -> {
      throw new IllegalStateException("no blobs in this test");
    }, () -> secrets, () -> queue, () -> PublishingService.fetcher(settings),
        Map.of(WordPressPublisher.CHANNEL, connector), () -> hooks, settings, clock);
    connection = service.createConnection("alice", project, new PublishingService.ConnectionRequest("wordpress", "Blog",
        "http://127.0.0.1:9", "editor", "app-password-1")).connection().id();
  }

  @AfterEach
  void tearDown() {
    documents.close();
  }

  private void member(String projectId, String uid, Role role) {
    documents.set(ProjectService.PROJECTS, projectId, Json.toTree(new Project(projectId, "P " + projectId, "", false,
        null, "alice", T0, T0, 1, false)).getAsJsonObject());
    documents.set(ProjectService.MEMBERS, Member.documentId(projectId, uid), Json.toTree(new Member(projectId, uid, role,
        uid + "@example.org", uid, "alice", T0, T0)).getAsJsonObject());
  }

  private void text(String projectId, String contentId) {
    documents.set(ContentService.CONTENTS, contentId, Json.toTree(new ContentItem(contentId, projectId, ContentKind.TEXT,
        "Spring launch", 1, 1, "Our range", null, false, "bob", T0, T0, 1)).getAsJsonObject());
    documents.set(ContentService.VERSIONS, ContentVersion.documentId(contentId, 1), Json.toTree(new ContentVersion(
        contentId, projectId, 1, "# Spring\n\nOur **new** range.", null, null, null, null, null, "edited", null, null,
        null, "bob", T0, null)).getAsJsonObject());
  }

  private Publication publish(Instant at) {
    return service.publish("bob", project, item, new PublishingService.PublishRequest(connection, "publish", at,
        List.of("news"), null));
  }

  private static JsonObject payload(String id, int round, int attempt) {
    JsonObject p = new JsonObject();
    p.addProperty("publicationId", id);
    p.addProperty("round", round);
    p.addProperty("attempt", attempt);
    return p;
  }

  private Publication stored(String id) {
    return service.get("bob", project, id);
  }

  private List<TaskQueue.Task> publishTasks() {
    return tasks.stream().filter(t -> t.handler().equals(PublishingService.HANDLER)).toList();
  }

  @Test
  void aSecondDeliveryOfATaskWhileTheFirstSendsPostsNothingAndIsAskedToComeBackAfterTheLease() throws Exception {
    Publication p = publish(null);
    connector.entered = new CountDownLatch(1);
    connector.release = new CountDownLatch(1);
    Thread first = new Thread(() -> {
      try {
        service.run(payload(p.id(), 0, 1));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    first.start();
    assertTrue(connector.entered.await(10, TimeUnit.SECONDS), "the first delivery is sending");
    TaskHandler.RetryLaterException busy = assertThrows(TaskHandler.RetryLaterException.class,
        () -> service.run(payload(p.id(), 0, 1)));
    assertTrue(busy.after().compareTo(Duration.ofSeconds(120)) >= 0, "after the lease: " + busy.after());
    connector.release.countDown();
    first.join(10_000);
    assertEquals(Publication.PUBLISHED, stored(p.id()).status());
    connector.entered = null;
    service.run(payload(p.id(), 0, 1));
    assertEquals(1, connector.calls.get(), "the second delivery, run again, finds it published");
    assertEquals(1, connector.posts.get());
    assertEquals("https://blog.example.org/" + p.id(), stored(p.id()).remoteUrl());
    assertTrue(tasks.stream().anyMatch(t -> t.handler().equals(HookService.EVENT_HANDLER)
        && t.payload().get("type").getAsString().equals("publish.succeeded")), "publish.succeeded is emitted");
  }

  @Test
  void aTryWhoseSenderDiedIsTakenOverOnceItsLeaseHasPassed() throws Exception {
    Publication p = publish(null);
    // What an instance that died after claiming the first try leaves behind: the try claimed and leased.
    documents.set(PublishingService.PUBLICATIONS, p.id(), Json.toTree(p.with(Publication.PUBLISHING, 0, 1,
        p.publishAt(), T0.plus(Duration.ofMinutes(2)), null, null, null, null, T0, null)).getAsJsonObject());
    assertThrows(TaskHandler.RetryLaterException.class, () -> service.run(payload(p.id(), 0, 1)));
    assertEquals(0, connector.calls.get(), "nothing is sent while the lease holds");
    clock.advance(Duration.ofMinutes(3));
    service.run(payload(p.id(), 0, 1));
    assertEquals(Publication.PUBLISHED, stored(p.id()).status());
    assertEquals(1, connector.posts.get());
  }

  @Test
  void aFailureThatMayPassIsTriedAgainByATaskAtTheBackoffUntilTheLastTry() throws Exception {
    Publication p = publish(null);
    for (int i = 0; i < 3; i++) {
      connector.script.add(new PublishException("WordPress failed (500) while asked to create the post", true, 500));
    }
    service.run(payload(p.id(), 0, 1));
    Publication waiting = stored(p.id());
    assertEquals(Publication.PUBLISHING, waiting.status());
    assertNull(waiting.leaseUntil());
    assertEquals(T0.plusSeconds(30), waiting.nextAttemptAt());
    assertTrue(waiting.error().startsWith("WordPress failed (500)"), waiting.error());
    TaskQueue.Task second = publishTasks().get(publishTasks().size() - 1);
    assertEquals("pub-" + p.id() + "-0-2", second.name());
    assertEquals(T0.plusSeconds(30), second.scheduleTime());

    service.run(second.payload());
    assertEquals(T0.plusSeconds(60), publishTasks().get(publishTasks().size() - 1).scheduleTime(), "the wait doubles");
    service.run(publishTasks().get(publishTasks().size() - 1).payload());
    Publication failed = stored(p.id());
    assertEquals(Publication.FAILED, failed.status());
    assertEquals("WordPress failed (500) while asked to create the post. Gave up after 3 tries.", failed.error());
    assertEquals(3, publishTasks().size(), "no task after the last try");
    assertEquals(0, connector.posts.get());
    assertTrue(tasks.stream().anyMatch(t -> t.handler().equals(HookService.EVENT_HANDLER)
        && t.payload().get("type").getAsString().equals("publish.failed")));
  }

  @Test
  void aFaultOfOursIsTriedAgainLikeAFailureThatMayPass() throws Exception {
    Publication p = publish(null);
    connector.script.add(new IllegalStateException("a bug"));
    service.run(payload(p.id(), 0, 1));
    Publication waiting = stored(p.id());
    assertEquals(Publication.PUBLISHING, waiting.status());
    assertNull(waiting.leaseUntil());
    assertEquals("pub-" + p.id() + "-0-2", publishTasks().get(publishTasks().size() - 1).name());
    service.run(payload(p.id(), 0, 2));
    assertEquals(Publication.PUBLISHED, stored(p.id()).status());
    assertEquals(1, connector.posts.get());
  }

  @Test
  void aRefusalFailsAtOnceWithItsReason() throws Exception {
    Publication p = publish(null);
    connector.script.add(new PublishException("WordPress refused the user name or application password (401)", false,
        401));
    service.run(payload(p.id(), 0, 1));
    Publication failed = stored(p.id());
    assertEquals(Publication.FAILED, failed.status());
    assertEquals("WordPress refused the user name or application password (401)", failed.error());
    assertEquals(1, failed.attempts());
    assertEquals(1, publishTasks().size());
  }

  @Test
  void aTaskOfAnEarlierRoundDoesNothingOnceTheTimeWasMoved() throws Exception {
    Publication p = publish(T0.plus(Duration.ofHours(1)));
    Publication moved = service.reschedule("bob", project, p.id(), T0.plus(Duration.ofHours(2)));
    assertEquals(1, moved.round());
    service.run(payload(p.id(), 0, 1));
    assertEquals(Publication.SCHEDULED, stored(p.id()).status());
    assertEquals(0, connector.calls.get());
    TaskQueue.Task now = publishTasks().get(publishTasks().size() - 1);
    assertEquals(T0.plus(Duration.ofHours(2)), now.scheduleTime());
    service.run(now.payload());
    assertEquals(Publication.PUBLISHED, stored(p.id()).status());
  }

  @Test
  void aCanceledPublicationIsNeverSent() throws Exception {
    Publication p = publish(T0.plus(Duration.ofHours(1)));
    assertEquals(Publication.CANCELED, service.cancel("bob", project, p.id()).status());
    service.run(payload(p.id(), 0, 1));
    service.run(payload(p.id(), 1, 1));
    assertEquals(0, connector.calls.get());
    assertEquals(Publication.CANCELED, stored(p.id()).status());
  }
}
