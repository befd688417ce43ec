package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import dev.contentcreator.testkit.publishing.FakePublishTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing (issue 13) from outside, against a local server that speaks WordPress's and
 * Mastodon's REST wire formats and receives webhooks ({@link FakePublishTargets}; plain http to
 * loopback, which this server allows by PUBLISH_ALLOW_HTTP_LOOPBACK): a post published with its
 * remote address and featured image; a refused application password fails once with its reason; a
 * 500 then success posts once; an answer that comes too late posts once; a publication at a time
 * waits for it, and may be moved or canceled; private addresses are refused; items in review wait
 * for approval; who may do what; and the publish.* webhook events.
 */
class PublishingBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static FakePublishTargets fake;
  static Person alice;
  static Person bob;
  static Person vic;
  static Person zed;
  static String project;
  static final Set<String> seenItems = new HashSet<>();

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    fake = FakePublishTargets.start();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m", "RATE_LIMIT_PER_PEER", "10000/1m",
        "PUBLISH_ALLOW_HTTP_LOOPBACK", "true", "PUBLISH_MIN_BACKOFF", "200ms", "PUBLISH_MAX_BACKOFF", "1s",
        "PUBLISH_MAX_ATTEMPTS", "4", "PUBLISH_TIMEOUT", "2s", "HOOKS_ALLOW_HTTP_LOOPBACK", "true",
        "HOOK_MIN_BACKOFF", "200ms", "QUEUE_POLL_INTERVAL", "100ms", "DEMO_CHUNK_DELAY", "5ms",
        "GENERATION_MIN_BACKOFF", "100ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    vic = Emulator.signUp("vic");
    zed = Emulator.signUp("zed");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Studio\"}").expect(201).object().get("id")
        .getAsString();
    bob = Invitations.join(api, alice, project, bob, "editor");
    vic = Invitations.join(api, alice, project, vic, "viewer");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  private static String base() {
    return "/api/projects/" + project;
  }

  /** A new text item of the project, written by the demo provider. */
  private static synchronized String textItem(String prompt) throws Exception {
    api.send("POST", base() + "/generations", alice.idToken(), "{\"kind\":\"text\",\"prompt\":\"" + prompt + "\"}",
        Map.of("Idempotency-Key", "pub-" + prompt.hashCode() + "-" + System.nanoTime())).expect(202);
    for (int i = 0; i < 300; i++) {
      for (JsonElement e : api.get(base() + "/contents?limit=100", alice.idToken()).expect(200).object()
          .getAsJsonArray("items")) {
        String id = e.getAsJsonObject().get("id").getAsString();
        if (e.getAsJsonObject().get("kind").getAsString().equals("text") && seenItems.add(id)) {
          return id;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no text item was made for " + prompt);
  }

  private static JsonObject wordpress(String name, String password) throws Exception {
    return api.post(base() + "/connections", alice.idToken(), "{\"channel\":\"wordpress\",\"name\":\"" + name
        + "\",\"siteUrl\":\"" + fake.base() + "\",\"username\":\"" + FakePublishTargets.WP_USER + "\",\"secret\":\""
        + password + "\"}").expect(201).object().getAsJsonObject("connection");
  }

  private static Api.Answer publish(Person who, String item, String body) throws Exception {
    return api.post(base() + "/contents/" + item + "/publications", who.idToken(), body);
  }

  /** Waits (at most 30 s) for the publication to match. */
  private static JsonObject await(String publicationId, Predicate<JsonObject> done) throws Exception {
    JsonObject last = null;
    for (int i = 0; i < 300; i++) {
      last = api.get(base() + "/publications/" + publicationId, bob.idToken()).expect(200).object();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the publication did not get there: " + last);
  }

  private static Predicate<JsonObject> ended() {
    return p -> List.of("published", "failed", "canceled").contains(p.get("status").getAsString());
  }

  private static long postsTitled(String title) {
    return fake.posts().stream().filter(p -> p.getAsJsonObject("title").get("raw").getAsString().equals(title)).count();
  }

  private static String title(String item) throws Exception {
    return api.get(base() + "/contents/" + item, alice.idToken()).expect(200).object().get("title").getAsString();
  }

  @Test
  void aTextIsPublishedToWordPressWithItsTagsAndFeaturedImageAndItsRemoteAddressShows() throws Exception {
    JsonObject hook = api.post(base() + "/hooks", alice.idToken(), "{\"url\":\"" + fake.base()
        + "/hook\",\"events\":[\"publish.succeeded\",\"publish.failed\"]}").expect(201).object();
    assertNotNull(hook.get("secret"));
    Api.Answer made = api.post(base() + "/connections", alice.idToken(), "{\"channel\":\"wordpress\",\"name\":\"Blog\","
        + "\"siteUrl\":\"" + fake.base() + "\",\"username\":\"" + FakePublishTargets.WP_USER + "\",\"secret\":\""
        + FakePublishTargets.WP_PASSWORD + "\"}").expect(201);
    assertFalse(made.raw().body().contains(FakePublishTargets.WP_PASSWORD), "the password is never answered");
    String connection = made.object().getAsJsonObject("connection").get("id").getAsString();
    Api.Answer listed = api.get(base() + "/connections", vic.idToken()).expect(200);
    assertFalse(listed.raw().body().contains(FakePublishTargets.WP_PASSWORD));
    assertEquals("ok", api.post(base() + "/connections/" + connection + "/test", alice.idToken(), null).expect(200)
        .object().get("lastTestResult").getAsString());

    var upload = MediaUpload.send(server, project, alice, "Cover");
    assertEquals(201, upload.statusCode(), upload.body());
    String image = JsonParser.parseString(upload.body()).getAsJsonObject().get("id").getAsString();
    String item = textItem("A post about spring");
    JsonObject p = publish(bob, item, "{\"connectionId\":\"" + connection + "\",\"mode\":\"publish\",\"tags\":[\"Spring\","
        + "\"News\"],\"imageContentId\":\"" + image + "\"}").expect(201).object();
    assertEquals("scheduled", p.get("status").getAsString());

    JsonObject done = await(p.get("id").getAsString(), ended());
    assertEquals("published", done.get("status").getAsString(), done.toString());
    JsonObject post = fake.posts().stream().filter(x -> x.get("id").getAsString().equals(done.get("remoteId")
        .getAsString())).findFirst().orElseThrow();
    assertEquals(post.get("link").getAsString(), done.get("remoteUrl").getAsString());
    assertEquals("publish", post.get("status").getAsString());
    assertTrue(post.get("featured_media").getAsInt() > 0, "the image was uploaded first and made featured");
    assertEquals(2, post.getAsJsonArray("tags").size());
    assertEquals(1, postsTitled(title(item)));
    assertEquals(1, api.get(base() + "/contents/" + item + "/publications", vic.idToken()).expect(200).object()
        .getAsJsonArray("items").size(), "viewers read the status on the item");

    JsonObject message = null;
    for (int i = 0; i < 300 && message == null; i++) {
      message = fake.hookMessages().stream().filter(m -> m.get("body").getAsString().contains("publish.succeeded"))
          .findFirst().orElse(null);
      Thread.sleep(message == null ? 100 : 0);
    }
    assertNotNull(message, "the publish.succeeded webhook event was sent");
    JsonObject body = JsonParser.parseString(message.get("body").getAsString()).getAsJsonObject();
    assertEquals(p.get("id").getAsString(), body.getAsJsonObject("data").get("publicationId").getAsString());
  }

  @Test
  void aRefusedApplicationPasswordFailsAtOnceWithItsReasonAndIsNotTriedAgain() throws Exception {
    String connection = wordpress("Wrong password", "not-the-password").get("id").getAsString();
    String item = textItem("A post that cannot go");
    int before = fake.hits("GET", "/wp-json/wp/v2/posts");
    JsonObject p = publish(bob, item, "{\"connectionId\":\"" + connection + "\"}").expect(201).object();
    JsonObject done = await(p.get("id").getAsString(), ended());
    assertEquals("failed", done.get("status").getAsString());
    assertTrue(done.get("error").getAsString().startsWith(
        "WordPress refused the user name or application password (401)"), done.get("error").getAsString());
    assertEquals(1, done.get("attempts").getAsInt(), "a refusal is not tried again");
    assertEquals(before + 1, fake.hits("GET", "/wp-json/wp/v2/posts"));
    assertEquals(0, postsTitled(title(item)));
    api.post(base() + "/connections/" + connection + "/test", alice.idToken(), null).expect(200);
  }

  @Test
  void aServerErrorIsTriedAgainAndTheItemIsPostedOnce() throws Exception {
    String connection = wordpress("Flaky", FakePublishTargets.WP_PASSWORD).get("id").getAsString();
    String item = textItem("A post through a flaky site");
    fake.failNext("POST", "/wp-json/wp/v2/posts", 500);
    JsonObject p = publish(bob, item, "{\"connectionId\":\"" + connection + "\",\"mode\":\"draft\"}").expect(201)
        .object();
    JsonObject done = await(p.get("id").getAsString(), ended());
    assertEquals("published", done.get("status").getAsString(), done.toString());
    assertTrue(done.get("attempts").getAsInt() >= 2, "the 500 was tried again");
    assertEquals(1, postsTitled(title(item)), "posted once");
    assertEquals("draft", fake.posts().stream().filter(x -> x.get("id").getAsString().equals(
        done.get("remoteId").getAsString())).findFirst().orElseThrow().get("status").getAsString());
  }

  @Test
  void anAnswerThatComesTooLateIsTriedAgainWithoutASecondPost() throws Exception {
    String connection = wordpress("Slow", FakePublishTargets.WP_PASSWORD).get("id").getAsString();
    String item = textItem("A post through a slow site");
    fake.slowAfterWork("POST", "/wp-json/wp/v2/posts", Duration.ofMillis(4500));
    int posted = fake.hits("POST", "/wp-json/wp/v2/posts");
    JsonObject p = publish(bob, item, "{\"connectionId\":\"" + connection + "\"}").expect(201).object();
    JsonObject done = await(p.get("id").getAsString(), ended());
    assertEquals("published", done.get("status").getAsString(), done.toString());
    assertTrue(done.get("attempts").getAsInt() >= 2, "the first try timed out");
    assertEquals(1, postsTitled(title(item)), "the second try found the first post by its slug");
    assertEquals(posted + 1, fake.hits("POST", "/wp-json/wp/v2/posts"), "and did not post again");
  }

  @Test
  void aPublicationAtATimeWaitsForItAndMayBeMovedOrCanceledBefore() throws Exception {
    String connection = wordpress("Later", FakePublishTargets.WP_PASSWORD).get("id").getAsString();
    String item = textItem("A post for later");
    Instant at = Instant.now().plusSeconds(3);
    JsonObject p = publish(bob, item, "{\"connectionId\":\"" + connection + "\",\"publishAt\":\"" + at + "\"}")
        .expect(201).object();
    assertEquals("scheduled", p.get("status").getAsString());
    assertEquals(0, postsTitled(title(item)));
    JsonObject done = await(p.get("id").getAsString(), ended());
    assertEquals("published", done.get("status").getAsString());
    assertFalse(Instant.parse(done.get("publishedAt").getAsString()).isBefore(at), "not before its time");
    assertEquals(1, postsTitled(title(item)));

    String other = textItem("A post moved then canceled");
    String id = publish(bob, other, "{\"connectionId\":\"" + connection + "\",\"publishAt\":\""
        + Instant.now().plusSeconds(3600) + "\"}").expect(201).object().get("id").getAsString();
    publish(bob, other, "{\"connectionId\":\"" + connection + "\"}").expect(409);
    Instant later = Instant.now().plusSeconds(7200);
    JsonObject moved = api.patch(base() + "/publications/" + id, bob.idToken(), "{\"publishAt\":\"" + later + "\"}")
        .expect(200).object();
    assertEquals(later.toEpochMilli(), Instant.parse(moved.get("publishAt").getAsString()).toEpochMilli());
    api.patch(base() + "/publications/" + id, vic.idToken(), "{\"publishAt\":\"" + later + "\"}").expect(403);
    assertEquals("canceled", api.delete(base() + "/publications/" + id, bob.idToken()).expect(200).object()
        .get("status").getAsString());
    api.patch(base() + "/publications/" + id, bob.idToken(), "{\"publishAt\":\"" + later + "\"}").expect(409);
    assertEquals(0, postsTitled(title(other)));
  }

  @Test
  void privateAndMetadataAddressesAreRefusedWhenAConnectionIsMade() throws Exception {
    for (String url : List.of("http://169.254.169.254/", "https://10.0.0.8", "https://127.0.0.1:8443",
        "https://metadata.google.internal", "ftp://" + "blog.example.org", "https://user:pw@blog.example.org")) {
      Api.Answer a = api.post(base() + "/connections", alice.idToken(), "{\"channel\":\"wordpress\",\"name\":\"X\","
          + "\"siteUrl\":\"" + url + "\",\"username\":\"u\",\"secret\":\"password-123\"}");
      assertEquals(422, a.status(), url + ": " + a.raw().body());
    }
  }

  @Test
  void viewersReadButDoNotPublishEditorsDoNotConnectAndStrangersSeeNothing() throws Exception {
    String connection = wordpress("Roles", FakePublishTargets.WP_PASSWORD).get("id").getAsString();
    String item = textItem("A post for roles");
    publish(vic, item, "{\"connectionId\":\"" + connection + "\"}").expect(403);
    publish(zed, item, "{\"connectionId\":\"" + connection + "\"}").expect(404);
    api.get(base() + "/publications", zed.idToken()).expect(404);
    api.get(base() + "/connections", zed.idToken()).expect(404);
    api.get(base() + "/publications", vic.idToken()).expect(200);
    api.post(base() + "/connections", bob.idToken(), "{\"channel\":\"webhook\",\"name\":\"W\",\"siteUrl\":\""
        + fake.base() + "/hook\"}").expect(403);
    api.delete(base() + "/connections/" + connection, bob.idToken()).expect(403);
    api.delete(base() + "/connections/" + connection, zed.idToken()).expect(404);
    api.get(base() + "/publications", null).expect(401);

    JsonObject key = api.post("/api/me/keys", bob.idToken(), "{\"name\":\"ci\",\"role\":\"editor\",\"projectId\":\""
        + project + "\"}").expect(201).object();
    String k = key.get("secret").getAsString();
    JsonObject byKey = api.post(base() + "/contents/" + item + "/publications", k, "{\"connectionId\":\"" + connection
        + "\",\"mode\":\"draft\"}").expect(201).object();
    assertEquals("published", await(byKey.get("id").getAsString(), ended()).get("status").getAsString());
    JsonObject viewerKey = api.post("/api/me/keys", bob.idToken(), "{\"name\":\"ro\",\"role\":\"viewer\",\"projectId\":\""
        + project + "\"}").expect(201).object();
    api.post(base() + "/contents/" + textItem("Another for keys") + "/publications",
        viewerKey.get("secret").getAsString(), "{\"connectionId\":\"" + connection + "\"}").expect(403);
  }

  @Test
  void anItemInReviewIsPublishedOnlyOnceApproved() throws Exception {
    String connection = wordpress("Review", FakePublishTargets.WP_PASSWORD).get("id").getAsString();
    String item = textItem("A post under review");
    String path = base() + "/contents/" + item;
    api.post(path + "/review", bob.idToken(), "{\"status\":\"in_review\"}").expect(200);
    publish(bob, item, "{\"connectionId\":\"" + connection + "\"}").expect(409);
    api.post(path + "/review", alice.idToken(), "{\"status\":\"approved\"}").expect(200);
    JsonObject p = publish(bob, item, "{\"connectionId\":\"" + connection + "\"}").expect(201).object();
    assertEquals("published", await(p.get("id").getAsString(), ended()).get("status").getAsString());
  }

  @Test
  void mastodonAndAWebhookReceiverArePublishedToOnce() throws Exception {
    String mastodon = api.post(base() + "/connections", alice.idToken(), "{\"channel\":\"mastodon\",\"name\":\"Toots\","
        + "\"siteUrl\":\"" + fake.base() + "\",\"secret\":\"" + FakePublishTargets.MASTODON_TOKEN + "\"}").expect(201)
        .object().getAsJsonObject("connection").get("id").getAsString();
    String item = textItem("A status for the fediverse");
    publish(bob, item, "{\"connectionId\":\"" + mastodon + "\",\"mode\":\"draft\"}").expect(422);
    fake.slowAfterWork("POST", "/api/v1/statuses", Duration.ofMillis(4500));
    int before = fake.statuses().size();
    JsonObject p = publish(bob, item, "{\"connectionId\":\"" + mastodon + "\",\"tags\":[\"spring\"]}").expect(201)
        .object();
    JsonObject done = await(p.get("id").getAsString(), ended());
    assertEquals("published", done.get("status").getAsString(), done.toString());
    assertEquals(before + 1, fake.statuses().size(), "one status for every try (Idempotency-Key)");
    assertTrue(done.get("remoteUrl").getAsString().startsWith(fake.base() + "/@studio/"));

    JsonObject issued = api.post(base() + "/connections", alice.idToken(), "{\"channel\":\"webhook\",\"name\":\"CMS\","
        + "\"siteUrl\":\"" + fake.base() + "/hook\"}").expect(201).object();
    assertTrue(issued.get("signingSecret").getAsString().startsWith("whsec_"));
    String hookConnection = issued.getAsJsonObject("connection").get("id").getAsString();
    JsonObject w = publish(bob, item, "{\"connectionId\":\"" + hookConnection + "\"}").expect(201).object();
    JsonObject sent = await(w.get("id").getAsString(), ended());
    assertEquals("published", sent.get("status").getAsString(), sent.toString());
    assertEquals(1, fake.hookMessages().stream().filter(m -> m.get("id").getAsString().equals("msg_pub_"
        + w.get("id").getAsString())).count());
  }
}
