package dev.contentcreator.local;

import static dev.contentcreator.local.FakeProviders.Chat.BAD_REQUEST;
import static dev.contentcreator.local.FaultRig.images;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly limits hold however fast the requests come: a job's worst case is reserved when it
 * is accepted, so jobs posted at once cannot all pass a limit; what an item does not use comes
 * back when it fails or is cancelled; and a batch run is charged to the person who started it.
 * Images on the demo provider (slow, two at a time, so jobs stay in flight), text on a fake OpenAI.
 */
class QuotaReservationBlackBoxTest {
  private static final int IMAGE_LIMIT = 15;
  private static final int TOKEN_LIMIT = 10_000;

  @TempDir static Path data;
  static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start(data, Map.of(
        "QUOTA_IMAGES_PER_MONTH", Integer.toString(IMAGE_LIMIT),
        "QUOTA_TOKENS_PER_MONTH", Integer.toString(TOKEN_LIMIT),
        "GENERATION_MAX_ITEMS", "10",
        "GENERATION_CONCURRENCY", "2",
        "DEMO_LATENCY", "400ms",
        "DEMO_CHUNK_DELAY", "0ms"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  static String text(int count, int maxTokens, String prompt) {
    return "{\"kind\":\"text\",\"prompt\":\"" + prompt + "\",\"count\":" + count + ",\"options\":{\"maxTokens\":\""
        + maxTokens + "\"}}";
  }

  static void assertQuotaRefusal(Answer a) {
    assertEquals(429, a.status(), a.raw().body());
    assertTrue(a.header("Content-Type").startsWith("application/problem+json"), a.header("Content-Type"));
    assertEquals(429, a.object().get("status").getAsInt());
    assertTrue(a.object().has("type") && a.object().has("title") && a.object().has("detail"), a.raw().body());
    assertTrue(a.raw().headers().firstValue("Retry-After").isPresent(), "a refusal says when to come back");
  }

  @Test
  void tenImageJobsPostedAtOnceCannotAllPassTheMonthlyLimit() throws Exception {
    Owner owner = rig.newOwner("burst");
    int jobs = 10;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < jobs; i++) {
        String prompt = "A lighthouse, take " + i;
        answers.add(pool.submit(() -> {
          go.await();
          return rig.generate(owner, images(each, prompt), UUID.randomUUID().toString());
        }));
      }
      go.countDown();
      List<String> accepted = new ArrayList<>();
      for (Future<Answer> f : answers) {
        Answer a = f.get();
        if (a.status() == 202) {
          accepted.add(a.object().get("id").getAsString());
        } else {
          assertQuotaRefusal(a);
        }
      }
      assertTrue(accepted.size() * each <= IMAGE_LIMIT,
          accepted.size() + " jobs of " + each + " images were accepted under a limit of " + IMAGE_LIMIT);
      assertEquals(1, accepted.size(), "the first job fits");

      JsonObject held = rig.usage(owner);
      assertEquals(each, held.get("reservedImages").getAsLong() + held.get("images").getAsLong(), held::toString);
      for (String id : accepted) {
        assertEquals("completed", rig.awaitEnd(owner, id, Duration.ofSeconds(90)).get("status").getAsString());
      }
      JsonObject after = rig.usage(owner);
      assertEquals(each, after.get("images").getAsLong(), after::toString);
      assertEquals(0, after.get("reservedImages").getAsLong(), "every item settled: " + after);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTextJobIsRefusedWhenItsWorstCaseOfTokensWouldPassTheLimit() throws Exception {
    Owner owner = rig.newOwner("tokens");
    // Ten items that may each write 2,000 tokens: 20,000 and more, past a limit of 10,000 that
    // nothing has used yet.
    Answer a = rig.generate(owner, text(10, 2000, "Describe the sea " + FaultRig.marker("tokens")),
        UUID.randomUUID().toString());
    assertQuotaRefusal(a);
    JsonObject usage = rig.usage(owner);
    assertEquals(0, usage.get("reservedTokens").getAsLong(), usage::toString);
  }

  @Test
  void cancellingAJobGivesBackWhatItsUnfinishedItemsHeld() throws Exception {
    Owner owner = rig.newOwner("cancel");
    String first = rig.startJob(owner, images(10, "A harbour at dusk"));
    JsonObject held = rig.usage(owner);
    assertEquals(10, held.get("reservedImages").getAsLong() + held.get("images").getAsLong(), held::toString);
    assertQuotaRefusal(rig.generate(owner, images(10, "A harbour at noon"), UUID.randomUUID().toString()));

    rig.api.post("/api/projects/" + owner.projectId() + "/generations/" + first + "/cancel", owner.token(), null)
        .expect(200);
    JsonObject ended = rig.awaitJob(owner, first, Duration.ofSeconds(60), j -> FaultRig.items(j).stream()
        .allMatch(i -> List.of("completed", "failed", "cancelled").contains(i.get("status").getAsString())));
    int made = ended.get("completed").getAsInt();
    assertTrue(ended.get("cancelled").getAsInt() > 0, "some items were cancelled before they ran: " + ended);
    JsonObject after = rig.usage(owner);
    assertEquals(made, after.get("images").getAsLong(), after::toString);
    assertEquals(0, after.get("reservedImages").getAsLong(), "the cancelled items gave back their share: " + after);

    int fits = Math.min(10, IMAGE_LIMIT - made);
    String next = rig.startJob(owner, images(fits, "A harbour at night"));
    assertEquals("completed", rig.awaitEnd(owner, next, Duration.ofSeconds(90)).get("status").getAsString());
  }

  @Test
  void failedItemsGiveBackWhatTheyHeld() throws Exception {
    Owner owner = rig.newOwner("failures");
    String marker = FaultRig.marker("failures");
    rig.fake.scriptChat(marker, BAD_REQUEST, BAD_REQUEST, BAD_REQUEST, BAD_REQUEST);
    // Four items of up to 2,000 tokens: about 8,000 of the 10,000 held while they run.
    String body = text(4, 2000, "Name a colour " + marker);
    String jobId = rig.startJob(owner, body);
    assertQuotaRefusal(rig.generate(owner, text(4, 2000, "Name a colour again " + marker),
        UUID.randomUUID().toString()));
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(60));
    assertEquals("failed", job.get("status").getAsString(), job::toString);
    JsonObject after = rig.usage(owner);
    assertEquals(0, after.get("reservedTokens").getAsLong(), "failed items hold nothing: " + after);
    assertEquals(0, after.get("inputTokens").getAsLong() + after.get("outputTokens").getAsLong(), after::toString);

    String again = rig.startJob(owner, text(4, 2000, "Name a colour once more " + marker));
    assertEquals("completed", rig.awaitEnd(owner, again, Duration.ofSeconds(60)).get("status").getAsString());
  }

  @Test
  void aBatchRunIsChargedToTheEditorWhoStartedItNotToItsCreator() throws Exception {
    Owner creator = rig.newOwner("batch-creator");
    Person editor = Invitations.join(rig.api, creator.person(), creator.projectId(), Emulator.signUp("batch-runner"),
        "editor");
    String template = rig.api.post("/api/templates", creator.token(), "{\"projectId\":\"" + creator.projectId()
        + "\",\"name\":\"Pic\",\"kind\":\"image\",\"body\":\"A poster of {{thing}}\",\"variables\":["
        + "{\"name\":\"thing\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id").getAsString();
    String batch = rig.api.post("/api/projects/" + creator.projectId() + "/batches", creator.token(),
        "{\"name\":\"Posters\",\"templateId\":\"" + template + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"UTC\","
        + "\"provider\":\"demo\",\"options\":{\"size\":\"256x256\"},"
        + "\"rows\":[{\"thing\":\"a bike\"},{\"thing\":\"a boat\"},{\"thing\":\"a kite\"}]}").expect(201).object()
        .get("id").getAsString();

    runAndAwait(creator, batch, editor);
    JsonObject runner = rig.api.get("/api/me", editor.idToken()).expect(200).object().getAsJsonObject("usage");
    JsonObject owner = rig.usage(creator);
    assertEquals(3, runner.get("images").getAsLong(), "the person who pressed run pays: " + runner);
    assertEquals(0, owner.get("images").getAsLong(), "the batch's creator is not charged: " + owner);

    // Only the owner may have the creator pay for every run.
    assertEquals(403, rig.api.patch("/api/projects/" + creator.projectId(), editor.idToken(),
        "{\"batchRunsChargeCreator\":true}").status());
    rig.api.patch("/api/projects/" + creator.projectId(), creator.token(), "{\"batchRunsChargeCreator\":true}")
        .expect(200);
    // The same rows again are served from the project's cache: they count as items, not images.
    runAndAwait(creator, batch, editor);
    assertEquals(3, rig.api.get("/api/me", editor.idToken()).expect(200).object().getAsJsonObject("usage")
        .get("items").getAsLong(), "the runner pays nothing more");
    assertEquals(3, rig.usage(creator).get("items").getAsLong(), "the owner allowed charging the creator");
  }

  private static void runAndAwait(Owner project, String batch, Person who) throws Exception {
    // A press within a few seconds of the last manual run answers that run (200) instead of starting one.
    Api.Answer pressed = null;
    for (int i = 0; i < 40 && (pressed == null || pressed.status() == 200); i++) {
      if (pressed != null) {
        Thread.sleep(250);
      }
      pressed = rig.api.post("/api/projects/" + project.projectId() + "/batches/" + batch + "/run", who.idToken(), null);
    }
    String run = pressed.expect(201).object().get("id").getAsString();
    JsonObject last = null;
    for (int i = 0; i < 600; i++) {
      last = rig.api.get("/api/projects/" + project.projectId() + "/batches/" + batch + "/runs", who.idToken())
          .expect(200).object().getAsJsonArray("items").get(0).getAsJsonObject();
      if (last.get("id").getAsString().equals(run) && last.has("status")
          && List.of("completed", "failed", "cancelled").contains(last.get("status").getAsString())) {
        assertEquals("completed", last.get("status").getAsString(), last.toString());
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not end: " + last);
  }
}
