package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import dev.contentcreator.local.HooksBlackBoxTest.Receiver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An item that fails for good reaches the webhooks that want {@code item.failed}, signed, with the
 * job and the reason, and the job's end follows as {@code job.completed} with status failed. The
 * server's demo provider fails every call (DEMO_FAILURE_RATE=1) and an item has two attempts.
 */
class HookItemFailedBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Receiver receiver;
  static Person alice;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    receiver = new Receiver();
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "HOOKS_ALLOW_HTTP_LOOPBACK", "true", "QUEUE_POLL_INTERVAL", "100ms", "DEMO_FAILURE_RATE", "1",
        "GENERATION_MAX_ATTEMPTS", "2", "GENERATION_MIN_BACKOFF", "100ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static List<HooksBlackBoxTest.Received> await(String path, int count) throws Exception {
    for (int i = 0; i < 300 && receiver.at(path).size() < count; i++) {
      Thread.sleep(100);
    }
    List<HooksBlackBoxTest.Received> got = receiver.at(path);
    assertTrue(got.size() >= count, "expected " + count + " messages on " + path + ", got " + got.size());
    return got;
  }

  @Test
  void anItemThatFailsForGoodIsSentAsItemFailedThenTheJobsEnd() throws Exception {
    String project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Failing\"}").expect(201).object()
        .get("id").getAsString();
    JsonObject failed = api.post("/api/projects/" + project + "/hooks", alice.idToken(),
        "{\"url\":\"" + receiver.url("/failed") + "\",\"events\":[\"item.failed\"]}").expect(201).object();
    api.post("/api/projects/" + project + "/hooks", alice.idToken(),
        "{\"url\":\"" + receiver.url("/ended") + "\",\"events\":[\"job.completed\"]}").expect(201);
    String jobId = api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"This will not work\"}", Map.of("Idempotency-Key", "hooks-fail-1"))
        .expect(202).object().get("id").getAsString();

    HooksBlackBoxTest.Received message = await("/failed", 1).get(0);
    assertTrue(HooksBlackBoxTest.verifies(failed.get("secret").getAsString(), message), "signed as the spec says");
    JsonObject body = JsonParser.parseString(message.body()).getAsJsonObject();
    assertEquals("item.failed", body.get("type").getAsString());
    assertEquals(jobId, body.getAsJsonObject("data").get("jobId").getAsString());
    assertTrue(body.getAsJsonObject("data").has("reason"), body.toString());

    JsonObject ended = JsonParser.parseString(await("/ended", 1).get(0).body()).getAsJsonObject();
    assertEquals("failed", ended.getAsJsonObject("data").get("status").getAsString());
    assertEquals(1, receiver.at("/failed").size(), "one message for the one failed item");
  }
}
