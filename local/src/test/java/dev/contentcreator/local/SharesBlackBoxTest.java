package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Share links (issue 12) from outside: the member routes for an owner, an editor, a named reviewer,
 * a viewer, a stranger (404) and no token (401); the public routes for a link's holder: a guessed,
 * revoked, expired or malformed token answers the same 404 byte for byte; passwords, rate limits,
 * approval through a link in the history and the activity log, and no token in the server's log.
 * Each test sends its guest requests from an address of its own (X-Forwarded-For behind two trusted
 * hops), so the per-address buckets of one test do not spend another's.
 */
class SharesBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person rita;
  static Person vic;
  static Person zed;
  /** Whether the server keeps its documents in the SQLite file, which two tests reach into. */
  static boolean onSqlite;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    onSqlite = OnEmulators.adaptersFor(test).isEmpty();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m", "RATE_LIMIT_PER_PEER", "10000/1m",
        "TRUSTED_PROXY_HOPS", "2", "SHARE_RATE_LIMIT_PER_IP", "40/1m", "SHARE_UNLOCK_LIMIT_PER_IP", "6/1m",
        "SHARE_UNLOCK_LIMIT_PER_LINK", "8/15m"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    rita = Emulator.signUp("rita");
    vic = Emulator.signUp("vic");
    zed = Emulator.signUp("zed");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** A project of alice's with bob as editor, rita as a viewer named reviewer, and vic as a viewer. */
  private static String team(String name) throws Exception {
    String project = api.post("/api/projects", alice.idToken(), "{\"name\":\"" + name + "\"}").expect(201).object()
        .get("id").getAsString();
    bob = Invitations.join(api, alice, project, bob, "editor");
    rita = Invitations.join(api, alice, project, rita, "viewer");
    vic = Invitations.join(api, alice, project, vic, "viewer");
    api.patch("/api/projects/" + project + "/members/" + rita.uid(), alice.idToken(), "{\"reviewer\":true}")
        .expect(200);
    return project;
  }

  private static String upload(String project, String title) throws Exception {
    var r = MediaUpload.send(server, project, bob, title);
    assertEquals(201, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
  }

  private static JsonObject share(String project, Person who, String body) throws Exception {
    return api.post("/api/projects/" + project + "/shares", who.idToken(), body).expect(201).object();
  }

  /** A guest: requests without an account, from an address of the test's own. */
  private static final class Guest {
    final String address = "198.51.100." + ADDRESSES.getAndIncrement();
    String session;

    Answer send(String method, String path, String body) throws Exception {
      Map<String, String> h = new HashMap<>();
      h.put("X-Forwarded-For", address);
      if (session != null) {
        h.put("X-Share-Session", session);
      }
      return api.send(method, path, null, body, h);
    }

    Answer open(String token) throws Exception {
      return send("GET", "/api/shares/" + token, null);
    }

    HttpResponse<byte[]> raw(String path) throws Exception {
      return HTTP.send(HttpRequest.newBuilder(server.base().resolve(path)).header("X-Forwarded-For", address).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  @Test
  void editorsAndOwnersMakeListAndRevokeLinksOthersDoNot() throws Exception {
    String project = team("Share roles");
    String item = upload(project, "Poster");
    String base = "/api/projects/" + project + "/shares";
    String body = "{\"contentIds\":[\"" + item + "\"],\"permission\":\"view\",\"label\":\"Client\"}";

    api.post(base, null, body).expect(401);
    api.get(base, null).expect(401);
    api.post(base, zed.idToken(), body).expect(404);
    api.get(base, zed.idToken()).expect(404);
    api.post(base, vic.idToken(), body).expect(403);
    api.post(base, rita.idToken(), body).expect(403);
    api.get(base, vic.idToken()).expect(403);
    api.get(base, rita.idToken()).expect(403);

    JsonObject byBob = share(project, bob, body);
    JsonObject byAlice = share(project, alice, body);
    String token = byBob.get("token").getAsString();
    assertEquals(43, token.length());
    assertEquals("/s/" + token, byBob.get("path").getAsString());
    assertEquals("active", byBob.get("status").getAsString());
    assertFalse(byBob.get("hasPassword").getAsBoolean());

    JsonArray list = api.get(base, alice.idToken()).expect(200).object().getAsJsonArray("items");
    assertEquals(2, list.size());
    for (JsonElement e : list) {
      assertFalse(e.getAsJsonObject().has("token"), "a list never shows a link's secret: " + e);
    }
    String id = byBob.get("id").getAsString();
    assertEquals(id, api.get(base + "/" + id, bob.idToken()).expect(200).object().get("id").getAsString());
    api.get(base + "/" + id, vic.idToken()).expect(403);
    api.get(base + "/" + id, zed.idToken()).expect(404);
    api.get(base + "/" + id, null).expect(401);
    api.get(base + "/" + "0".repeat(64), alice.idToken()).expect(404);
    api.get(base + "/not-an-id", alice.idToken()).expect(404);

    api.post(base + "/" + id + "/revoke", vic.idToken(), null).expect(403);
    api.post(base + "/" + id + "/revoke", rita.idToken(), null).expect(403);
    api.post(base + "/" + id + "/revoke", zed.idToken(), null).expect(404);
    api.post(base + "/" + id + "/revoke", null, null).expect(401);
    Guest guest = new Guest();
    guest.open(token).expect(200);
    assertEquals("revoked", api.post(base + "/" + id + "/revoke", alice.idToken(), null).expect(200).object()
        .get("status").getAsString());
    guest.open(token).expect(404);
    api.post(base + "/" + id + "/revoke", bob.idToken(), null).expect(200);
    assertEquals(1, api.get(base + "/" + id, alice.idToken()).expect(200).object().get("views").getAsInt(),
        "the revoked link keeps its views");
    guest.open(byAlice.get("token").getAsString()).expect(200);

    List<String> actions = api.get("/api/projects/" + project + "/activity", vic.idToken()).expect(200).object()
        .getAsJsonArray("items").asList().stream().map(e -> e.getAsJsonObject().get("action").getAsString()).toList();
    assertEquals(2, actions.stream().filter("share.created"::equals).count(), actions.toString());
    assertEquals(1, actions.stream().filter("share.revoked"::equals).count(), "revoking twice is one record");
  }

  @Test
  void badInputIsRefusedWithAProblemNeverA500() throws Exception {
    String project = team("Share input");
    String item = upload(project, "Poster");
    String base = "/api/projects/" + project + "/shares";
    api.post(base, alice.idToken(), "{}").expect(400);
    api.post(base, alice.idToken(), "{\"contentIds\":[]}").expect(422);
    api.post(base, alice.idToken(), "{\"contentIds\":\"x\"}").expect(400);
    api.post(base, alice.idToken(), "{\"contentIds\":[\"nope\"]}").expect(422);
    api.post(base, alice.idToken(), "{\"contentIds\":[\"" + item + "\"],\"permission\":\"admin\"}").expect(400);
    api.post(base, alice.idToken(), "{\"contentIds\":[\"" + item + "\"],\"expiresAt\":\"soon\"}").expect(400);
    api.post(base, alice.idToken(), "{\"contentIds\":[\"" + item + "\"],\"expiresAt\":\""
        + Instant.now().plus(91, ChronoUnit.DAYS) + "\"}").expect(422);
    api.post(base, alice.idToken(), "{\"contentIds\":[\"" + item + "\"],\"expiresAt\":\""
        + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}").expect(422);
    api.post(base, alice.idToken(), "{\"contentIds\":[\"" + item + "\"],\"password\":\"abc\"}").expect(400);
    api.post(base, alice.idToken(), "{\"contentIds\":[\"" + item + "\"],\"extra\":1}").expect(400);
    api.post(base, alice.idToken(), "[1,2]").expect(400);
    api.get(base + "?limit=0", alice.idToken()).expect(400);
    api.get(base + "?cursor=zzz", alice.idToken()).expect(400);

    String token = share(project, alice, "{\"contentIds\":[\"" + item + "\"],\"permission\":\"approve\"}")
        .get("token").getAsString();
    Guest g = new Guest();
    g.send("POST", "/api/shares/" + token + "/review", "{}").expect(400);
    g.send("POST", "/api/shares/" + token + "/review", "{\"contentId\":\"" + item
        + "\",\"status\":\"draft\",\"guestName\":\"Ana\"}").expect(400);
    g.send("POST", "/api/shares/" + token + "/review", "not json").expect(400);
    g.send("POST", "/api/shares/" + token + "/unlock", "{}").expect(400);
    g.send("GET", "/api/shares/" + token + "/media", null).expect(400);
    g.send("GET", "/api/shares/" + token + "/media?contentId=" + item + "&rendition=huge", null).expect(400);
    g.send("DELETE", "/api/shares/" + token, null).expect(405);
  }

  @Test
  void everyTokenThatDoesNotOpenAnswersTheSame404() throws Exception {
    String project = team("Share 404s");
    String item = upload(project, "Poster");
    String base = "/api/projects/" + project + "/shares";
    String body = "{\"contentIds\":[\"" + item + "\"]}";
    JsonObject revoked = share(project, alice, body);
    api.post(base + "/" + revoked.get("id").getAsString() + "/revoke", alice.idToken(), null).expect(200);
    JsonObject expired = share(project, alice, body);
    Guest g = new Guest();
    g.open(expired.get("token").getAsString()).expect(200);
    expire(expired.get("id").getAsString());

    String guessed = "A".repeat(43);
    String[] tokens = {guessed, revoked.get("token").getAsString(), expired.get("token").getAsString(), "short",
        "A".repeat(42) + "*", "%20" + "A".repeat(40), "A".repeat(500)};
    HttpResponse<byte[]> first = g.raw("/api/shares/" + guessed);
    assertEquals(404, first.statusCode());
    assertEquals("noindex, nofollow", first.headers().firstValue("X-Robots-Tag").orElse(null));
    for (String suffix : new String[] {"", "/media?contentId=" + item}) {
      HttpResponse<byte[]> missing = g.raw("/api/shares/" + guessed + suffix);
      for (String t : tokens) {
        HttpResponse<byte[]> r = g.raw("/api/shares/" + t + suffix);
        assertEquals(404, r.statusCode(), t);
        assertArrayEquals(missing.body(), r.body(), "the same body for " + t + suffix + ": " + new String(r.body()));
        assertEquals(headersOf(missing), headersOf(r), "the same headers for " + t + suffix);
      }
    }
    String verdict = "{\"contentId\":\"" + item + "\",\"status\":\"approved\",\"guestName\":\"Ana\"}";
    String missingReview = g.send("POST", "/api/shares/" + guessed + "/review", verdict).expect(404).raw().body();
    String missingUnlock = g.send("POST", "/api/shares/" + guessed + "/unlock", "{\"password\":\"x\"}").expect(404)
        .raw().body();
    for (String t : tokens) {
      assertEquals(missingReview, g.send("POST", "/api/shares/" + t + "/review", verdict).expect(404).raw().body());
      assertEquals(missingUnlock, new Guest().send("POST", "/api/shares/" + t + "/unlock", "{\"password\":\"x\"}")
          .expect(404).raw().body());
    }
    assertFalse(new String(first.body()).contains(guessed), "the token is not echoed");
    assertEquals("expired", api.get(base + "/" + expired.get("id").getAsString(), alice.idToken()).expect(200)
        .object().get("status").getAsString());
  }

  /**
   * Moves a link's expiry into the past, in the server's SQLite file (no clock to move from outside);
   * on the emulators the test stops here (ShareServiceTest moves a clock through expiry).
   */
  private static void expire(String shareId) throws Exception {
    Assumptions.assumeTrue(onSqlite, "the expiry is moved in the SQLite file");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("contentcreator.db"));
        PreparedStatement st = c.prepareStatement("UPDATE documents SET data = json_set(data, '$.expiresAt', ?)"
            + " WHERE collection = 'shares' AND id = ?")) {
      c.createStatement().execute("PRAGMA busy_timeout = 5000");
      st.setString(1, "2020-01-01T00:00:00.000Z");
      st.setString(2, shareId);
      assertEquals(1, st.executeUpdate());
    }
  }

  @Test
  void aLinkWhoseItemIsDeletedEndsAtOnce() throws Exception {
    String project = team("Share item deleted");
    String item = upload(project, "Poster");
    String token = share(project, alice, "{\"contentIds\":[\"" + item + "\"]}").get("token").getAsString();
    Guest g = new Guest();
    g.open(token).expect(200);
    api.delete("/api/projects/" + project + "/contents/" + item, alice.idToken()).expect(204);
    HttpResponse<byte[]> gone = g.raw("/api/shares/" + token);
    HttpResponse<byte[]> guessed = g.raw("/api/shares/" + "B".repeat(43));
    assertEquals(404, gone.statusCode());
    assertArrayEquals(guessed.body(), gone.body(), "a link whose item was deleted answers like a guessed one");
  }

  /** The headers a client sees, without those that name the moment or the address's bucket. */
  private static Map<String, List<String>> headersOf(HttpResponse<?> r) {
    Map<String, List<String>> h = new HashMap<>(r.headers().map());
    h.keySet().removeIf(k -> k.equalsIgnoreCase("date") || k.toLowerCase().startsWith("ratelimit")
        || k.equalsIgnoreCase("content-length"));
    return h;
  }

  @Test
  void deletingTheProjectEndsItsLinksAtOnceAndPurgesThem() throws Exception {
    String project = team("Share project deleted");
    String item = upload(project, "Poster");
    JsonObject made = share(project, alice, "{\"contentIds\":[\"" + item + "\"]}");
    Guest g = new Guest();
    g.open(made.get("token").getAsString()).expect(200);
    api.delete("/api/projects/" + project, alice.idToken()).expect(204);
    g.open(made.get("token").getAsString()).expect(404);
    Assumptions.assumeTrue(onSqlite, "the purge is watched in the SQLite file");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (sharesOf(project) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertEquals(0, sharesOf(project), "the purge removed the project's links");
  }

  private static int sharesOf(String project) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("contentcreator.db"));
        PreparedStatement q = c.prepareStatement("SELECT count(*) FROM documents WHERE collection = 'shares'"
            + " AND json_extract(data, '$.projectId') = ?")) {
      q.setString(1, project);
      try (var rs = q.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  @Test
  void aGuestSeesTheItemsAndTheirMediaAndEachOpeningCountsOneView() throws Exception {
    String project = team("Share gallery");
    String a = upload(project, "One");
    String b = upload(project, "Two");
    String notShared = upload(project, "Three");
    JsonObject made = share(project, bob, "{\"contentIds\":[\"" + a + "\",\"" + b + "\"],\"label\":\"Spring\"}");
    String token = made.get("token").getAsString();
    Guest g = new Guest();
    JsonObject page = g.open(token).expect(200).object();
    assertEquals("Spring", page.get("label").getAsString());
    assertEquals("view", page.get("permission").getAsString());
    JsonArray items = page.getAsJsonArray("items");
    assertEquals(2, items.size());
    assertFalse(page.toString().contains(project), "the guest sees no project id");
    assertFalse(page.toString().contains(bob.uid()), "the guest sees no uid");
    String mediaUrl = items.get(0).getAsJsonObject().get("mediaUrl").getAsString();
    HttpResponse<byte[]> media = g.raw(mediaUrl);
    assertEquals(200, media.statusCode());
    assertTrue(media.body().length > 0);
    assertTrue(media.headers().firstValue("Content-Type").orElse("").startsWith("image/"));
    assertEquals(404, g.raw("/api/shares/" + token + "/media?contentId=" + notShared).statusCode(),
        "an item of the project the link does not open");
    g.open(token).expect(200);
    JsonObject after = api.get("/api/projects/" + project + "/shares/" + made.get("id").getAsString(),
        alice.idToken()).expect(200).object();
    assertEquals(2, after.get("views").getAsInt(), "two openings, the media fetches not counted");
    assertNotNull(after.get("lastViewedAt"));
  }

  @Test
  void aPasswordLinkOpensOnlyWithASessionAndWrongTriesAreLimited() throws Exception {
    String project = team("Share password");
    String item = upload(project, "Poster");
    String token = share(project, alice, "{\"contentIds\":[\"" + item + "\"],\"password\":\"open sesame\"}")
        .get("token").getAsString();
    Guest g = new Guest();
    assertEquals("/problems/share-password-required", g.open(token).expect(401).object().get("type").getAsString());
    g.send("POST", "/api/shares/" + token + "/unlock", "{\"password\":\"wrong\"}").expect(401);
    JsonObject s = g.send("POST", "/api/shares/" + token + "/unlock", "{\"password\":\"open sesame\"}").expect(200)
        .object();
    g.session = s.get("session").getAsString();
    JsonObject page = g.open(token).expect(200).object();
    String mediaUrl = page.getAsJsonArray("items").get(0).getAsJsonObject().get("mediaUrl").getAsString();
    assertEquals(200, new Guest().raw(mediaUrl + "&session=" + g.session).statusCode(), "the session in the query");
    assertEquals(401, new Guest().raw(mediaUrl).statusCode(), "no session, no media");
    g.session = g.session.substring(0, g.session.length() - 2) + "AA";
    g.open(token).expect(401);

    Guest h = new Guest();
    int refused = 0;
    for (int i = 0; i < 8; i++) {
      int status = h.send("POST", "/api/shares/" + token + "/unlock", "{\"password\":\"guess" + i + "\"}").status();
      assertTrue(status == 401 || status == 429, "status " + status);
      refused += status == 429 ? 1 : 0;
    }
    assertTrue(refused >= 2, "an address's password tries are limited: " + refused);
    Answer limited = h.send("POST", "/api/shares/" + token + "/unlock", "{\"password\":\"open sesame\"}").expect(429);
    assertNotNull(limited.header("Retry-After"));
  }

  @Test
  void theShareRoutesHaveATighterBucketPerAddress() throws Exception {
    Guest g = new Guest();
    int limited = 0;
    for (int i = 0; i < 45; i++) {
      int status = g.open("C".repeat(43)).status();
      assertTrue(status == 404 || status == 429, "status " + status);
      limited += status == 429 ? 1 : 0;
    }
    assertTrue(limited >= 5, "40 a minute per address, then 429: " + limited);
    assertEquals(404, new Guest().open("C".repeat(43)).status(), "another address is not held");
  }

  @Test
  void aGuestApprovesThroughAnApproveLinkNamedInHistoryAndActivity() throws Exception {
    String project = team("Share approve");
    String item = upload(project, "Poster");
    String other = upload(project, "Other");
    String path = "/api/projects/" + project + "/contents/" + item;
    String viewOnly = share(project, alice, "{\"contentIds\":[\"" + item + "\"],\"permission\":\"view\"}")
        .get("token").getAsString();
    String commentOnly = share(project, alice, "{\"contentIds\":[\"" + item + "\"],\"permission\":\"comment\"}")
        .get("token").getAsString();
    String approve = share(project, alice, "{\"contentIds\":[\"" + item + "\"],\"permission\":\"approve\","
        + "\"label\":\"Acme sign-off\"}").get("token").getAsString();
    Guest g = new Guest();
    String verdict = "{\"contentId\":\"" + item + "\",\"status\":\"approved\",\"guestName\":\"Ana\",\"note\":\"Lovely\"}";
    g.send("POST", "/api/shares/" + approve + "/review", verdict).expect(409); // a draft is not in review yet
    api.post(path + "/review", bob.idToken(), "{\"status\":\"in_review\"}").expect(200);
    g.send("POST", "/api/shares/" + viewOnly + "/review", verdict).expect(403);
    g.send("POST", "/api/shares/" + commentOnly + "/review", verdict).expect(403);
    g.send("POST", "/api/shares/" + approve + "/review", verdict.replace(item, other)).expect(404);
    g.send("POST", "/api/shares/" + "D".repeat(43) + "/review", verdict).expect(404);
    assertEquals("approved", g.send("POST", "/api/shares/" + approve + "/review", verdict).expect(200).object()
        .get("reviewStatus").getAsString());
    assertEquals("approved", api.get(path, vic.idToken()).expect(200).object().get("reviewStatus").getAsString());
    g.send("POST", "/api/shares/" + approve + "/review", verdict).expect(409);

    JsonObject newest = api.get(path + "/reviews", vic.idToken()).expect(200).object().getAsJsonArray("items").get(0)
        .getAsJsonObject();
    assertEquals("approved", newest.get("to").getAsString());
    assertEquals("Ana (guest via link Acme sign-off)", newest.getAsJsonObject("by").get("name").getAsString());
    assertEquals("Lovely", newest.get("note").getAsString());
    JsonObject record = api.get("/api/projects/" + project + "/activity?action=content.status_changed", alice.idToken())
        .expect(200).object().getAsJsonArray("items").get(0).getAsJsonObject();
    assertEquals("Ana (guest via link Acme sign-off)", record.getAsJsonObject("actor").get("name").getAsString());
    assertEquals("approved", g.open(approve).expect(200).object().getAsJsonArray("items").get(0).getAsJsonObject()
        .get("reviewStatus").getAsString());
    // The item's creator hears of it like of a member's approval.
    JsonArray inbox = api.get("/api/me/notifications", bob.idToken()).expect(200).object().getAsJsonArray("items");
    assertTrue(inbox.asList().stream().map(e -> e.getAsJsonObject().get("text").getAsString())
        .anyMatch(t -> t.equals("Ana (guest via link Acme sign-off) approved \u201cPoster\u201d.")), inbox.toString());
  }

  @Test
  void aGuestCommentsThroughACommentLinkAndMembersSeeItNamedAsTheGuest() throws Exception {
    String project = team("Share comments");
    String item = upload(project, "Poster");
    String other = upload(project, "Other");
    String viewOnly = share(project, alice, "{\"contentIds\":[\"" + item + "\"],\"permission\":\"view\"}")
        .get("token").getAsString();
    String comment = share(project, alice, "{\"contentIds\":[\"" + item + "\"],\"permission\":\"comment\","
        + "\"label\":\"Acme\"}").get("token").getAsString();
    String members = "/api/projects/" + project + "/contents/" + item + "/comments";
    String root = api.post(members, bob.idToken(), "{\"body\":\"Is the blue right? @rita\",\"mentions\":[\""
        + rita.uid() + "\"]}").expect(201).object().get("id").getAsString();
    Guest g = new Guest();
    String said = "{\"contentId\":\"" + item + "\",\"guestName\":\"Ana\",\"body\":\"Darker, please\",\"parentId\":\""
        + root + "\"}";

    g.send("POST", "/api/shares/" + viewOnly + "/comments", said).expect(403);
    g.send("GET", "/api/shares/" + viewOnly + "/comments?contentId=" + item, null).expect(403);
    g.send("POST", "/api/shares/" + comment + "/comments", said.replace(item, other)).expect(404);
    g.send("GET", "/api/shares/" + comment + "/comments?contentId=" + other, null).expect(404);
    g.send("POST", "/api/shares/" + "E".repeat(43) + "/comments", said).expect(404);
    g.send("GET", "/api/shares/" + comment + "/comments", null).expect(400);
    g.send("POST", "/api/shares/" + comment + "/comments", "{\"contentId\":\"" + item + "\",\"body\":\"x\"}")
        .expect(400);
    g.send("POST", "/api/shares/" + comment + "/comments", "{\"contentId\":\"" + item
        + "\",\"guestName\":\"Ana\",\"body\":\"x\",\"mentions\":[]}").expect(400);
    g.send("POST", "/api/shares/" + comment + "/comments", "not json").expect(400);

    JsonObject posted = g.send("POST", "/api/shares/" + comment + "/comments", said).expect(201).object();
    assertEquals("Ana (guest via link Acme)", posted.getAsJsonObject("author").get("name").getAsString());
    assertEquals(root, posted.get("threadId").getAsString());

    JsonObject thread = g.send("GET", "/api/shares/" + comment + "/comments?contentId=" + item, null).expect(200)
        .object().getAsJsonArray("items").get(0).getAsJsonObject();
    assertFalse(thread.has("mentions"), "a guest does not see whom members mentioned: " + thread);
    assertEquals("Darker, please", thread.getAsJsonArray("replies").get(0).getAsJsonObject().get("body").getAsString());
    JsonObject seen = api.get(members, vic.idToken()).expect(200).object().getAsJsonArray("items").get(0)
        .getAsJsonObject().getAsJsonArray("replies").get(0).getAsJsonObject();
    assertEquals("Ana (guest via link Acme)", seen.getAsJsonObject("author").get("name").getAsString());
    // A guest's comment is the member's to resolve or delete; the guest cannot come back to edit it.
    api.delete(members + "/" + seen.get("id").getAsString(), bob.idToken()).expect(403);
    api.delete(members + "/" + seen.get("id").getAsString(), alice.idToken()).expect(204);

    JsonArray inbox = api.get("/api/me/notifications", bob.idToken()).expect(200).object().getAsJsonArray("items");
    assertTrue(inbox.asList().stream().map(e -> e.getAsJsonObject().get("text").getAsString())
        .anyMatch(t -> t.startsWith("Ana (guest via link Acme) replied on \u201cPoster\u201d")), inbox.toString());
    JsonObject record = api.get("/api/projects/" + project + "/activity?action=comment.posted", alice.idToken())
        .expect(200).object().getAsJsonArray("items").get(0).getAsJsonObject();
    assertEquals("Ana (guest via link Acme)", record.getAsJsonObject("actor").get("name").getAsString());
  }

  @Test
  void theTokenNeverReachesTheServersLog() throws Exception {
    String project = team("Share log");
    String item = upload(project, "Poster");
    String token = share(project, alice, "{\"contentIds\":[\"" + item + "\"]}").get("token").getAsString();
    Guest g = new Guest();
    g.open(token).expect(200);
    assertEquals(200, g.raw("/api/shares/" + token + "/media?contentId=" + item).statusCode());
    g.send("POST", "/api/shares/" + token + "/unlock", "{\"password\":\"x\"}").status();
    String out = server.output();
    assertTrue(out.contains("/api/shares/<redacted>"), "the request lines name the path, redacted");
    assertFalse(out.contains(token), "the token is in no log line");
  }
}
