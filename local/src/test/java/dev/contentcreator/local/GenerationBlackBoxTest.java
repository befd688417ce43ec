package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation from outside, on the offline demo provider: a running local server, people signed in
 * through the Auth emulator, jobs followed over server-sent events.
 */
class GenerationBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person carol;
  static String project;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    startOn(OnEmulators.adaptersFor(test));
  }

  /** Starts the server with {@code adapters} added to its settings (the embedded ones when empty). */
  static void startOn(Map<String, String> adapters) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(adapters, "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "DEMO_CHUNK_DELAY", "5ms", "GENERATION_MIN_BACKOFF", "100ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    carol = Emulator.signUp("carol");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Studio\"}").expect(201).object()
        .get("id").getAsString();
    Invitations.join(api, alice, project, bob, "viewer");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static Answer generate(Person who, String body, String key) throws Exception {
    return api.send("POST", "/api/projects/" + project + "/generations", who.idToken(), body,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  static JsonObject awaitEnd(String jobId) throws Exception {
    JsonObject job = null;
    for (int i = 0; i < 600; i++) {
      job = api.get("/api/projects/" + project + "/generations/" + jobId, alice.idToken()).expect(200).object();
      if (List.of("completed", "failed", "cancelled").contains(job.get("status").getAsString())) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " did not end: " + job);
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aTextStreamsLiveAndBecomesAContentItem() throws Exception {
    Answer a = generate(alice, "{\"kind\":\"text\",\"prompt\":\"Three tips for writing product pages\"}", key())
        .expect(202);
    String jobId = a.object().get("id").getAsString();
    assertTrue(a.object().get("demo").getAsBoolean(), "the demo says it is the demo");
    List<Sse.Event> events = Sse.readAll(server.base().resolve("/api/projects/" + project + "/generations/" + jobId
        + "/events"), alice.idToken(), Duration.ofSeconds(60));
    assertEquals("job", events.get(0).name());
    assertEquals("end", events.get(events.size() - 1).name());
    StringBuilder streamed = new StringBuilder();
    events.stream().filter(e -> e.name().equals("delta")).forEach(e -> streamed.append(e.data().get("text").getAsString()));
    assertTrue(streamed.length() > 0, "text arrived as it streamed: " + events);
    JsonObject end = events.get(events.size() - 1).data();
    assertEquals("completed", end.get("status").getAsString());
    String contentId = end.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    JsonObject content = api.get("/api/projects/" + project + "/contents/" + contentId, alice.idToken()).expect(200)
        .object();
    assertEquals(streamed.toString(), content.getAsJsonObject("current").get("text").getAsString());
    assertTrue(content.get("demo").getAsBoolean());
  }

  @Test
  void anImageIsStoredAndServedToMembers() throws Exception {
    String jobId = generate(alice, "{\"kind\":\"image\",\"prompt\":\"A lighthouse at dawn\",\"options\":{\"size\":\"256x256\"}}",
        key()).expect(202).object().get("id").getAsString();
    JsonObject job = awaitEnd(jobId);
    assertEquals("completed", job.get("status").getAsString(), job.toString());
    String contentId = job.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    String mediaUrl = api.get("/api/projects/" + project + "/contents/" + contentId, bob.idToken()).expect(200).object()
        .getAsJsonObject("current").get("mediaUrl").getAsString();
    HttpResponse<byte[]> img = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve(mediaUrl))
        .header("Authorization", "Bearer " + bob.idToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, img.statusCode());
    assertEquals("image/webp", img.headers().firstValue("Content-Type").orElse(""), "stored as a web version");
    assertEquals(256, ImageIO.read(new ByteArrayInputStream(img.body())).getWidth());
    JsonObject current = api.get("/api/projects/" + project + "/contents/" + contentId, bob.idToken()).object()
        .getAsJsonObject("current");
    assertTrue(current.getAsJsonObject("renditions").has("thumb-256"), "generated images get thumbnails too");
    assertTrue(current.get("dominantColor").getAsString().startsWith("#"));
    HttpResponse<byte[]> stranger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve(mediaUrl))
        .header("Authorization", "Bearer " + carol.idToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(404, stranger.statusCode());
  }

  @Test
  void aRepeatedIdempotencyKeyAnswersTheFirstJob() throws Exception {
    String k = key();
    String body = "{\"kind\":\"text\",\"prompt\":\"A haiku about queues\"}";
    Answer first = generate(alice, body, k).expect(202);
    Answer again = generate(alice, body, k).expect(202);
    assertEquals(first.object().get("id"), again.object().get("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    generate(alice, "{\"kind\":\"text\",\"prompt\":\"Something else\"}", k).expect(422);
    generate(alice, body, null).expect(400);
  }

  @Test
  void anIdenticalRequestIsServedFromTheCache() throws Exception {
    String body = "{\"kind\":\"text\",\"prompt\":\"Cache me " + UUID.randomUUID() + "\"}";
    JsonObject first = awaitEnd(generate(alice, body, key()).expect(202).object().get("id").getAsString());
    JsonObject second = awaitEnd(generate(alice, body, key()).expect(202).object().get("id").getAsString());
    assertFalse(first.getAsJsonArray("items").get(0).getAsJsonObject().get("cached").getAsBoolean());
    assertTrue(second.getAsJsonArray("items").get(0).getAsJsonObject().get("cached").getAsBoolean());
    JsonObject fresh = awaitEnd(generate(alice, body.replace("}", ",\"fresh\":true}"), key()).expect(202).object()
        .get("id").getAsString());
    assertFalse(fresh.getAsJsonArray("items").get(0).getAsJsonObject().get("cached").getAsBoolean());
  }

  @Test
  void viewersAndStrangersCannotGenerate() throws Exception {
    String body = "{\"kind\":\"text\",\"prompt\":\"Not allowed\"}";
    generate(bob, body, key()).expect(403);
    generate(carol, body, key()).expect(404);
  }

  @Test
  void badRequestsNameTheFieldAtFault() throws Exception {
    Answer a = generate(alice, "{\"kind\":\"image\",\"prompt\":\"x\",\"options\":{\"size\":\"99999x1\"}}", key()).expect(400);
    assertEquals("options.size", a.object().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
    generate(alice, "{\"kind\":\"poem\",\"prompt\":\"x\"}", key()).expect(400);
    generate(alice, "{\"kind\":\"text\",\"prompt\":\"x\",\"count\":1000}", key()).expect(400);
    generate(alice, "{\"kind\":\"text\",\"prompt\":\"x\",\"model\":\"no-such-model\"}", key()).expect(422);
    generate(alice, "{\"kind\":\"video\",\"prompt\":\"a cat\"}", key()).expect(422);
    generate(alice, "{\"kind\":\"text\"}", key()).expect(400);
  }

  @Test
  void aTemplateFillsThePromptAndChecksItsVariables() throws Exception {
    JsonObject job = awaitEnd(generate(alice, "{\"kind\":\"text\",\"templateId\":\"global-social-post\","
        + "\"variables\":{\"network\":\"LinkedIn\",\"topic\":\"our launch\"}}", key()).expect(202).object()
        .get("id").getAsString());
    assertTrue(job.get("prompt").getAsString().contains("LinkedIn post about our launch"), job.toString());
    Answer bad = generate(alice, "{\"kind\":\"text\",\"templateId\":\"global-social-post\","
        + "\"variables\":{\"network\":\"MySpace\"}}", key()).expect(400);
    assertTrue(bad.raw().body().contains("variables.network") && bad.raw().body().contains("variables.topic"));
  }

  @Test
  void aProjectTemplateCanBeAddedAndUsed() throws Exception {
    String t = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Tagline\","
        + "\"kind\":\"text\",\"body\":\"A tagline for {{brand}}\",\"variables\":[{\"name\":\"brand\",\"type\":\"string\","
        + "\"required\":true}]}").expect(201).object().get("id").getAsString();
    JsonElement listed = api.get("/api/templates?projectId=" + project, bob.idToken()).expect(200).object().get("items");
    assertTrue(listed.toString().contains(t));
    api.post("/api/templates", bob.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"No\",\"kind\":\"text\","
        + "\"body\":\"x\"}").expect(403);
    api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Bad\",\"kind\":\"text\","
        + "\"body\":\"{{undeclared}}\"}").expect(400);
  }

  @Test
  void aTextCanBeEditedAndAnOlderVersionRestored() throws Exception {
    JsonObject job = awaitEnd(generate(alice, "{\"kind\":\"text\",\"prompt\":\"Versioned text " + UUID.randomUUID()
        + "\"}", key()).expect(202).object().get("id").getAsString());
    String id = job.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    String path = "/api/projects/" + project + "/contents/" + id;
    Answer original = api.get(path, alice.idToken()).expect(200);
    String originalText = original.object().getAsJsonObject("current").get("text").getAsString();
    Answer edited = api.send("PATCH", path, alice.idToken(), "{\"text\":\"My own words\"}",
        Map.of("If-Match", original.header("ETag"))).expect(200);
    assertEquals(2, edited.object().get("currentVersion").getAsInt());
    api.send("PATCH", path, alice.idToken(), "{\"title\":\"stale\"}", Map.of("If-Match", original.header("ETag")))
        .expect(412);
    Answer restored = api.patch(path, alice.idToken(), "{\"restoreVersion\":1}").expect(200);
    assertEquals(3, restored.object().get("currentVersion").getAsInt());
    assertEquals(originalText, restored.object().getAsJsonObject("current").get("text").getAsString());
    assertEquals(3, api.get(path + "/versions", bob.idToken()).expect(200).object().getAsJsonArray("items").size());
    api.patch(path, bob.idToken(), "{\"title\":\"viewer\"}").expect(403);
    api.delete(path, alice.idToken()).expect(204);
    api.get(path, alice.idToken()).expect(404);
  }

  @Test
  void aRegenerationAddsAVersionToTheSameItem() throws Exception {
    JsonObject job = awaitEnd(generate(alice, "{\"kind\":\"text\",\"prompt\":\"Regenerate me " + UUID.randomUUID()
        + "\"}", key()).expect(202).object().get("id").getAsString());
    String id = job.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    JsonObject again = awaitEnd(generate(alice, "{\"kind\":\"text\",\"prompt\":\"Regenerate me, shorter\",\"contentId\":\""
        + id + "\"}", key()).expect(202).object().get("id").getAsString());
    assertEquals(id, again.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString());
    assertEquals(2, api.get("/api/projects/" + project + "/contents/" + id, alice.idToken()).object()
        .get("currentVersion").getAsInt());
  }

  private static String textOf(JsonObject job) throws Exception {
    String id = job.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    return api.get("/api/projects/" + project + "/contents/" + id, alice.idToken()).object()
        .getAsJsonObject("current").get("text").getAsString();
  }

  @Test
  void theBrandVoiceReachesTheProvider() throws Exception {
    String body = "{\"kind\":\"text\",\"prompt\":\"About us " + UUID.randomUUID() + "\"}";
    String plain = textOf(awaitEnd(generate(alice, body, key()).expect(202).object().get("id").getAsString()));
    api.patch("/api/projects/" + project, alice.idToken(),
        "{\"brandVoice\":{\"tone\":\"playful\",\"bannedWords\":[\"synergy\"]}}").expect(200);
    try {
      String voiced = textOf(awaitEnd(generate(alice, body, key()).expect(202).object().get("id").getAsString()));
      assertFalse(plain.equals(voiced), "the same prompt in a playful voice reads differently: " + voiced);
    } finally {
      api.patch("/api/projects/" + project, alice.idToken(), "{\"brandVoice\":null}").expect(200);
    }
    api.patch("/api/projects/" + project, alice.idToken(), "{\"brandVoice\":{\"tone\":42}}").expect(400);
  }

  @Test
  void deletingAProjectDeletesItsContents() throws Exception {
    String doomed = api.post("/api/projects", alice.idToken(), "{\"name\":\"Doomed\"}").expect(201).object()
        .get("id").getAsString();
    String jobId = api.send("POST", "/api/projects/" + doomed + "/generations", alice.idToken(),
        "{\"kind\":\"image\",\"prompt\":\"to be deleted\",\"options\":{\"size\":\"64x64\"}}",
        Map.of("Idempotency-Key", key())).expect(202).object().get("id").getAsString();
    JsonObject job = null;
    for (int i = 0; i < 300; i++) {
      job = api.get("/api/projects/" + doomed + "/generations/" + jobId, alice.idToken()).expect(200).object();
      if (job.get("status").getAsString().equals("completed")) {
        break;
      }
      Thread.sleep(100);
    }
    String contentId = job.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    java.nio.file.Path blobs = data.resolve("blobs");
    long before = filesUnder(blobs, doomed);
    assertTrue(before > 0, "the image was stored under the project");
    api.delete("/api/projects/" + doomed, alice.idToken()).expect(204);
    api.get("/api/projects/" + doomed + "/contents/" + contentId, alice.idToken()).expect(404);
    // The project is gone at once; its media goes with the background purge, within seconds.
    long after = -1;
    for (int i = 0; i < 100 && after != 0; i++) {
      Thread.sleep(i == 0 ? 0 : 100);
      after = filesUnder(blobs, doomed);
    }
    assertEquals(0, after, "the project's media went with it");
  }

  /**
   * The stored files whose path names {@code part}. The server writes (a temporary file, then a
   * rename) and the purge deletes while this walks, and a walk fails on a file gone under it: such
   * a walk is simply done again.
   */
  private static long filesUnder(java.nio.file.Path root, String part) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try (var walk = java.nio.file.Files.walk(root)) {
        return walk.filter(java.nio.file.Files::isRegularFile).filter(p -> p.toString().contains(part)).count();
      } catch (java.io.UncheckedIOException e) {
        if (attempt == 20) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  @Test
  void usageIsShownWithLimits() throws Exception {
    JsonObject me = api.get("/api/me", alice.idToken()).expect(200).object();
    assertTrue(me.has("usage") && me.has("limits"), me.toString());
    assertTrue(me.getAsJsonObject("limits").get("imagesPerMonth").getAsLong() > 0);
  }

  @Test
  void aProjectShowsWhatItUsedThisMonth() throws Exception {
    String own = api.post("/api/projects", alice.idToken(), "{\"name\":\"Counted\"}").expect(201).object()
        .get("id").getAsString();
    JsonObject before = api.get("/api/projects/" + own, alice.idToken()).expect(200).object();
    assertEquals(0, before.getAsJsonObject("usage").get("items").getAsLong(), before.toString());
    String jobId = api.send("POST", "/api/projects/" + own + "/generations", alice.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"Count me once\",\"count\":2}", Map.of("Idempotency-Key", key()))
        .expect(202).object().get("id").getAsString();
    for (int i = 0; i < 600; i++) {
      String status = api.get("/api/projects/" + own + "/generations/" + jobId, alice.idToken()).expect(200).object()
          .get("status").getAsString();
      if (!List.of("queued", "running").contains(status)) {
        break;
      }
      Thread.sleep(100);
    }
    JsonObject usage = api.get("/api/projects/" + own, alice.idToken()).expect(200).object().getAsJsonObject("usage");
    assertEquals(2, usage.get("items").getAsLong(), usage.toString());
    assertTrue(usage.get("outputTokens").getAsLong() > 0, usage.toString());
    assertTrue(usage.get("period").getAsString().matches("\\d{4}-\\d{2}"), usage.toString());
  }

  @Test
  void aCancelledJobEndsAndStopsItsQueuedItems() throws Exception {
    String jobId = generate(alice, "{\"kind\":\"text\",\"prompt\":\"Many " + UUID.randomUUID() + "\",\"count\":60}", key())
        .expect(202).object().get("id").getAsString();
    JsonObject cancelled = api.post("/api/projects/" + project + "/generations/" + jobId + "/cancel", alice.idToken(), null)
        .expect(200).object();
    assertEquals("cancelled", cancelled.get("status").getAsString());
    awaitEnd(jobId);
    // The job ends at once; items already running finish (or see the cancel) on their own time.
    JsonObject after = null;
    int ended = 0;
    for (int i = 0; i < 1200 && ended < 60; i++) {
      after = api.get("/api/projects/" + project + "/generations/" + jobId, alice.idToken()).expect(200).object();
      ended = after.get("completed").getAsInt() + after.get("failed").getAsInt() + after.get("cancelled").getAsInt();
      if (ended < 60) {
        Thread.sleep(100);
      }
    }
    assertEquals(60, ended, String.valueOf(after));
    assertTrue(after.get("cancelled").getAsInt() > 0);
    api.post("/api/projects/" + project + "/generations/" + jobId + "/cancel", alice.idToken(), null).expect(409);
    api.post("/api/projects/" + project + "/generations/" + jobId + "/cancel", bob.idToken(), null).expect(403);
    // The colon form clients of the last release send still reaches the same action.
    api.post("/api/projects/" + project + "/generations/" + jobId + ":cancel", alice.idToken(), null).expect(409);
    api.post("/api/projects/" + project + "/generations/" + jobId + ":cancel", bob.idToken(), null).expect(403);
  }
}
