package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.local.Emulator.Person;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound webhooks (issue 13) from outside: a local receiver (plain http to loopback, which this
 * server allows by HOOKS_ALLOW_HTTP_LOOPBACK) checks every message with its own Standard Webhooks
 * verifier written here (not the product's); retries on 500 and on a receiver too slow to answer;
 * giving up, the log and sending again; rotation; who may touch webhooks; events from a generation
 * job and a review move; and addresses refused when a webhook is made.
 */
class HooksBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person vic;
  static Person zed;
  static Receiver receiver;

  /** One message as the receiver got it. */
  record Received(String path, String id, String timestamp, String signature, String body, long at) {}

  /** A local HTTP receiver: each path answers by its own rule and every message is kept. */
  static final class Receiver implements AutoCloseable {
    final HttpServer http;
    final List<Received> got = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Per path: how many of its first requests fail (500), or are answered too late (slow/...). */
    final Map<String, Integer> failFirst = new ConcurrentHashMap<>();

    Receiver() throws IOException {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      http.setExecutor(Executors.newFixedThreadPool(8));
      http.createContext("/", this::handle);
      http.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
      String path = ex.getRequestURI().getPath();
      byte[] body = ex.getRequestBody().readAllBytes();
      got.add(new Received(path, ex.getRequestHeaders().getFirst("webhook-id"),
          ex.getRequestHeaders().getFirst("webhook-timestamp"), ex.getRequestHeaders().getFirst("webhook-signature"),
          new String(body, StandardCharsets.UTF_8), System.currentTimeMillis()));
      int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      int status = 200;
      if (n <= failFirst.getOrDefault(path, 0)) {
        if (path.startsWith("/slow")) {
          try {
            Thread.sleep(2500); // longer than HOOK_TIMEOUT
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        } else {
          status = 500;
        }
      }
      byte[] answer = ("{\"seen\":" + n + ",\"pad\":\"" + "z".repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, answer.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(answer);
      } catch (IOException e) {
        // the sender gave up waiting
      }
    }

    List<Received> at(String path) {
      return got.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }

  /**
   * The receiver's check, written from the Standard Webhooks specification alone: the key is the
   * base64 after "whsec_"; the signed content is id.timestamp.body; webhook-signature holds
   * space-separated "v1,<base64 HMAC-SHA256>" entries, one of which must match (compared in
   * constant time).
   */
  static boolean verifies(String secret, Received r) throws Exception {
    if (r.id() == null || r.timestamp() == null || r.signature() == null || !secret.startsWith("whsec_")) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] expected = mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
    for (String part : r.signature().split(" ")) {
      int comma = part.indexOf(',');
      if (comma > 0 && part.substring(0, comma).equals("v1")
          && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(comma + 1)))) {
        return true;
      }
    }
    return false;
  }

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    receiver = new Receiver();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m", "RATE_LIMIT_PER_PEER", "10000/1m",
        "HOOKS_ALLOW_HTTP_LOOPBACK", "true", "HOOK_MIN_BACKOFF", "200ms", "HOOK_MAX_BACKOFF", "1s",
        "HOOK_MAX_ATTEMPTS", "3", "HOOK_TIMEOUT", "1s", "HOOK_DISABLE_AFTER", "2", "QUEUE_POLL_INTERVAL", "100ms",
        "DEMO_CHUNK_DELAY", "5ms", "GENERATION_MIN_BACKOFF", "100ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    vic = Emulator.signUp("vic");
    zed = Emulator.signUp("zed");
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

  private static String project(String name) throws Exception {
    return api.post("/api/projects", alice.idToken(), "{\"name\":\"" + name + "\"}").expect(201).object()
        .get("id").getAsString();
  }

  private static JsonObject hook(String project, String path, String events) throws Exception {
    return api.post("/api/projects/" + project + "/hooks", alice.idToken(),
        "{\"url\":\"" + receiver.url(path) + "\",\"events\":" + events + "}").expect(201).object();
  }

  private static String base(String project, JsonObject issued) {
    return "/api/projects/" + project + "/hooks/" + issued.getAsJsonObject("hook").get("id").getAsString();
  }

  /** Waits (at most 30 s) for the receiver to have {@code count} messages on {@code path}. */
  private static List<Received> await(String path, int count) throws Exception {
    for (int i = 0; i < 300 && receiver.at(path).size() < count; i++) {
      Thread.sleep(100);
    }
    List<Received> got = receiver.at(path);
    assertTrue(got.size() >= count, "expected " + count + " messages on " + path + ", got " + got.size());
    return got;
  }

  /** Waits for the hook's newest delivery to match. */
  private static JsonObject awaitDelivery(String hookBase, Predicate<JsonObject> done) throws Exception {
    JsonObject last = null;
    for (int i = 0; i < 300; i++) {
      JsonArray items = api.get(hookBase + "/deliveries", alice.idToken()).expect(200).object().getAsJsonArray("items");
      if (!items.isEmpty()) {
        last = items.get(0).getAsJsonObject();
        if (done.test(last)) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the delivery did not get there: " + last);
  }

  private static List<String> outcomes(JsonObject delivery) {
    List<String> out = new ArrayList<>();
    for (JsonElement a : delivery.getAsJsonArray("attempts")) {
      out.add(a.getAsJsonObject().get("outcome").getAsString());
    }
    return out;
  }

  @Test
  void aTestMessageIsSignedSoAnIndependentVerifierAcceptsItAndTheSecretIsShownOnce() throws Exception {
    String project = project("Ping");
    JsonObject issued = hook(project, "/ping", "[\"job.completed\"]");
    String secret = issued.get("secret").getAsString();
    assertTrue(secret.startsWith("whsec_"), secret);
    String hookBase = base(project, issued);
    assertFalse(api.get(hookBase, alice.idToken()).expect(200).raw().body().contains(secret));
    assertFalse(api.get("/api/projects/" + project + "/hooks", alice.idToken()).expect(200).raw().body().contains(secret));

    api.post(hookBase + "/test", alice.idToken(), null).expect(202);
    Received r = await("/ping", 1).get(0);
    assertTrue(verifies(secret, r), "the message verifies under the hook's secret: " + r);
    assertFalse(verifies(WhsecOf.other(), r), "and not under another secret");
    Received forged = new Received(r.path(), r.id(), r.timestamp(), r.signature(), r.body().replace("ping", "pong"), 0);
    assertFalse(verifies(secret, forged), "a changed body does not verify");
    assertTrue(r.id().startsWith("msg_"), r.id());
    assertTrue(Math.abs(Long.parseLong(r.timestamp()) - System.currentTimeMillis() / 1000) < 60, r.timestamp());
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("ping", body.get("type").getAsString());
    assertEquals(project, body.getAsJsonObject("data").get("projectId").getAsString());

    JsonObject d = awaitDelivery(hookBase, x -> x.get("status").getAsString().equals("succeeded"));
    JsonObject attempt = d.getAsJsonArray("attempts").get(0).getAsJsonObject();
    assertEquals(200, attempt.get("statusCode").getAsInt());
    assertEquals(1024, attempt.get("responseExcerpt").getAsString().length(), "the excerpt is capped at 1 KiB");
  }

  @Test
  void aReceiverThatAnswers500IsTriedAgainWithTheSameMessageUntilItTakesIt() throws Exception {
    String project = project("Flaky");
    JsonObject issued = hook(project, "/flaky", "[\"job.completed\"]");
    receiver.failFirst.put("/flaky", 2);
    api.post(base(project, issued) + "/test", alice.idToken(), null).expect(202);
    List<Received> got = await("/flaky", 3);
    String secret = issued.get("secret").getAsString();
    for (Received r : got) {
      assertTrue(verifies(secret, r), "every attempt is signed: " + r);
      assertEquals(got.get(0).id(), r.id(), "every attempt carries the same webhook-id");
      assertEquals(got.get(0).body(), r.body(), "and the same body");
    }
    assertTrue(got.get(2).at() - got.get(1).at() >= got.get(1).at() - got.get(0).at() - 50,
        "the second wait is not shorter than the first (backoff doubles)");
    JsonObject d = awaitDelivery(base(project, issued), x -> x.get("status").getAsString().equals("succeeded"));
    assertEquals(List.of("retrying", "retrying", "succeeded"), outcomes(d));
    assertEquals(500, d.getAsJsonArray("attempts").get(0).getAsJsonObject().get("statusCode").getAsInt());
  }

  @Test
  void aReceiverTooSlowToAnswerIsTriedAgain() throws Exception {
    String project = project("Slow");
    JsonObject issued = hook(project, "/slow", "[\"job.completed\"]");
    receiver.failFirst.put("/slow", 1);
    api.post(base(project, issued) + "/test", alice.idToken(), null).expect(202);
    JsonObject d = awaitDelivery(base(project, issued), x -> x.get("status").getAsString().equals("succeeded"));
    assertEquals(List.of("retrying", "succeeded"), outcomes(d));
    JsonObject first = d.getAsJsonArray("attempts").get(0).getAsJsonObject();
    assertTrue(first.get("statusCode").isJsonNull(), "no status came: " + first);
    assertTrue(first.get("error").getAsString().contains("no answer within"), first.toString());
  }

  @Test
  void afterItsLastAttemptAMessageFailsAndMaySentAgainAndFailuresInARowSwitchTheHookOff() throws Exception {
    String project = project("Down");
    JsonObject issued = hook(project, "/down", "[\"job.completed\"]");
    String hookBase = base(project, issued);
    receiver.failFirst.put("/down", 3);
    api.post(hookBase + "/test", alice.idToken(), null).expect(202);
    JsonObject d = awaitDelivery(hookBase, x -> x.get("status").getAsString().equals("failed"));
    assertEquals(List.of("retrying", "retrying", "failed"), outcomes(d), "HOOK_MAX_ATTEMPTS is 3");
    assertEquals(1, api.get(hookBase, alice.idToken()).expect(200).object().get("failureStreak").getAsInt());

    String resend = hookBase + "/deliveries/" + d.get("id").getAsString() + "/resend";
    api.post(resend, vic.idToken(), null).expect(404);
    JsonObject again = api.post(resend, alice.idToken(), null).expect(202).object();
    assertEquals(1, again.get("round").getAsInt());
    JsonObject done = awaitDelivery(hookBase, x -> x.get("status").getAsString().equals("succeeded"));
    assertEquals(List.of("retrying", "retrying", "failed", "succeeded"), outcomes(done));
    List<Received> got = receiver.at("/down");
    assertEquals(got.get(0).id(), got.get(got.size() - 1).id(), "sent again under the same webhook-id");
    assertEquals(0, api.get(hookBase, alice.idToken()).expect(200).object().get("failureStreak").getAsInt());

    // Two messages in a row that fail (HOOK_DISABLE_AFTER=2) switch the hook off.
    receiver.failFirst.put("/down", 100);
    for (int i = 0; i < 2; i++) {
      api.post(hookBase + "/test", alice.idToken(), null).expect(202);
      awaitDelivery(hookBase, x -> x.get("status").getAsString().equals("failed") && x.get("round").getAsInt() == 0);
      Thread.sleep(200);
    }
    JsonObject off = api.get(hookBase, alice.idToken()).expect(200).object();
    assertFalse(off.get("enabled").getAsBoolean(), off.toString());
    assertFalse(off.get("disabledReason").isJsonNull(), off.toString());
    api.post(hookBase + "/test", alice.idToken(), null).expect(409);
    JsonObject on = api.patch(hookBase, alice.idToken(), "{\"enabled\":true}").expect(200).object();
    assertTrue(on.get("enabled").getAsBoolean());
    assertEquals(0, on.get("failureStreak").getAsInt());
  }

  @Test
  void afterARotationMessagesCarryASignatureUnderEachSecretForTheGracePeriod() throws Exception {
    String project = project("Rotate");
    JsonObject issued = hook(project, "/rotate", "[\"job.completed\"]");
    String hookBase = base(project, issued);
    String old = issued.get("secret").getAsString();
    JsonObject rotated = api.post(hookBase + "/rotate", alice.idToken(), null).expect(200).object();
    String fresh = rotated.get("secret").getAsString();
    assertNotEquals(old, fresh);
    assertFalse(rotated.getAsJsonObject("hook").get("previousSecretUntil").isJsonNull());
    api.post(hookBase + "/test", alice.idToken(), null).expect(202);
    Received r = await("/rotate", 1).get(0);
    assertEquals(2, r.signature().split(" ").length, r.signature());
    assertTrue(verifies(old, r), "the old secret still verifies");
    assertTrue(verifies(fresh, r), "the new secret verifies");
  }

  @Test
  void onlyOwnersTouchWebhooksAndStrangersCannotTellOneExists() throws Exception {
    String project = project("Roles");
    bob = Invitations.join(api, alice, project, bob, "editor");
    vic = Invitations.join(api, alice, project, vic, "viewer");
    JsonObject issued = hook(project, "/roles", "[\"job.completed\"]");
    String hooks = "/api/projects/" + project + "/hooks";
    String hookBase = base(project, issued);
    String create = "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"job.completed\"]}";
    for (Person p : List.of(bob, vic)) {
      api.get(hooks, p.idToken()).expect(403);
      api.post(hooks, p.idToken(), create).expect(403);
      api.get(hookBase, p.idToken()).expect(403);
      api.post(hookBase + "/rotate", p.idToken(), null).expect(403);
      api.get(hookBase + "/deliveries", p.idToken()).expect(403);
    }
    api.get(hooks, zed.idToken()).expect(404);
    api.get(hookBase, zed.idToken()).expect(404);
    api.delete(hookBase, zed.idToken()).expect(404);
    api.post(hookBase + "/test", zed.idToken(), null).expect(404);
    api.get(hooks, null).expect(401);
    api.get(hooks + "/nope", alice.idToken()).expect(404);
    api.post(hooks, alice.idToken(), "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"ping\"]}").expect(422);
    api.post(hooks, alice.idToken(), "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[]}").expect(422);
    api.post(hooks, alice.idToken(), "{\"url\":\"" + receiver.url("/x") + "\"}").expect(400);
    api.delete(hookBase, alice.idToken()).expect(204);
    api.get(hookBase, alice.idToken()).expect(404);
  }

  @Test
  void privateAndMetadataAddressesAreRefusedWhenAHookIsMade() throws Exception {
    String project = project("Refused");
    String hooks = "/api/projects/" + project + "/hooks";
    // Plain http is allowed to loopback here only; https to any non-public address never is.
    for (String url : List.of("https://127.0.0.1/x", "https://10.1.2.3/x", "https://169.254.169.254/latest/meta-data",
        "https://[::1]/x", "https://localhost/x", "https://metadata.google.internal/x", "http://10.1.2.3/x",
        "http://169.254.169.254/x", "ftp://example.com/x")) {
      Api.Answer a = api.post(hooks, alice.idToken(), "{\"url\":\"" + url + "\",\"events\":[\"job.completed\"]}");
      assertEquals(422, a.status(), url + " answered " + a.raw().body());
    }
    assertEquals(0, api.get(hooks, alice.idToken()).expect(200).object().getAsJsonArray("items").size());
  }

  @Test
  void aFinishedGenerationJobAReviewMoveAndACommentReachTheirSubscribers() throws Exception {
    String project = project("Events");
    JsonObject jobs = hook(project, "/jobs", "[\"job.completed\"]");
    JsonObject moves = hook(project, "/moves", "[\"content.status_changed\"]");
    JsonObject comments = hook(project, "/comments", "[\"comment.added\"]");
    String jobId = api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"A haiku about webhooks\"}", Map.of("Idempotency-Key", "hooks-job-1"))
        .expect(202).object().get("id").getAsString();
    Received done = await("/jobs", 1).get(0);
    assertTrue(verifies(jobs.get("secret").getAsString(), done));
    JsonObject body = JsonParser.parseString(done.body()).getAsJsonObject();
    assertEquals("job.completed", body.get("type").getAsString());
    assertEquals(jobId, body.getAsJsonObject("data").get("jobId").getAsString());
    assertEquals("completed", body.getAsJsonObject("data").get("status").getAsString());
    String contentId = api.get("/api/projects/" + project + "/contents", alice.idToken()).expect(200).object()
        .getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsString();

    api.post("/api/projects/" + project + "/contents/" + contentId + "/review", alice.idToken(),
        "{\"status\":\"in_review\"}").expect(200);
    Received moved = await("/moves", 1).get(0);
    assertTrue(verifies(moves.get("secret").getAsString(), moved));
    JsonObject m = JsonParser.parseString(moved.body()).getAsJsonObject();
    assertEquals("content.status_changed", m.get("type").getAsString());
    assertEquals("draft", m.getAsJsonObject("data").get("from").getAsString());
    assertEquals("in_review", m.getAsJsonObject("data").get("to").getAsString());

    String comment = api.post("/api/projects/" + project + "/contents/" + contentId + "/comments", alice.idToken(),
        "{\"body\":\"Ship it\"}").expect(201).object().get("id").getAsString();
    Received said = await("/comments", 1).get(0);
    assertTrue(verifies(comments.get("secret").getAsString(), said));
    JsonObject c = JsonParser.parseString(said.body()).getAsJsonObject();
    assertEquals("comment.added", c.get("type").getAsString());
    assertEquals(comment, c.getAsJsonObject("data").get("commentId").getAsString());
    assertEquals("Ship it", c.getAsJsonObject("data").get("body").getAsString());
    Thread.sleep(500);
    assertEquals(1, receiver.at("/jobs").size(), "the job's hook was not told of the review move");
    assertEquals(1, receiver.at("/moves").size(), "the review hook was not told of the job");
  }

  @Test
  void aBatchRunReachesItsSubscribersOnceEveryJobOfItHasEnded() throws Exception {
    String project = project("Batch");
    JsonObject runs = hook(project, "/runs", "[\"batch_run.completed\"]");
    String template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Line\","
        + "\"kind\":\"text\",\"body\":\"One line about {{product}}\",\"variables\":["
        + "{\"name\":\"product\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id").getAsString();
    String batch = api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"Weekly\",\"templateId\":\""
        + template + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"UTC\",\"rows\":[{\"product\":\"tea\"},"
        + "{\"product\":\"bread\"}]}").expect(201).object().get("id").getAsString();
    String run = api.post("/api/projects/" + project + "/batches/" + batch + "/run", alice.idToken(), null)
        .expect(201).object().get("id").getAsString();
    Received r = await("/runs", 1).get(0);
    assertTrue(verifies(runs.get("secret").getAsString(), r));
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("batch_run.completed", body.get("type").getAsString());
    assertEquals(run, body.getAsJsonObject("data").get("runId").getAsString());
    assertEquals(batch, body.getAsJsonObject("data").get("batchId").getAsString());
    assertEquals(2, body.getAsJsonObject("data").get("completed").getAsInt());
    Thread.sleep(500);
    assertEquals(1, receiver.at("/runs").size(), "one message for the run");
  }

  /** A second, unrelated secret. */
  static final class WhsecOf {
    static String other() {
      return "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    }
  }
}
