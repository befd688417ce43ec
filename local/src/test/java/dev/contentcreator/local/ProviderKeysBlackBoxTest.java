package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import dev.contentcreator.testkit.http.FakeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's own provider keys from outside: owners set, replace and remove them and see only
 * whether one is set and its last four characters; editors, strangers and no token are refused;
 * the key is in no answer, no activity record, no log line and not in the clear on disk; and the
 * project's Anthropic items are made with its own key, then with the server's once it is removed.
 */
class ProviderKeysBlackBoxTest {
  static final String SERVER_KEY = "sk-ant-server-000000";
  static final String PROJECT_KEY = "sk-ant-project-Zq8LmWx4";
  static final String STREAM = String.join("\n\n",
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"type\":\"message\","
          + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,"
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
      "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Fresh bread daily.\"}}",
      "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}",
      "event: message_stop\ndata: {\"type\":\"message_stop\"}");

  @TempDir static Path data;
  static FakeApiServer anthropic;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person zed;
  static String project;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    anthropic = FakeApiServer.start("anthropic");
    anthropic.on("/v1/messages", FakeApiServer.sse(STREAM));
    server = ServerProcess.start(data, OnEmulators.with(Map.of(), "RATE_LIMIT_PER_USER", "10000/1m",
        "RATE_LIMIT_PER_IP", "10000/1m", "ANTHROPIC_API_KEY", SERVER_KEY, "ANTHROPIC_BASE_URL", anthropic.baseUrl(),
        "GENERATION_MIN_BACKOFF", "100ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    zed = Emulator.signUp("zed");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Keys\"}").expect(201).object()
        .get("id").getAsString();
    bob = Invitations.join(api, alice, project, bob, "editor");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (anthropic != null) {
      anthropic.close();
    }
  }

  private static String keyPath(String provider) {
    return "/api/projects/" + project + "/providers/" + provider + "/key";
  }

  private static Answer put(Person who, String provider, String body) throws Exception {
    return api.send("PUT", keyPath(provider), who == null ? null : who.idToken(), body, Map.of());
  }

  private static JsonObject listed(String provider) throws Exception {
    for (var e : api.get("/api/projects/" + project + "/providers", alice.idToken()).expect(200).object()
        .getAsJsonArray("items")) {
      if (e.getAsJsonObject().get("provider").getAsString().equals(provider)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no " + provider + " in the list");
  }

  private static String keySent(FakeApiServer.Recorded r) {
    String key = r.header("x-api-key");
    String auth = r.header("authorization");
    return key != null ? key : auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
  }

  private static JsonObject generate() throws Exception {
    String jobId = api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(),
        "{\"kind\":\"text\",\"provider\":\"anthropic\",\"prompt\":\"A bakery tagline " + UUID.randomUUID() + "\"}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).object().get("id").getAsString();
    for (int i = 0; i < 300; i++) {
      JsonObject job = api.get("/api/projects/" + project + "/generations/" + jobId, alice.idToken()).expect(200)
          .object();
      if (List.of("completed", "failed", "cancelled").contains(job.get("status").getAsString())) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " did not end");
  }

  @Test
  void anOwnersKeyIsUsedForTheProjectsItemsThenTheServersOnceRemoved() throws Exception {
    JsonObject set = put(alice, "anthropic", "{\"key\":\"" + PROJECT_KEY + "\"}").expect(200).object();
    assertEquals("anthropic", set.get("provider").getAsString());
    assertTrue(set.get("set").getAsBoolean());
    assertEquals("mWx4", set.get("last4").getAsString());
    assertFalse(set.toString().contains(PROJECT_KEY));
    assertEquals("mWx4", listed("anthropic").get("last4").getAsString());
    assertTrue(listed("anthropic").get("enabled").getAsBoolean(), "the server has Anthropic on");
    assertFalse(listed("gemini").get("enabled").getAsBoolean(), "the server has no Gemini key");

    JsonObject job = generate();
    assertEquals("completed", job.get("status").getAsString(), job::toString);
    assertEquals("anthropic", job.getAsJsonArray("items").get(0).getAsJsonObject().get("provider").getAsString());
    List<FakeApiServer.Recorded> calls = anthropic.requests();
    assertEquals(PROJECT_KEY, keySent(calls.get(calls.size() - 1)));

    api.delete(keyPath("anthropic"), alice.idToken()).expect(204);
    assertFalse(listed("anthropic").get("set").getAsBoolean());
    assertTrue(listed("anthropic").get("last4") == null || listed("anthropic").get("last4").isJsonNull());
    assertEquals("completed", generate().get("status").getAsString());
    calls = anthropic.requests();
    assertEquals(SERVER_KEY, keySent(calls.get(calls.size() - 1)));

    String activity = api.get("/api/projects/" + project + "/activity", alice.idToken()).expect(200).raw().body();
    assertTrue(activity.contains("provider.key_set") && activity.contains("provider.key_removed"), activity);
    assertFalse(activity.contains(PROJECT_KEY), activity);
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(PROJECT_KEY), "the key is in the clear in " + f);
      }
    }
  }

  @Test
  void onlyOwnersSeeOrChangeKeys() throws Exception {
    String body = "{\"key\":\"AIzaSyOwnKey-12345\"}";
    assertEquals(403, put(bob, "gemini", body).status());
    assertEquals(403, api.get("/api/projects/" + project + "/providers", bob.idToken()).status());
    assertEquals(403, api.delete(keyPath("gemini"), bob.idToken()).status());
    assertEquals(404, put(zed, "gemini", body).status());
    assertEquals(404, api.get("/api/projects/" + project + "/providers", zed.idToken()).status());
    assertEquals(404, api.delete(keyPath("gemini"), zed.idToken()).status());
    assertEquals(401, put(null, "gemini", body).status());
    assertFalse(listed("gemini").get("set").getAsBoolean());
  }

  @Test
  void badInputIsRefusedAndChangesNothing() throws Exception {
    assertEquals(400, put(alice, "gemini", "{\"key\":\"short\"}").status());
    assertEquals(400, put(alice, "gemini", "{\"key\":\"has spaces in it\"}").status());
    assertEquals(400, put(alice, "gemini", "{}").status());
    assertEquals(400, put(alice, "gemini", "{\"key\":\"AIzaSyOwnKey-12345\",\"extra\":1}").status());
    assertEquals(404, put(alice, "mistral", "{\"key\":\"AIzaSyOwnKey-12345\"}").status());
    assertFalse(listed("gemini").get("set").getAsBoolean());
  }
}
