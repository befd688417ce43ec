package dev.contentcreator.functions.generations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.generation.FanOut;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.JobLedger;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.EventHandler.Event;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.usage.Limits;
import dev.contentcreator.core.usage.UsageService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.queue.SqliteTaskQueue;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel leaves no item without a way to end: the items it does not end itself within its budget
 * (running ones, or those past the budget) are handed to runners through the fan-out, even when
 * the job's own event has not come yet or the job enqueues its items a few at a time.
 */
class JobCancelTest {
  @TempDir Path dir;
  private final Instant now = Instant.parse("2026-12-04T10:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private SqliteDocumentStore store;
  private SqliteTaskQueue tasks;
  private final List<JsonObject> published = new ArrayList<>();
  private GenerationService generation;

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("cc.db"));
    tasks = SqliteTaskQueue.open(dir.resolve("cc.db"));
    store.transaction(tx -> {
      tx.set(ProjectService.MEMBERS, Member.documentId("p1", "u1"), Json.toTree(new Member("p1", "u1", Role.OWNER,
          "u1@example.com", "U", "u1", now, now)).getAsJsonObject());
      return null;
    });
    UsageService usage = new UsageService(store, Limits.from(Config.of(Map.of())), clock);
    ProjectService projects = new ProjectService(store, new UserService(store, clock), clock);
    EventBus events = (topic, data, attributes) -> {
      published.add(data);
      return "m" + published.size();
    };
    generation = new GenerationService(store, projects, new TemplateService(store, projects, clock), usage,
        () -> null, () -> null, () -> events, GenerationSettings.from(Config.of(Map.of())), clock);
  }

  @AfterEach
  void close() {
    tasks.close();
    store.close();
  }

  /** A job of {@code items} queued items, the first {@code running} of them claimed by a runner. */
  private void storeJob(String jobId, int items, int running, int cap) {
    GenerationJob job = GenerationJob.builder().id(jobId).project("p1", "u1")
        .maker(ContentKind.TEXT, "demo", "demo-text", true).status(GenerationJob.Status.RUNNING).itemCount(items)
        .request("prompt", "", Map.of()).batch(cap > 0 ? "b1" : null, cap, 0).times(now, now).build();
    store.transaction(tx -> {
      JobLedger.open(tx, job, Collections.nCopies(items, Reservation.NONE), List.of());
      return null;
    });
    for (int i = 0; i < running; i++) {
      GenerationItem claimed = GenerationItem.queued(jobId, "p1", i, null, Reservation.NONE, now)
          .claimed("runner", 1, now.plusSeconds(60), now);
      store.set(Jobs.ITEMS, claimed.id(), Json.toTree(claimed).getAsJsonObject());
    }
  }

  @Test
  void aRunningItemLeftByTheCancelIsHandedToRunnersWithTheRestOfItsCappedJob() {
    storeJob("job1", 4, 1, 1);
    generation.cancel("u1", "p1", "job1");
    assertEquals(1, published.size(), "the job's event again, for the item the cancel could not end");
    assertEquals("job1", published.get(0).get("jobId").getAsString());
    // The fan-out, told of it, gives the one open item its task (the job's cap no longer counts).
    new FanOut(store, () -> tasks, clock)
        .handle(new Event("m1", GenerationSettings.TOPIC, published.get(0), Map.of(), now, 1));
    assertEquals(1, tasks.stats(GenerationSettings.QUEUE).pending());
    assertEquals(3, cancelledItems("job1"), "the three waiting items ended in the cancel");
  }

  @Test
  void aCancelThatEndsEveryItemItselfPublishesNothing() {
    storeJob("job2", 3, 0, 0);
    generation.cancel("u1", "p1", "job2");
    assertEquals(List.of(), published);
    assertEquals(3, cancelledItems("job2"));
  }

  private long cancelledItems(String jobId) {
    return Jobs.items(store, jobId).stream().filter(i -> i.status() == GenerationItem.Status.CANCELLED).count();
  }
}
