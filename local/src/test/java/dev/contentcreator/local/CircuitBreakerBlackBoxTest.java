package dev.contentcreator.local;

import static dev.contentcreator.local.FakeProviders.CHAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.FakeProviders.Chat;
import dev.contentcreator.local.FaultRig.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAI's circuit, seen from outside: when every call fails, the breaker opens and new text
 * generations are refused at once with 503 and Retry-After instead of queueing work that cannot
 * succeed; once its delay has passed and OpenAI answers again, the circuit closes by itself.
 */
class CircuitBreakerBlackBoxTest {
  private static final Duration BREAKER_DELAY = Duration.ofSeconds(3);
  /**
   * The product's failure rate (GUARD_BREAKER_FAILURE_RATE 50), counted here from 10 calls (the
   * product waits for 20) to keep the test short: with every call failing, it opens once 10 have failed.
   */
  private static final int BREAKER_FAILURES = 10;

  @TempDir static Path data;
  static FaultRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = FaultRig.start(data, Map.of("GUARD_BREAKER_DELAY", BREAKER_DELAY.toSeconds() + "s",
        "GUARD_BREAKER_FAILURE_RATE", "50", "GUARD_BREAKER_MIN_CALLS", Integer.toString(BREAKER_FAILURES)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aFailingProviderOpensTheCircuitAndItClosesByItselfOnceTheProviderRecovers() throws Exception {
    Owner owner = rig.newOwner("circuit");
    String marker = FaultRig.marker("circuit");
    String body = "{\"kind\":\"text\",\"prompt\":\"Name a bakery " + marker + "\",\"count\":2}";
    rig.fake.answerUnscriptedChats(Chat.SERVER_ERROR);
    rig.startJob(owner, body);
    awaitCalls(marker, BREAKER_FAILURES, Duration.ofSeconds(30));

    Answer refused = awaitRefusal(owner, body, Duration.ofSeconds(30));
    int callsWhenRefused = rig.fake.calls(CHAT, marker).size();

    assertTrue(callsWhenRefused >= BREAKER_FAILURES, () -> "the breaker counted its failures first:\n" + rig.fake.describe(marker));
    assertEquals("/problems/provider-unavailable", refused.object().get("type").getAsString(), refused.raw()::body);
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= BREAKER_DELAY.toSeconds(), "Retry-After " + retryAfter);

    rig.fake.answerUnscriptedChats(Chat.STREAM);
    Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(200).toMillis());
    Answer accepted = rig.generate(owner, body.replace(marker, marker + " again"), UUID.randomUUID().toString());

    assertEquals(202, accepted.status(), accepted.raw()::body);
    JsonObject job = rig.awaitEnd(owner, accepted.object().get("id").getAsString(), Duration.ofSeconds(60));
    assertEquals("completed", job.get("status").getAsString(), () -> job + "\n" + rig.fake.describe(marker));
  }

  private static void awaitCalls(String marker, int calls, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (rig.fake.calls(CHAT, marker).size() < calls) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("OpenAI was called fewer than " + calls + " times:\n" + rig.fake.describe(marker));
      }
      Thread.sleep(50);
    }
  }

  /** Asks for new generations until one is refused as unavailable; fails if none is within {@code limit}. */
  private static Answer awaitRefusal(Owner owner, String body, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      Answer a = rig.generate(owner, body, UUID.randomUUID().toString());
      if (a.status() == 503) {
        return a;
      }
      assertEquals(202, a.status(), a.raw()::body);
      Thread.sleep(100);
    }
    throw new AssertionError("new generations were still accepted after " + limit + ":\n"
        + rig.fake.describe("circuit-"));
  }
}
