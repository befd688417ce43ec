package dev.contentcreator.local;

import static dev.contentcreator.local.FakeProviders.CHAT;
import static dev.contentcreator.local.FakeProviders.Chat.SERVER_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.local.FakeProviders.Call;
import dev.contentcreator.local.FaultRig.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a transient provider failure waits before its next try, on the product's guard settings:
 * in the queue, as the item task's next attempt, with its slot free for other work. The server runs
 * one provider call at a time (GENERATION_CONCURRENCY 1), and the queue waits 3 s between tries,
 * so a retry held inside the task would keep every other item waiting behind it.
 */
class RetrySlotsBlackBoxTest {
  @TempDir static Path data;
  static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start(data, Map.of("GENERATION_CONCURRENCY", "1", "GENERATION_MIN_BACKOFF", "3s",
        "GENERATION_MAX_BACKOFF", "3s"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  private static String text(String prompt) {
    return "{\"kind\":\"text\",\"prompt\":\"" + prompt + "\",\"count\":1}";
  }

  private static void await(String what, Duration limit, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (!done.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(end), "waited " + limit + " for " + what);
      Thread.sleep(20);
    }
  }

  @Test
  void aTransientFailureIsTriedAgainAsTheItemsNextAttemptWhileAnotherItemTakesTheFreeSlot() throws Exception {
    Owner owner = rig.newOwner("slots");
    String first = FaultRig.marker("first");
    String second = FaultRig.marker("second");
    rig.fake.scriptChat(first, SERVER_ERROR);

    String failing = rig.startJob(owner, text("Name a river " + first));
    await("the first item's failed call", Duration.ofSeconds(30), () -> !rig.fake.calls(CHAT, first).isEmpty());
    String other = rig.startJob(owner, text("Name a mountain " + second));
    JsonObject otherEnded = rig.awaitEnd(owner, other, Duration.ofSeconds(30));
    JsonObject failingEnded = rig.awaitEnd(owner, failing, Duration.ofSeconds(30));

    assertEquals("completed", otherEnded.get("status").getAsString(), otherEnded::toString);
    assertEquals("completed", failingEnded.get("status").getAsString(), failingEnded::toString);
    assertEquals(2, FaultRig.items(failingEnded).get(0).get("attempts").getAsInt(),
        () -> "the second try was the queue's second attempt, not a try within the first: " + failingEnded);
    List<Call> calls = rig.fake.calls(CHAT);
    List<Call> firstCalls = rig.fake.calls(CHAT, first);
    assertEquals(2, firstCalls.size(), calls::toString);
    int retried = calls.indexOf(firstCalls.get(1));
    int otherCall = calls.indexOf(rig.fake.calls(CHAT, second).get(0));
    assertTrue(otherCall < retried, () -> "the other item ran while the failed one waited for its next try: " + calls);
  }
}
