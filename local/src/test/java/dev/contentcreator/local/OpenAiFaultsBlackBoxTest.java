package dev.contentcreator.local;

import static dev.contentcreator.local.FakeProviders.CHAT;
import static dev.contentcreator.local.FakeProviders.Chat.BAD_REQUEST;
import static dev.contentcreator.local.FakeProviders.Chat.NO_QUOTA;
import static dev.contentcreator.local.FakeProviders.Chat.OVERLOADED;
import static dev.contentcreator.local.FakeProviders.Chat.RATE_LIMITED;
import static dev.contentcreator.local.FakeProviders.Chat.SERVER_ERROR;
import static dev.contentcreator.local.FakeProviders.Chat.STREAM_CUT;
import static dev.contentcreator.local.FakeProviders.Chat.TOO_SLOW;
import static dev.contentcreator.local.FakeProviders.Chat.TRUNCATED_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.local.FakeProviders.Call;
import dev.contentcreator.local.FakeProviders.Chat;
import dev.contentcreator.local.FakeProviders.Completion;
import dev.contentcreator.local.FaultRig.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text generation through the running local server while a fake OpenAI misbehaves: rate limits,
 * server errors, overload, truncated JSON, streams cut off, answers slower than the timeout, and
 * refusals that must not be retried. The circuit never opens here (its threshold is out of reach),
 * so each test sees only its own faults. Retries are budgeted at 2 tries per attempt and 3 attempts.
 */
class OpenAiFaultsBlackBoxTest {
  private static final int TRIES_PER_ATTEMPT = 2;
  private static final int ATTEMPTS = 3;

  @TempDir static Path data;
  static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start(data, Map.of(
        "GUARD_ATTEMPTS", Integer.toString(TRIES_PER_ATTEMPT),
        "GENERATION_MAX_ATTEMPTS", Integer.toString(ATTEMPTS),
        "GUARD_BREAKER_FAILURES", "100000"));
    rig.fake.slowDelay(Duration.ofSeconds(5));
    // The server's first OpenAI call loads the SDK; a fault-free job pays for that here, so no
    // test's whole answer can outlast the 2 s timeout only because it came first.
    Owner warmUp = rig.newOwner("warm-up");
    JsonObject job = rig.awaitEnd(warmUp, rig.startJob(warmUp, textRequest("Say hello " + FaultRig.marker("warm-up"),
        1)), Duration.ofSeconds(60));
    assertEquals("completed", job.get("status").getAsString(), job::toString);
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  static String textRequest(String prompt, int count) {
    return "{\"kind\":\"text\",\"prompt\":\"" + prompt + "\",\"count\":" + count + "}";
  }

  @Test
  void everyItemOfAJobHitByTransientFaultsCompletesWithTheStreamedTextChargedOnce() throws Exception {
    Owner owner = rig.newOwner("mixed");
    String marker = FaultRig.marker("mixed");
    Chat[] faults = {RATE_LIMITED, SERVER_ERROR, OVERLOADED, TRUNCATED_JSON, STREAM_CUT,
        RATE_LIMITED, SERVER_ERROR, OVERLOADED, TRUNCATED_JSON, STREAM_CUT};
    rig.fake.scriptChat(marker, faults);
    int count = 12;

    String jobId = rig.startJob(owner, textRequest("Write a blurb for a coffee shop " + marker, count));
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(90));

    assertEquals("completed", job.get("status").getAsString(), () -> job + "\n" + rig.fake.describe(marker));
    assertEquals(count, job.get("completed").getAsInt(), job::toString);
    assertEquals(0, job.get("failed").getAsInt(), job::toString);
    assertEquals(0, rig.fake.scriptLeft(marker), "every scripted fault was met");
    List<Completion> streamed = rig.fake.completions(marker);
    assertEquals(count, streamed.size(), () -> "one whole stream per item, none twice:\n" + rig.fake.describe(marker));
    assertEquals(faults.length + count, rig.fake.calls(CHAT, marker).size(),
        () -> "each fault and each success once:\n" + rig.fake.describe(marker));

    List<String> stored = new ArrayList<>();
    for (JsonObject item : FaultRig.items(job)) {
      assertEquals("completed", item.get("status").getAsString(), item::toString);
      stored.add(rig.content(owner, item.get("contentId").getAsString()).getAsJsonObject("current").get("text")
          .getAsString());
    }
    assertEquals(streamed.stream().map(Completion::text).sorted().toList(), stored.stream().sorted().toList());

