package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review status per content item and the project's activity log (issue 12), from outside: every
 * new route for an owner, an editor, a viewer named reviewer, a plain viewer, a stranger (404) and
 * no token (401); bad input refused with a problem; a new version of an approved item back in draft.
 */
class ReviewAndActivityBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person rita;
  static Person vic;
  static Person zed;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
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
    JsonObject named = api.patch("/api/projects/" + project + "/members/" + rita.uid(), alice.idToken(),
        "{\"reviewer\":true}").expect(200).object();
    assertTrue(named.get("reviewer").getAsBoolean(), named.toString());
    assertEquals("viewer", named.get("role").getAsString(), "naming a reviewer leaves the role as it was");
    return project;
  }

  private static JsonObject upload(String project, Person who, String title) throws Exception {
    var r = MediaUpload.send(server, project, who, title);
    assertEquals(201, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  private static Answer review(String item, Person who, String body, String etag) throws Exception {
    return api.send("POST", item + "/review", who == null ? null : who.idToken(), body,
        etag == null ? Map.of() : Map.of("If-Match", etag));
  }

  private static String status(Answer a) {
    return a.object().get("reviewStatus").getAsString();
  }

  private static List<String> actions(JsonObject page) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : page.getAsJsonArray("items")) {
      out.add(e.getAsJsonObject().get("action").getAsString());
    }
    return out;
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void eachRoleMovesAnItemOnlyWhereTheRulesLetIt() throws Exception {
    String project = team("Review roles");
    JsonObject c = upload(project, bob, "Poster");
    String item = "/api/projects/" + project + "/contents/" + c.get("id").getAsString();
    assertEquals("draft", c.get("reviewStatus").getAsString(), "a new item is a draft");

    review(item, null, "{\"status\":\"in_review\"}", null).expect(401);
    review(item, zed, "{\"status\":\"in_review\"}", null).expect(404);
    review(item, vic, "{\"status\":\"in_review\"}", null).expect(403);
    review(item, rita, "{\"status\":\"in_review\"}", null).expect(403);
    review(item, bob, "{\"status\":\"approved\"}", null).expect(409);
    review(item, bob, "{\"status\":\"draft\"}", null).expect(409);
    review(item, bob, "{\"status\":\"in_review\"}", "\"99\"").expect(412);

    Answer submitted = review(item, bob, "{\"status\":\"in_review\",\"note\":\"Ready\"}",
        "\"" + c.get("version").getAsLong() + "\"").expect(200);
    assertEquals("in_review", status(submitted));
    assertEquals("\"" + submitted.object().get("version").getAsLong() + "\"", submitted.header("ETag"));
    review(item, bob, "{\"status\":\"approved\"}", null).expect(403);
    review(item, vic, "{\"status\":\"approved\"}", null).expect(403);
    assertEquals("changes_requested", status(review(item, rita,
        "{\"status\":\"changes_requested\",\"note\":\"Warmer colours\"}", null).expect(200)));
    review(item, rita, "{\"status\":\"approved\"}", null).expect(409);
    assertEquals("in_review", status(review(item, bob, "{\"status\":\"in_review\"}", null).expect(200)));
    assertEquals("approved", status(review(item, alice, "{\"status\":\"approved\"}", null).expect(200)));
    assertEquals("approved", status(api.get(item, vic.idToken()).expect(200)));

    JsonArray history = api.get(item + "/reviews", vic.idToken()).expect(200).object().getAsJsonArray("items");
    assertEquals(4, history.size(), history.toString());
    JsonObject newest = history.get(0).getAsJsonObject();
    assertEquals("in_review", newest.get("from").getAsString());
    assertEquals("approved", newest.get("to").getAsString());
    assertEquals(alice.uid(), newest.getAsJsonObject("by").get("uid").getAsString());
    assertEquals("Warmer colours", history.get(2).getAsJsonObject().get("note").getAsString());
    assertEquals(rita.uid(), history.get(2).getAsJsonObject().getAsJsonObject("by").get("uid").getAsString());
    assertEquals(bob.uid(), history.get(1).getAsJsonObject().getAsJsonObject("by").get("uid").getAsString());
    assertEquals("Ready", history.get(3).getAsJsonObject().get("note").getAsString());
    api.get(item + "/reviews", zed.idToken()).expect(404);
    api.get(item + "/reviews", null).expect(401);
    api.get(item + "/reviews?cursor=nonsense", vic.idToken()).expect(400);
    JsonObject firstTwo = api.get(item + "/reviews?limit=2", vic.idToken()).expect(200).object();
    JsonObject rest = api.get(item + "/reviews?limit=2&cursor=" + q(firstTwo.get("nextCursor").getAsString()),
        vic.idToken()).expect(200).object();
    assertEquals(2, rest.getAsJsonArray("items").size());
    assertTrue(rest.get("nextCursor").isJsonNull());
  }

  @Test
  void badReviewRequestsAreProblemsAndChangeNothing() throws Exception {
    String project = team("Bad reviews");
    JsonObject c = upload(project, bob, "Flyer");
    String item = "/api/projects/" + project + "/contents/" + c.get("id").getAsString();
    review(item, bob, "{\"status\":\"published\"}", null).expect(400);
    review(item, bob, "{}", null).expect(400);
    review(item, bob, "{\"status\":7}", null).expect(400);
    review(item, bob, "{\"status\":\"in_review\",\"extra\":1}", null).expect(400);
    review(item, bob, "{\"status\":\"in_review\",\"note\":\"" + "n".repeat(2001) + "\"}", null).expect(400);
    review(item, bob, "not json", null).expect(400);
    api.send("POST", item + "/review", bob.idToken(), "status=in_review", Map.of("Content-Type", "text/plain"))
        .expect(415);
    review("/api/projects/" + project + "/contents/nosuchitem", bob, "{\"status\":\"in_review\"}", null).expect(404);
    review("/api/projects/" + project + "/contents/bad%2Fid", bob, "{\"status\":\"in_review\"}", null).expect(404);
    api.get(item + "/review", bob.idToken()).expect(405);
    assertEquals("draft", status(api.get(item, bob.idToken()).expect(200)));
    assertEquals(0, api.get(item + "/reviews", bob.idToken()).expect(200).object().getAsJsonArray("items").size());
    assertEquals(List.of("content.created"), actions(api.get("/api/projects/" + project + "/activity?contentId="
        + c.get("id").getAsString(), bob.idToken()).expect(200).object()), "a refused move leaves no record");
    api.get("/api/projects/" + project + "/contents?status=bogus", bob.idToken()).expect(400);
  }

  @Test
  void aNewVersionOfAnApprovedItemSendsItBackToDraft() throws Exception {
    String project = team("Back to draft");
    JsonObject c = upload(project, bob, "Banner");
    String id = c.get("id").getAsString();
    String item = "/api/projects/" + project + "/contents/" + id;
    review(item, bob, "{\"status\":\"in_review\"}", null).expect(200);
    review(item, rita, "{\"status\":\"approved\"}", null).expect(200);
    assertTrue(listed(project, "approved", id));
    assertFalse(listed(project, "draft", id));

    Answer restored = api.patch(item, bob.idToken(), "{\"restoreVersion\":1}").expect(200);
    assertEquals("draft", status(restored));
    assertEquals(2, restored.object().get("currentVersion").getAsInt());
    assertTrue(listed(project, "draft", id));
    assertFalse(listed(project, "approved", id));
    JsonObject automatic = api.get(item + "/reviews?limit=1", vic.idToken()).expect(200).object()
        .getAsJsonArray("items").get(0).getAsJsonObject();
    assertEquals("approved", automatic.get("from").getAsString());
    assertEquals("draft", automatic.get("to").getAsString());
    assertTrue(automatic.get("automatic").getAsBoolean());
    assertEquals(bob.uid(), automatic.getAsJsonObject("by").get("uid").getAsString());

    // A rename is no new version: an approved item stays approved.
    review(item, bob, "{\"status\":\"in_review\"}", null).expect(200);
    review(item, alice, "{\"status\":\"approved\"}", null).expect(200);
    assertEquals("approved", status(api.patch(item, bob.idToken(), "{\"title\":\"Banner 2\"}").expect(200)));
  }

  private static boolean listed(String project, String status, String id) throws Exception {
    for (JsonElement e : api.get("/api/projects/" + project + "/contents?status=" + status, vic.idToken()).expect(200)
        .object().getAsJsonArray("items")) {
      JsonObject o = e.getAsJsonObject();
      assertEquals(status, o.get("reviewStatus").getAsString(), o.toString());
      if (id.equals(o.get("id").getAsString())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void onlyOwnersNameReviewersAndTheMembersListShowsThem() throws Exception {
    String project = team("Reviewers");
    String vicPath = "/api/projects/" + project + "/members/" + vic.uid();
    api.patch(vicPath, bob.idToken(), "{\"reviewer\":true}").expect(403);
    api.patch(vicPath, vic.idToken(), "{\"reviewer\":true}").expect(403);
    api.patch(vicPath, zed.idToken(), "{\"reviewer\":true}").expect(404);
    api.patch(vicPath, null, "{\"reviewer\":true}").expect(401);
    api.patch(vicPath, alice.idToken(), "{\"reviewer\":\"yes\"}").expect(400);
    api.patch(vicPath, alice.idToken(), "{}").expect(400);
    api.patch("/api/projects/" + project + "/members/nobody", alice.idToken(), "{\"reviewer\":true}").expect(404);

    boolean vicReviews = false;
    boolean ritaReviews = false;
    for (JsonElement e : api.get("/api/projects/" + project + "/members", vic.idToken()).expect(200).object()
        .getAsJsonArray("items")) {
      JsonObject m = e.getAsJsonObject();
      vicReviews |= m.get("uid").getAsString().equals(vic.uid()) && m.get("reviewer").getAsBoolean();
      ritaReviews |= m.get("uid").getAsString().equals(rita.uid()) && m.get("reviewer").getAsBoolean();
    }
    assertFalse(vicReviews);
    assertTrue(ritaReviews);

    JsonObject c = upload(project, bob, "Leaflet");
    String item = "/api/projects/" + project + "/contents/" + c.get("id").getAsString();
    review(item, bob, "{\"status\":\"in_review\"}", null).expect(200);
    review(item, vic, "{\"status\":\"approved\"}", null).expect(403);
    assertTrue(api.patch(vicPath, alice.idToken(), "{\"reviewer\":true}").expect(200).object().get("reviewer")
        .getAsBoolean());
    review(item, vic, "{\"status\":\"approved\"}", null).expect(200);
    api.patch(vicPath, alice.idToken(), "{\"reviewer\":false}").expect(200);
    review(item, bob, "{\"status\":\"draft\"}", null).expect(200);
    review(item, bob, "{\"status\":\"in_review\"}", null).expect(200);
    review(item, vic, "{\"status\":\"approved\"}", null).expect(403);
  }

  @Test
  void theActivityLogShowsEachStepInOrderAndFilters() throws Exception {
    String project = team("Activity");
    String base = "/api/projects/" + project + "/activity";
    JsonObject c = upload(project, bob, "Card");
    String id = c.get("id").getAsString();
    String item = "/api/projects/" + project + "/contents/" + id;
    api.patch(item, bob.idToken(), "{\"title\":\"Card v2\"}").expect(200);
    review(item, bob, "{\"status\":\"in_review\"}", null).expect(200);
    review(item, rita, "{\"status\":\"approved\",\"note\":\"Lovely\"}", null).expect(200);
    api.patch(item, bob.idToken(), "{\"restoreVersion\":1}").expect(200);

    JsonObject log = api.get(base, vic.idToken()).expect(200).object();
    assertEquals(List.of("content.status_changed", "content.restored", "content.status_changed",
        "content.status_changed", "content.renamed", "content.created", "member.reviewer_changed"),
        actions(log).subList(0, 7), log.toString());
    assertTrue(actions(log).containsAll(List.of("member.invited", "member.joined")), log.toString());
    for (JsonElement e : log.getAsJsonArray("items")) {
      JsonObject r = e.getAsJsonObject();
      if (r.get("action").getAsString().equals("member.invited")) {
        assertTrue(r.getAsJsonObject("target").get("title").getAsString().matches(".…@example\\.com"),
            "members see an invited address with its local part cut: " + r);
      }
    }
    JsonObject approved = log.getAsJsonArray("items").get(2).getAsJsonObject();
    assertEquals(rita.uid(), approved.getAsJsonObject("actor").get("uid").getAsString());
    assertEquals("approved", approved.getAsJsonObject("details").get("to").getAsString());
    assertEquals("Lovely", approved.getAsJsonObject("details").get("note").getAsString());
    assertEquals(id, approved.get("contentId").getAsString());
    assertEquals("Card v2", approved.getAsJsonObject("target").get("title").getAsString());
    JsonObject automatic = log.getAsJsonArray("items").get(0).getAsJsonObject();
    assertEquals("draft", automatic.getAsJsonObject("details").get("to").getAsString());
    assertEquals("true", automatic.getAsJsonObject("details").get("automatic").getAsString());

    assertEquals(List.of("content.renamed"), actions(api.get(base + "?action=content.renamed", vic.idToken())
        .expect(200).object()));
    assertEquals(6, actions(api.get(base + "?contentId=" + id, vic.idToken()).expect(200).object()).size());
    assertEquals(List.of("content.status_changed", "member.joined"), actions(api.get(base + "?actor=" + rita.uid(),
        vic.idToken()).expect(200).object()));
    assertEquals(List.of("content.status_changed", "content.status_changed"), actions(api.get(base
        + "?action=content.status_changed&actor=" + bob.uid() + "&contentId=" + id, vic.idToken()).expect(200).object()));
    assertEquals(0, actions(api.get(base + "?since=2999-01-01T00:00:00Z", vic.idToken()).expect(200).object()).size());
    assertEquals(0, actions(api.get(base + "?until=2000-01-01T00:00:00Z", vic.idToken()).expect(200).object()).size());
    String newest = log.getAsJsonArray("items").get(0).getAsJsonObject().get("at").getAsString();
    JsonObject fromNewest = api.get(base + "?since=" + q(newest), vic.idToken()).expect(200).object();
    assertTrue(actions(fromNewest).contains("content.status_changed"));
    assertTrue(actions(api.get(base + "?until=" + q(newest), vic.idToken()).expect(200).object())
        .contains("content.created"));

    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = api.get(base + "?limit=3" + (cursor == null ? "" : "&cursor=" + q(cursor)), vic.idToken())
          .expect(200).object();
      paged.addAll(actions(page));
      cursor = page.get("nextCursor").isJsonNull() ? null : page.get("nextCursor").getAsString();
    } while (cursor != null);
    assertEquals(actions(log), paged);

    api.get(base, zed.idToken()).expect(404);
    api.get(base, null).expect(401);
    api.get(base + "?cursor=nonsense", vic.idToken()).expect(400);
    api.get(base + "?since=yesterday", vic.idToken()).expect(400);
    api.get(base + "?until=2026-13-01T00:00:00Z", vic.idToken()).expect(400);
    api.get(base + "?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z", vic.idToken()).expect(400);
    api.get(base + "?action=content.sung", vic.idToken()).expect(400);
    api.get(base + "?actor=" + q("a/b"), vic.idToken()).expect(400);
    api.get(base + "?limit=0", vic.idToken()).expect(400);
  }

  @Test
  void aDeletedItemsActivityStaysAndItsReviewHistoryGoes() throws Exception {
    String project = team("Deleted");
    JsonObject c = upload(project, bob, "Gone soon");
    String id = c.get("id").getAsString();
    String item = "/api/projects/" + project + "/contents/" + id;
    review(item, bob, "{\"status\":\"in_review\"}", null).expect(200);
    api.delete(item, bob.idToken()).expect(204);
    api.get(item + "/reviews", bob.idToken()).expect(404);
    review(item, bob, "{\"status\":\"draft\"}", null).expect(404);
    assertEquals(List.of("content.deleted", "content.status_changed", "content.created"), actions(api.get(
        "/api/projects/" + project + "/activity?contentId=" + id, vic.idToken()).expect(200).object()));
  }

  private static HttpResponse<String> csv(String project, Person who, String query) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve("/api/projects/" + project + "/activity.csv"
        + query)).GET();
    if (who != null) {
      b.header("Authorization", "Bearer " + who.idToken());
    }
    return ApiContract.OF_REPO.check(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void ownersExportTheLogAsCsvSafeToOpenInASpreadsheet() throws Exception {
    String project = team("Export");
    JsonObject c = upload(project, bob, "=HYPERLINK(\"http://evil\",\"x\")");
    String item = "/api/projects/" + project + "/contents/" + c.get("id").getAsString();
    review(item, bob, "{\"status\":\"in_review\",\"note\":\"line one\\nline, two\"}", null).expect(200);

    HttpResponse<String> r = csv(project, alice, "");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    String[] lines = r.body().split("\r\n", -1);
    assertEquals("at,actor_uid,actor_name,action,target_type,target_id,target_title,content_id,details", lines[0]);
    assertTrue(lines[1].contains(",content.status_changed,content,"), lines[1]);
    assertTrue(r.body().contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), r.body());
    assertTrue(r.body().contains("\"from=draft; note=line one\nline, two; to=in_review\""), r.body());
    assertFalse(r.body().contains(",=HYPERLINK"), "no cell starts with a formula");
    assertEquals("", lines[lines.length - 1], "the last row ends in CRLF");

    HttpResponse<String> filtered = csv(project, alice, "?action=content.created");
    assertEquals(2, filtered.body().split("\r\n").length, filtered.body());
    assertEquals(403, csv(project, bob, "").statusCode());
    assertEquals(403, csv(project, vic, "").statusCode());
    assertEquals(404, csv(project, zed, "").statusCode());
    assertEquals(401, csv(project, null, "").statusCode());
    HttpResponse<String> bad = csv(project, alice, "?since=soon");
    assertEquals(400, bad.statusCode());
    assertEquals("application/problem+json", bad.headers().firstValue("Content-Type").orElse(""));
    assertNull(JsonParser.parseString(bad.body()).getAsJsonObject().get("items"));
  }

  /** The texts of the caller's inbox entries of {@code kind} about content item {@code contentId}. */
  private static List<String> told(Person who, String kind, String contentId) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonElement e : api.get("/api/me/notifications?limit=100", who.idToken()).expect(200).object()
        .getAsJsonArray("items")) {
      JsonObject n = e.getAsJsonObject();
      JsonElement about = n.getAsJsonObject("target").get("contentId");
      if (n.get("kind").getAsString().equals(kind) && !about.isJsonNull() && about.getAsString().equals(contentId)) {
        out.add(n.get("text").getAsString());
      }
    }
    return out;
  }

  @Test
  void sendingAnItemForReviewAsksTheReviewersAndTheirAnswerTellsWhoSentIt() throws Exception {
    String project = team("Review news");
    String id = upload(project, bob, "Banner").get("id").getAsString();
    String item = "/api/projects/" + project + "/contents/" + id;

    review(item, bob, "{\"status\":\"in_review\"}", null).expect(200);
    assertEquals(1, told(alice, "review_request", id).size(), "the owner is asked");
    assertEquals(1, told(rita, "review_request", id).size(), "the named reviewer is asked");
    assertEquals(List.of(), told(vic, "review_request", id), "a viewer who may not approve is not");
    assertEquals(List.of(), told(bob, "review_request", id), "nobody is asked by their own move");

    review(item, rita, "{\"status\":\"changes_requested\",\"note\":\"A bigger logo, please\"}", null)
        .expect(200);
    List<String> news = told(bob, "status_change", id);
    assertEquals(1, news.size(), "the one who sent it is told: " + news);
    assertTrue(news.get(0).contains("A bigger logo, please"), news.get(0));
    assertEquals(List.of(), told(rita, "status_change", id));
  }

  @Test
  void commentsAreInTheActivityLogWithWhoWroteResolvedOrDeletedThem() throws Exception {
    String project = team("Comment log");
    String id = upload(project, bob, "Flyer").get("id").getAsString();
    String comments = "/api/projects/" + project + "/contents/" + id + "/comments";
    String comment = api.post(comments, vic.idToken(), "{\"body\":\"Is the date right?\"}").expect(201).object()
        .get("id").getAsString();
    api.post(comments + "/" + comment + "/resolve", bob.idToken(), "{}").expect(200);
    api.delete(comments + "/" + comment, alice.idToken()).expect(204);

    JsonObject page = api.get("/api/projects/" + project + "/activity?contentId=" + id, vic.idToken()).expect(200)
        .object();
    List<String> seen = new ArrayList<>();
    for (JsonElement e : page.getAsJsonArray("items")) {
      JsonObject a = e.getAsJsonObject();
      if (a.get("action").getAsString().startsWith("comment.")) {
        seen.add(a.get("action").getAsString() + " by " + a.getAsJsonObject("actor").get("uid").getAsString());
        // Named too, also when the one who resolved or deleted it is not its author.
        assertTrue(a.getAsJsonObject("actor").has("name") && !a.getAsJsonObject("actor").get("name").getAsString().isBlank(),
            a.toString());
      }
    }
    assertEquals(List.of("comment.deleted by " + alice.uid(), "comment.resolved by " + bob.uid(),
        "comment.posted by " + vic.uid()), seen, "newest first");
  }
}
