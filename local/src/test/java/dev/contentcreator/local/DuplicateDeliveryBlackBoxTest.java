package dev.contentcreator.local;

import static dev.contentcreator.local.FakeProviders.CHAT;
import static dev.contentcreator.local.FakeProviders.Chat.STREAM;
import static dev.contentcreator.local.FakeProviders.Chat.TOO_SLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queues deliver a task at least once: when the instance running an item stalls long enough for
 * its task's lease to run out, another instance receives the same task while the first is still
 * waiting on the provider. The item is claimed with a lease of its own before the paid call, so the
 * second delivery backs off instead of paying the provider again. Two servers share one SQLite
 * file here, as two instances share one Firestore; the first is frozen (SIGSTOP) mid-call.
 */
class DuplicateDeliveryBlackBoxTest {
  @TempDir Path first;
  @TempDir Path second;
  @TempDir Path shared;

  @Test
  void aSecondDeliveryOfAnItemsTaskDoesNotCallTheProviderAgain() throws Exception {
    Emulator.ensureRunning();
    try (FakeProviders fake = FakeProviders.start()) {
      fake.slowDelay(Duration.ofSeconds(6));
      String marker = FaultRig.marker("duplicate");
      fake.scriptChat(marker, TOO_SLOW, STREAM, STREAM);
      Map<String, String> env = new HashMap<>();
      env.put("OPENAI_API_KEY", FakeProviders.API_KEY);
      env.put("OPENAI_BASE_URL", fake.openAiBaseUrl());
      env.put("OPENAI_TIMEOUT", "60s");
      env.put("MODERATION", "false");
      env.put("SQLITE_PATH", shared.resolve("contentcreator.db").toString());
      env.put("QUEUE_LEASE", "2s");
      env.put("GENERATION_MIN_BACKOFF", "100ms");
      env.put("GENERATION_MAX_BACKOFF", "1s");
      env.put("GENERATION_ITEM_LEASE", "30s");
      env.put("GUARD_BREAKER_FAILURE_RATE", "0");
      env.put("GUARD_BREAKER_FAILURES", "1000");
      env.put("RATE_LIMIT_PER_USER", "100000/1m");
      env.put("RATE_LIMIT_PER_IP", "100000/1m");

      Person erin = Emulator.signUp("erin");
      String project;
      String job;
      try (ServerProcess a = ServerProcess.start(first, env)) {
        Api api = new Api(a.base());
        project = api.post("/api/projects", erin.idToken(), "{\"name\":\"Once\"}").expect(201).object().get("id")
            .getAsString();
        job = api.send("POST", "/api/projects/" + project + "/generations", erin.idToken(),
            "{\"kind\":\"text\",\"prompt\":\"Write a slogan " + marker + "\"}",
            Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).object().get("id").getAsString();
        Instant deadline = Instant.now().plusSeconds(60);
        while (fake.calls(CHAT, marker).isEmpty()) {
          if (Instant.now().isAfter(deadline)) {
            throw new AssertionError("the provider was never called:\n" + a.output());
          }
          Thread.sleep(20);
        }
        // The first server is at the provider: freeze it there, and let a second instance receive the task.
        a.pause();
        try (ServerProcess b = ServerProcess.start(second, env)) {
          Thread.sleep(8_000);
          a.resume();
          Api other = new Api(b.base());
          JsonObject end = null;
          for (int i = 0; i < 900 && end == null; i++) {
            JsonObject j = other.get("/api/projects/" + project + "/generations/" + job, erin.idToken()).expect(200)
                .object();
            if (List.of("completed", "failed", "cancelled").contains(j.get("status").getAsString())) {
              end = j;
            }
            Thread.sleep(100);
          }
          if (end == null) {
            throw new AssertionError("the job did not end\n" + fake.describe(marker));
          }
          assertEquals("completed", end.get("status").getAsString(), end::toString);
          Thread.sleep(2_000);
          assertEquals(1, fake.calls(CHAT, marker).size(),
              () -> "the provider was paid once for the item:\n" + fake.describe(marker));
          JsonObject usage = other.get("/api/me", erin.idToken()).expect(200).object().getAsJsonObject("usage");
          assertEquals(1, usage.get("items").getAsLong(), usage::toString);
        } finally {
          a.resume();
        }
      }
    }
  }
}