    JsonObject usage = rig.usage(owner);
    assertEquals(count, usage.get("items").getAsLong(), usage::toString);
    assertEquals(streamed.stream().mapToLong(Completion::promptTokens).sum(), usage.get("inputTokens").getAsLong(),
        usage::toString);
    assertEquals(streamed.stream().mapToLong(Completion::completionTokens).sum(),
        usage.get("outputTokens").getAsLong(), usage::toString);
  }

  @Test
  void aBadRequestAndAnExhaustedQuotaFailTheirItemsAtOnceWithReadableReasons() throws Exception {
    Owner owner = rig.newOwner("permanent");
    String marker = FaultRig.marker("permanent");
    rig.fake.scriptChat(marker, BAD_REQUEST, NO_QUOTA);

    String jobId = rig.startJob(owner, textRequest("Write a slogan " + marker, 2));
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(60));

    assertEquals("failed", job.get("status").getAsString(), job::toString);
    assertEquals(2, job.get("failed").getAsInt(), job::toString);
    List<Call> calls = rig.fake.calls(CHAT, marker);
    assertEquals(List.of("BAD_REQUEST", "NO_QUOTA"), calls.stream().map(Call::answer).sorted().toList(),
        () -> "one call per item, never retried:\n" + rig.fake.describe(marker));
    List<String> reasons = new ArrayList<>();
    for (JsonObject item : FaultRig.items(job)) {
      assertEquals("failed", item.get("status").getAsString(), item::toString);
      assertEquals(1, item.get("attempts").getAsInt(), () -> "not queued again: " + item);
      reasons.add(item.get("failureReason").getAsString());
    }
    assertTrue(reasons.contains("The OpenAI account has no credit left."), reasons::toString);
    assertTrue(reasons.contains("OpenAI rejected the request: Invalid value for 'temperature': must be at most 2."),
        reasons::toString);
    assertEquals(0, rig.usage(owner).get("items").getAsLong(), "a failed item costs nothing");
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsAbandonedAndTheRetryCompletesTheItem() throws Exception {
    Owner owner = rig.newOwner("slow-once");
    String marker = FaultRig.marker("slow-once");
    rig.fake.scriptChat(marker, TOO_SLOW);

    String jobId = rig.startJob(owner, textRequest("Describe a sunrise " + marker, 1));
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(60));

    assertEquals("completed", job.get("status").getAsString(), () -> job + "\n" + rig.fake.describe(marker));
    assertEquals(List.of("TOO_SLOW", "STREAM"), rig.fake.calls(CHAT, marker).stream().map(Call::answer).toList());
    List<Completion> streamed = rig.fake.completions(marker);
    assertEquals(1, streamed.size());
    String contentId = FaultRig.items(job).get(0).get("contentId").getAsString();
    assertEquals(streamed.get(0).text(), rig.content(owner, contentId).getAsJsonObject("current").get("text")
        .getAsString(), "the text is the retry's, not the late answer's");
  }

  @Test
  void anAnswerAlwaysSlowerThanTheTimeoutFailsTheItemSayingItTookTooLong() throws Exception {
    Owner owner = rig.newOwner("slow-always");
    String marker = FaultRig.marker("slow-always");
    Chat[] alwaysSlow = new Chat[TRIES_PER_ATTEMPT * ATTEMPTS + 4];
    Arrays.fill(alwaysSlow, TOO_SLOW);
    rig.fake.scriptChat(marker, alwaysSlow);

    String jobId = rig.startJob(owner, textRequest("Describe a sunset " + marker, 1));
    JsonObject job = rig.awaitEnd(owner, jobId, Duration.ofSeconds(90));

    assertEquals("failed", job.get("status").getAsString(), job::toString);
    assertEquals(TRIES_PER_ATTEMPT * ATTEMPTS, rig.fake.calls(CHAT, marker).size(),
        () -> "retried to the end of its budget:\n" + rig.fake.describe(marker));
    String reason = FaultRig.items(job).get(0).get("failureReason").getAsString();
    assertTrue(reason.contains("took too long"), reason);
    assertFalse(reason.contains("tried again") || reason.contains("will retry"),
        () -> "an item that has ended promises no retry: " + reason);
    assertTrue(rig.fake.completions(marker).isEmpty());
    assertEquals(0, rig.usage(owner).get("items").getAsLong());
  }
}
