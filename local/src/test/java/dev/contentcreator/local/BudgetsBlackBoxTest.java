package dev.contentcreator.local;

import static dev.contentcreator.local.FaultRig.images;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import dev.contentcreator.local.FaultRig.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets hold however fast jobs come: each job's worst-case cost is reserved against the project's
 * monthly budget and the member's cap in the transaction that accepts it, so twenty jobs posted at
 * once never commit more than the budget; a member's cap stops that member only; the 80% warning
 * comes with each job past it and reaches the owners once a month. The demo provider is priced
 * here by PRICE_TABLE ($0.10 an image), and slowed so that jobs stay in flight.
 */
class BudgetsBlackBoxTest {
  private static final long IMAGE = 100_000;

  @TempDir static Path data;
  static FaultRig rig;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    rig = FaultRig.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "PRICE_TABLE", "{\"demo/*\":{\"image\":0.10,\"input\":0,\"output\":0}}",
        "GENERATION_CONCURRENCY", "2",
        "DEMO_LATENCY", "300ms",
        "DEMO_CHUNK_DELAY", "0ms",
        // Twenty acceptances at once hold Firestore's locks for tens of seconds on the emulator; a
        // fan-out that failed on all its deliveries is picked up by the sweep, as in production.
        "JOBS_SWEEP", "5s"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  static void setBudget(Owner owner, String body) throws Exception {
    rig.api.send("PUT", "/api/projects/" + owner.projectId() + "/budget", owner.token(), body, Map.of()).expect(200);
  }

  static JsonObject budget(Owner owner) throws Exception {
    return rig.api.get("/api/projects/" + owner.projectId() + "/budget", owner.token()).expect(200).object();
  }

  static void assertBudgetRefusal(Answer a, String which) {
    assertEquals(409, a.status(), a.raw().body());
    assertTrue(a.header("Content-Type").startsWith("application/problem+json"), a.header("Content-Type"));
    assertEquals("budget-exceeded", a.object().get("type").getAsString().replaceAll(".*/", ""), a.raw().body());
    String detail = a.object().get("detail").getAsString();
    assertTrue(detail.contains(which), "the refusal names the budget: " + detail);
    assertTrue(detail.contains("is left"), "the refusal says how much is left: " + detail);
  }

