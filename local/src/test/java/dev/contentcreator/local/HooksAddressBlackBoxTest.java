package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address checks of outbound webhooks with the server as it runs in production: no
 * HOOKS_ALLOW_HTTP_LOOPBACK. A webhook to a loopback, private, link-local or metadata address (or
 * a name that resolves to one) is refused when it is made, and a webhook whose name resolved
 * publicly when it was made but resolves to such an address now (DNS changed; here: a stored
 * webhook whose host is localhost) is refused at delivery: the receiver never hears of it.
 */
class HooksAddressBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static HooksBlackBoxTest.Receiver receiver;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    receiver = new HooksBlackBoxTest.Receiver();
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "RATE_LIMIT_PER_PEER", "10000/1m", "HOOK_MIN_BACKOFF", "100ms", "HOOK_MAX_ATTEMPTS", "2", "HOOK_TIMEOUT", "1s",
        "QUEUE_POLL_INTERVAL", "100ms"));
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

  @Test
  void everyNonPublicTargetIsRefusedWhenAWebhookIsMadeAndNothingIsSent() throws Exception {
    String project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Refused\"}").expect(201).object()
        .get("id").getAsString();
    String hooks = "/api/projects/" + project + "/hooks";
    int port = receiver.http.getAddress().getPort();
    for (String url : List.of("http://127.0.0.1:" + port + "/a", "https://127.0.0.1:" + port + "/a",
        "http://localhost:" + port + "/a", "https://localhost:" + port + "/a", "https://10.0.0.1/a",
        "https://10.255.255.254:8443/a", "https://169.254.169.254/latest/meta-data/", "https://[::1]:" + port + "/a",
        "https://[::ffff:127.0.0.1]/a", "https://[fd00::1]/a", "https://metadata.google.internal/computeMetadata/v1/",
        "https://192.168.1.1/a", "https://172.16.0.1/a", "https://0.0.0.0/a")) {
      Api.Answer a = api.post(hooks, alice.idToken(), "{\"url\":\"" + url + "\",\"events\":[\"job.completed\"]}");
      assertEquals(422, a.status(), url + " answered " + a.raw().body());
      assertEquals("url", a.object().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
    }
    assertEquals(0, api.get(hooks, alice.idToken()).expect(200).object().getAsJsonArray("items").size());
    assertEquals(0, receiver.got.size(), "nothing reached the receiver");
  }

  @Test
  void aWebhookWhoseNameNowResolvesToLoopbackIsRefusedAtDelivery() throws Exception {
    String project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Rebound\"}").expect(201).object()
        .get("id").getAsString();
    int port = receiver.http.getAddress().getPort();
    // As if made while its name resolved to a public address: written straight into the store.
    String hookId = "reboundHook0000000001";
    String now = "2026-12-03T04:00:00.000Z";
    String hook = "{\"id\":\"" + hookId + "\",\"projectId\":\"" + project + "\",\"url\":\"https://localhost:" + port
        + "/rebound\",\"events\":[\"job.completed\"],\"description\":\"\",\"enabled\":true,"
        + "\"secret\":\"whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\",\"failureStreak\":0,"
        + "\"createdBy\":\"" + alice.uid() + "\",\"createdAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\"}";
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("contentcreator.db"));
        PreparedStatement st = c.prepareStatement("INSERT INTO documents (collection, id, data) VALUES ('hooks', ?, ?)")) {
      st.setString(1, hookId);
      st.setString(2, hook);
      st.executeUpdate();
    }
    String hookBase = "/api/projects/" + project + "/hooks/" + hookId;
    api.get(hookBase, alice.idToken()).expect(200);
    api.post(hookBase + "/test", alice.idToken(), null).expect(202);
    JsonObject d = null;
    for (int i = 0; i < 200; i++) {
      JsonArray items = api.get(hookBase + "/deliveries", alice.idToken()).expect(200).object().getAsJsonArray("items");
      d = items.get(0).getAsJsonObject();
      if (!d.get("status").getAsString().equals("pending")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("failed", d.get("status").getAsString(), d.toString());
    JsonObject attempt = d.getAsJsonArray("attempts").get(0).getAsJsonObject();
    assertEquals("refused", attempt.get("outcome").getAsString(), attempt.toString());
    assertTrue(attempt.get("error").getAsString().contains("loopback"), attempt.toString());
    assertEquals(1, d.getAsJsonArray("attempts").size(), "a refused address is not tried again");
    assertEquals(0, receiver.at("/rebound").size(), "nothing reached the receiver");
  }
}
