package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server killed in the middle of a job loses nothing it accepted, and charges nothing twice. */
class CrashRecoveryTest {
  @TempDir Path data;

  private static final Map<String, String> SLOW_DEMO = Map.of(
      "DEMO_LATENCY", "150ms", "DEMO_CHUNK_DELAY", "0ms", "GENERATION_CONCURRENCY", "4",
      "QUEUE_LEASE", "3s", "RATE_LIMIT_PER_USER", "100000/1m", "RATE_LIMIT_PER_IP", "100000/1m");

  @Test
  void aJobInterruptedByAKillFinishesAfterARestartWithEveryItemChargedOnce() throws Exception {
    Person alice = Emulator.signUp("alice");
    String project;
    String job;
    try (ServerProcess first = ServerProcess.start(data, SLOW_DEMO)) {
      Api api = new Api(first.base());
      project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Crash\"}").expect(201).object()
          .get("id").getAsString();
      job = api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(),
          "{\"kind\":\"text\",\"prompt\":\"Crash test " + UUID.randomUUID() + "\",\"count\":100}",
          Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).object().get("id").getAsString();
      int completed = 0;
      for (int i = 0; i < 300 && completed < 10; i++) {
        Thread.sleep(50);
        completed = api.get("/api/projects/" + project + "/generations/" + job, alice.idToken()).object()
            .get("completed").getAsInt();
      }
      assertTrue(completed >= 10 && completed < 100, "killed mid-job, after " + completed + " items");
      first.kill();
    }
    try (ServerProcess second = ServerProcess.start(data, SLOW_DEMO)) {
      Api api = new Api(second.base());
      JsonObject end = null;
      for (int i = 0; i < 1200; i++) {
        JsonObject j = api.get("/api/projects/" + project + "/generations/" + job, alice.idToken()).expect(200).object();
        if (List.of("completed", "failed", "cancelled").contains(j.get("status").getAsString())) {
          end = j;
          break;
        }
        Thread.sleep(100);
      }
      assertTrue(end != null, "the job ended after the restart");
      assertEquals(100, end.get("completed").getAsInt(), end.toString());
      JsonObject usage = api.get("/api/me", alice.idToken()).expect(200).object().getAsJsonObject("usage");
      assertEquals(100, usage.get("items").getAsLong(), "each item charged once: " + usage);
      Set<String> contents = new HashSet<>();
      String cursor = null;
      do {
        JsonObject page = api.get("/api/projects/" + project + "/contents?limit=100"
            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), alice.idToken())
            .expect(200).object();
        for (JsonElement e : page.getAsJsonArray("items")) {
          contents.add(e.getAsJsonObject().get("id").getAsString());
        }
        cursor = page.get("nextCursor").isJsonNull() ? null : page.get("nextCursor").getAsString();
      } while (cursor != null);
      assertEquals(100, contents.size(), "one content item per item, none twice");
    }
  }
}