  @Test
  void twentyJobsPostedAtOnceNeverCommitMoreThanTheBudget() throws Exception {
    Owner owner = rig.newOwner("budget-burst");
    setBudget(owner, "{\"monthlyMicros\":" + (10 * IMAGE) + "}");
    int jobs = 20;
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < jobs; i++) {
        String prompt = "A windmill, take " + i;
        answers.add(pool.submit(() -> {
          go.await();
          return rig.generate(owner, images(1, prompt), UUID.randomUUID().toString());
        }));
      }
      go.countDown();
      List<String> accepted = new ArrayList<>();
      for (Future<Answer> f : answers) {
        Answer a = f.get();
        if (a.status() == 202) {
          accepted.add(a.object().get("id").getAsString());
        } else {
          assertBudgetRefusal(a, "the project's monthly budget");
        }
        JsonObject line = budget(owner).getAsJsonObject("project");
        assertTrue(line.get("spentMicros").getAsLong() + line.get("reservedMicros").getAsLong() <= 10 * IMAGE,
            "spent and held never pass the budget: " + line);
      }
      assertEquals(10, accepted.size(), "exactly the jobs that fit were accepted");
      for (String id : accepted) {
        assertEquals("completed", rig.awaitEnd(owner, id, Duration.ofSeconds(120)).get("status").getAsString());
      }
      JsonObject after = budget(owner).getAsJsonObject("project");
      assertEquals(10 * IMAGE, after.get("spentMicros").getAsLong(), after::toString);
      assertEquals(0, after.get("reservedMicros").getAsLong(), "every item settled: " + after);
      assertEquals(0, after.get("remainingMicros").getAsLong(), after::toString);
      assertBudgetRefusal(rig.generate(owner, images(1, "One more windmill"), UUID.randomUUID().toString()),
          "the project's monthly budget");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMemberCapStopsThatMemberButNotAnother() throws Exception {
    Owner owner = rig.newOwner("budget-cap");
    Person editor = Invitations.join(rig.api, owner.person(), owner.projectId(), Emulator.signUp("capped-editor"),
        "editor");
    setBudget(owner, "{\"memberCapMicros\":" + (2 * IMAGE) + "}");
    Answer first = rig.api.send("POST", "/api/projects/" + owner.projectId() + "/generations", editor.idToken(),
        images(2, "A red kite"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertEquals(202, first.status(), first.raw().body());
    Answer over = rig.api.send("POST", "/api/projects/" + owner.projectId() + "/generations", editor.idToken(),
        images(1, "A blue kite"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertBudgetRefusal(over, "your monthly cap in this project");
    // The owner has spent nothing of their own cap: the editor's spending does not stop them.
    Answer owners = rig.generate(owner, images(2, "A green kite"), UUID.randomUUID().toString());
    assertEquals(202, owners.status(), owners.raw().body());

    // The editor sees their own line only; the owner sees both, with the editor's at the cap.
    JsonObject mine = rig.api.get("/api/projects/" + owner.projectId() + "/budget", editor.idToken()).expect(200)
        .object();
    assertEquals(1, mine.getAsJsonArray("members").size(), mine::toString);
    JsonObject all = budget(owner);
    assertEquals(2, all.getAsJsonArray("members").size(), all::toString);
    for (JsonElement e : all.getAsJsonArray("members")) {
      JsonObject m = e.getAsJsonObject();
      assertEquals(2 * IMAGE, m.get("spentMicros").getAsLong() + m.get("reservedMicros").getAsLong(), all::toString);
      assertEquals(0, m.get("remainingMicros").getAsLong(), all::toString);
    }
    // Only an owner sets the budget.
    assertEquals(403, rig.api.send("PUT", "/api/projects/" + owner.projectId() + "/budget", editor.idToken(),
        "{\"memberCapMicros\":0}", Map.of()).status());
  }

  @Test
  void theWarningComesPastEightyPercentAndReachesTheOwnersOnce() throws Exception {
    Owner owner = rig.newOwner("budget-warn");
    setBudget(owner, "{\"monthlyMicros\":" + (10 * IMAGE) + "}");
    Answer seventy = rig.generate(owner, images(7, "A quiet pond"), UUID.randomUUID().toString());
    assertEquals(202, seventy.status(), seventy.raw().body());
    assertFalse(seventy.object().has("budgetWarning"), "70% brings no warning: " + seventy.raw().body());
    assertEquals(0, budgetNotices(owner));

    Answer eighty = rig.generate(owner, images(1, "A quiet lake"), UUID.randomUUID().toString());
    assertEquals(202, eighty.status(), eighty.raw().body());
    JsonObject warning = eighty.object().getAsJsonObject("budgetWarning");
    assertEquals("project", warning.get("scope").getAsString(), warning::toString);
    assertEquals(80, warning.get("percentUsed").getAsInt(), warning::toString);
    assertEquals(2 * IMAGE, warning.get("remainingMicros").getAsLong(), warning::toString);

    Answer ninety = rig.generate(owner, images(1, "A quiet sea"), UUID.randomUUID().toString());
    assertEquals(90, ninety.object().getAsJsonObject("budgetWarning").get("percentUsed").getAsInt());
    assertEquals(1, budgetNotices(owner), "the owners are told once this month");

    JsonObject forecast = rig.api.post("/api/projects/" + owner.projectId() + "/forecast", owner.token(),
        images(2, "A quiet river")).expect(200).object();
    assertEquals(2 * IMAGE, forecast.get("costMicros").getAsLong(), forecast::toString);
    assertFalse(forecast.get("fits").getAsBoolean(), "two more images pass the budget: " + forecast);
  }

  private static int budgetNotices(Owner owner) throws Exception {
    int n = 0;
    for (JsonElement e : rig.api.get("/api/me/notifications", owner.token()).expect(200).object()
        .getAsJsonArray("items")) {
      if (e.getAsJsonObject().get("kind").getAsString().equals("budget")) {
        n++;
      }
    }
    return n;
  }
}
