package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Template authoring from outside: scopes and roles, versions with a diff, restore and a 409 on a
 * stale edit, previews, import that writes all or nothing, and "try it" as a real job on the demo.
 */
class TemplatesBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person carol;
  static Person zed;
  static String project;

  static final String TWO_VARIABLES = "{\"name\":\"Tagline\",\"kind\":\"text\","
      + "\"body\":\"Write a tagline for {{product}}.\\nTone: {{tone}}.\",\"variables\":["
      + "{\"name\":\"product\",\"label\":\"Product\",\"type\":\"text\",\"required\":true,\"limits\":{\"maxLength\":40}},"
      + "{\"name\":\"tone\",\"type\":\"choice\",\"default\":\"warm\",\"limits\":{\"options\":[\"warm\",\"bold\"]}}]}";

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test), "RATE_LIMIT_PER_USER", "10000/1m",
        "RATE_LIMIT_PER_IP", "10000/1m", "RATE_LIMIT_PER_PEER", "10000/1m", "DEMO_CHUNK_DELAY", "0ms",
        "DEMO_LATENCY", "20ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    carol = Emulator.signUp("carol");
    zed = Emulator.signUp("zed");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Shop\"}").expect(201).object().get("id")
        .getAsString();
    bob = Invitations.join(api, alice, project, bob, "editor");
    carol = Invitations.join(api, alice, project, carol, "viewer");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static String projectTemplates() {
    return "/api/projects/" + project + "/templates";
  }

  static JsonObject make(Person who, String path, String body) throws Exception {
    return api.post(path, who.idToken(), body).expect(201).object();
  }

  static List<String> fields(Answer a) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : a.object().getAsJsonArray("errors")) {
      out.add(e.getAsJsonObject().get("field").getAsString());
    }
    return out;
  }

  static List<String> ids(Answer list) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : list.object().getAsJsonArray("items")) {
      out.add(e.getAsJsonObject().get("id").getAsString());
    }
    return out;
  }

  static String scopeOf(Answer list, String id) {
    for (JsonElement e : list.object().getAsJsonArray("items")) {
      if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
        return e.getAsJsonObject().get("scope").getAsString();
      }
    }
    return null;
  }

  @Test
  void aProjectTemplateIsMadeReadChangedAndDeleted() throws Exception {
    JsonObject t = make(bob, projectTemplates(), TWO_VARIABLES);
    String one = projectTemplates() + "/" + t.get("id").getAsString();
    assertEquals("project", t.get("scope").getAsString());
    assertEquals(1, t.get("version").getAsInt());
    JsonObject product = t.getAsJsonArray("variables").get(0).getAsJsonObject();
    assertEquals("Product", product.get("label").getAsString());
    assertEquals(40, product.getAsJsonObject("limits").get("maxLength").getAsInt());
    assertEquals("warm", t.getAsJsonArray("variables").get(1).getAsJsonObject().get("default").getAsString());

    assertEquals("Tagline", api.get(one, carol.idToken()).expect(200).object().get("name").getAsString());
    JsonObject changed = api.patch(one, bob.idToken(), "{\"basedOn\":1,\"name\":\"Tagline 2\"}").expect(200).object();
    assertEquals(2, changed.get("version").getAsInt());
    assertEquals(t.get("body").getAsString(), changed.get("body").getAsString());

    api.delete(one, bob.idToken()).expect(204);
    api.get(one, alice.idToken()).expect(404);
    assertFalse(ids(api.get(projectTemplates(), alice.idToken()).expect(200)).contains(t.get("id").getAsString()));
  }

  @Test
  void theListMergesBuiltInPersonalAndProjectTemplatesWithTheirScope() throws Exception {
    String mine = make(alice, "/api/templates", TWO_VARIABLES).get("id").getAsString();
    String ours = make(alice, projectTemplates(), TWO_VARIABLES).get("id").getAsString();
    Answer inProject = api.get(projectTemplates(), alice.idToken()).expect(200);
    assertEquals("global", scopeOf(inProject, "global-social-post"));
    assertEquals("personal", scopeOf(inProject, mine));
    assertEquals("project", scopeOf(inProject, ours));
    Answer library = api.get("/api/templates", alice.idToken()).expect(200);
    assertEquals("personal", scopeOf(library, mine));
    assertFalse(ids(library).contains(ours), "outside the project, its templates are not listed");
    assertFalse(ids(api.get(projectTemplates(), bob.idToken()).expect(200)).contains(mine),
        "another member does not see alice's library");
  }

  @Test
  void aStaleEditIs409AndRestoreMakesANewVersionWithADiff() throws Exception {
    String id = make(alice, "/api/templates", TWO_VARIABLES).get("id").getAsString();
    String one = "/api/templates/" + id;
    api.patch(one, alice.idToken(), "{\"basedOn\":1,\"body\":\"Write a tagline for {{product}}.\\nTone: {{tone}}!\","
        + "\"variables\":[{\"name\":\"product\",\"type\":\"text\",\"required\":true},"
        + "{\"name\":\"tone\",\"type\":\"choice\",\"limits\":{\"options\":[\"warm\",\"bold\"]}},"
        + "{\"name\":\"short\",\"type\":\"boolean\",\"default\":false}]}").expect(200);
    Answer stale = api.patch(one, alice.idToken(), "{\"basedOn\":1,\"name\":\"Lost\"}").expect(409);
    assertTrue(stale.object().get("detail").getAsString().contains("version 2"), stale.raw().body());
    assertEquals("Tagline", api.get(one, alice.idToken()).expect(200).object().get("name").getAsString());

    JsonObject diff = api.get(one + "/diff?from=1&to=2", alice.idToken()).expect(200).object();
    List<String> lines = new ArrayList<>();
    for (JsonElement e : diff.getAsJsonArray("lines")) {
      lines.add(e.getAsJsonObject().get("op").getAsString() + ":" + e.getAsJsonObject().get("text").getAsString());
    }
    assertEquals(List.of("equal:Write a tagline for {{product}}.", "removed:Tone: {{tone}}.", "added:Tone: {{tone}}!"),
        lines);
    List<String> changes = new ArrayList<>();
    for (JsonElement e : diff.getAsJsonArray("variables")) {
      changes.add(e.getAsJsonObject().get("name").getAsString() + ":" + e.getAsJsonObject().get("change").getAsString());
    }
    assertEquals(List.of("product:changed", "tone:changed", "short:added"), changes);

    api.post(one + "/versions/1/restore", alice.idToken(), "{\"basedOn\":1}").expect(409);
    JsonObject restored = api.post(one + "/versions/1/restore", alice.idToken(), "{\"basedOn\":2}").expect(200).object();
    assertEquals(3, restored.get("version").getAsInt());
    assertTrue(restored.get("body").getAsString().endsWith("Tone: {{tone}}."), restored.toString());
    JsonArray versions = api.get(one + "/versions", alice.idToken()).expect(200).object().getAsJsonArray("items");
    assertEquals(3, versions.size());
    assertEquals(3, versions.get(0).getAsJsonObject().get("number").getAsInt());
    assertEquals(1, versions.get(0).getAsJsonObject().get("restoredFrom").getAsInt());
    api.get(one + "/versions/9", alice.idToken()).expect(404);
  }

  @Test
  void viewersReadEditorsWriteAndAPersonalTemplateIsItsOwnersAlone() throws Exception {
    api.post(projectTemplates(), carol.idToken(), TWO_VARIABLES).expect(403);
    String ours = make(bob, projectTemplates(), TWO_VARIABLES).get("id").getAsString();
    api.patch(projectTemplates() + "/" + ours, carol.idToken(), "{\"basedOn\":1,\"name\":\"x\"}").expect(403);
    api.delete(projectTemplates() + "/" + ours, carol.idToken()).expect(403);
    api.post(projectTemplates() + "/" + ours + "/preview", carol.idToken(), "{\"values\":{\"product\":\"Tea\"}}")
        .expect(200);

    String mine = make(alice, "/api/templates", TWO_VARIABLES).get("id").getAsString();
    api.get("/api/templates/" + mine, bob.idToken()).expect(404);
    api.get(projectTemplates() + "/" + mine, bob.idToken()).expect(404);
    api.patch("/api/templates/" + mine, bob.idToken(), "{\"basedOn\":1,\"name\":\"x\"}").expect(404);
    api.get(projectTemplates() + "/" + mine, alice.idToken()).expect(200);

    api.patch("/api/templates/global-social-post", alice.idToken(), "{\"basedOn\":1,\"name\":\"x\"}").expect(403);
    JsonObject copy = api.post("/api/templates/global-social-post/duplicate", alice.idToken(), "{}").expect(201).object();
    assertEquals("personal", copy.get("scope").getAsString());
    assertEquals("Copy of Social post", copy.get("name").getAsString());
    api.post(projectTemplates() + "/" + mine + "/duplicate", bob.idToken(), "{}").expect(404);
  }

  @Test
  void aStrangerGetsTheSame404AsForNothing() throws Exception {
    String ours = make(alice, projectTemplates(), TWO_VARIABLES).get("id").getAsString();
    Answer stranger = api.get(projectTemplates() + "/" + ours, zed.idToken()).expect(404);
    Answer nothing = api.get(projectTemplates() + "/AAAAAAAAAAAAAAAAAAAA", zed.idToken()).expect(404);
    assertEquals(nothing.object().get("title").getAsString(), stranger.object().get("title").getAsString());
    api.get(projectTemplates(), zed.idToken()).expect(404);
    api.get("/api/templates/" + ours, alice.idToken()).expect(404);
    api.post(projectTemplates() + "/" + ours + "/preview", zed.idToken(), "{\"values\":{}}").expect(404);
    api.get(projectTemplates() + "/" + ours + "/versions", zed.idToken()).expect(404);
  }

  @Test
  void anUnknownPlaceholderOrABadValueIsA400NamingTheField() throws Exception {
    Answer unknown = api.post("/api/templates", alice.idToken(), "{\"name\":\"X\",\"kind\":\"text\","
        + "\"body\":\"Hi {{who}}\",\"variables\":[]}").expect(400);
    assertEquals(List.of("body"), fields(unknown));
    Answer badDefault = api.post("/api/templates", alice.idToken(), "{\"name\":\"X\",\"kind\":\"text\","
        + "\"body\":\"{{n}} words\",\"variables\":[{\"name\":\"n\",\"type\":\"number\",\"default\":500,"
        + "\"limits\":{\"min\":10,\"max\":100}}]}").expect(400);
    assertEquals(List.of("variables[0].default"), fields(badDefault));
    String id = make(alice, "/api/templates", TWO_VARIABLES).get("id").getAsString();
    Answer bad = api.post("/api/templates/" + id + "/preview", alice.idToken(),
        "{\"values\":{\"product\":\"" + "x".repeat(41) + "\",\"tone\":\"grim\"}}").expect(400);
    assertEquals(List.of("values.product", "values.tone"), fields(bad).stream().sorted().toList());
  }

  @Test
  void aPreviewRendersSavedAndUnsavedTemplatesWithoutAProvider() throws Exception {
    String id = make(alice, "/api/templates", TWO_VARIABLES).get("id").getAsString();
    JsonObject saved = api.post("/api/templates/" + id + "/preview", alice.idToken(),
        "{\"values\":{\"product\":\"green tea\"}}").expect(200).object();
    assertEquals("Write a tagline for green tea.\nTone: warm.", saved.get("prompt").getAsString());
    JsonObject draft = api.post("/api/templates/preview", alice.idToken(), "{\"body\":\"Say \\\\{{hi}} to {{who}}\","
        + "\"variables\":[{\"name\":\"who\",\"type\":\"text\"}],\"values\":{\"who\":\"{{who}}\"}}").expect(200).object();
    assertEquals("Say {{hi}} to {{who}}", draft.get("prompt").getAsString());
  }

  @Test
  void anImportWithOneBadTemplateWritesNothingAndAGoodOneWritesAll() throws Exception {
    Person ivy = Emulator.signUp("ivy");
    int before = ids(api.get("/api/templates", ivy.idToken()).expect(200)).size();
    String good = "{\"name\":\"A\",\"kind\":\"text\",\"body\":\"About {{a}}\",\"variables\":[{\"name\":\"a\",\"type\":\"text\"}]}";
    String bad = "{\"name\":\"B\",\"kind\":\"text\",\"body\":\"About {{b}}\",\"variables\":[]}";
    Answer refused = api.post("/api/templates/import", ivy.idToken(), "{\"format\":\"content-creator.templates\","
        + "\"version\":1,\"templates\":[" + good + "," + bad + "]}").expect(400);
    assertEquals(List.of("templates[1].body"), fields(refused));
    api.post("/api/templates/import", ivy.idToken(), "{\"format\":\"content-creator.templates\"").expect(400);
    api.post("/api/templates/import", ivy.idToken(), "{\"format\":\"other\",\"version\":1,\"templates\":[" + good + "]}")
        .expect(400);
    assertEquals(before, ids(api.get("/api/templates", ivy.idToken()).expect(200)).size(), "nothing was written");

    JsonObject exported = api.get("/api/templates/" + make(ivy, "/api/templates", TWO_VARIABLES).get("id").getAsString()
        + "/export", ivy.idToken()).expect(200).object();
    assertEquals("content-creator.templates", exported.get("format").getAsString());
    String doc = "{\"format\":\"content-creator.templates\",\"version\":1,\"templates\":[" + good + ","
        + exported.getAsJsonArray("templates").get(0) + "]}";
    JsonArray made = api.post(projectTemplates() + "/import", alice.idToken(), doc).expect(201).object()
        .getAsJsonArray("items");
    assertEquals(2, made.size());
    assertEquals("project", made.get(1).getAsJsonObject().get("scope").getAsString());
    assertEquals(2, made.get(1).getAsJsonObject().getAsJsonArray("variables").size());
    JsonObject library = api.get("/api/templates/export", ivy.idToken()).expect(200).object();
    assertEquals(1, library.getAsJsonArray("templates").size());
  }

  @Test
  void tryingMoreThanThreeRowsIsA400AndTwoRowsMakeTwoItems() throws Exception {
    String id = make(bob, projectTemplates(), TWO_VARIABLES).get("id").getAsString();
    String path = projectTemplates() + "/" + id + "/try";
    String row = "{\"product\":\"tea\"}";
    api.send("POST", path, bob.idToken(), "{\"rows\":[" + row + "," + row + "," + row + "," + row + "]}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(400);
    Answer badRow = api.send("POST", path, bob.idToken(), "{\"rows\":[" + row + ",{\"tone\":\"bold\"}]}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(400);
    assertEquals(List.of("rows[1].product"), fields(badRow));
    api.send("POST", path, carol.idToken(), "{\"rows\":[" + row + "]}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(403);

    JsonObject job = api.send("POST", path, bob.idToken(), "{\"rows\":[{\"product\":\"green tea\"},"
        + "{\"product\":\"black coffee\",\"tone\":\"bold\"}]}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .expect(202).object();
    String jobId = job.get("id").getAsString();
    JsonObject done = job;
    for (int i = 0; i < 600 && List.of("queued", "running").contains(done.get("status").getAsString()); i++) {
      Thread.sleep(100);
      done = api.get("/api/projects/" + project + "/generations/" + jobId, bob.idToken()).expect(200).object();
    }
    assertEquals("completed", done.get("status").getAsString(), done.toString());
    JsonArray items = done.getAsJsonArray("items");
    assertEquals(2, items.size());
    List<String> texts = new ArrayList<>();
    for (JsonElement e : items) {
      assertEquals("completed", e.getAsJsonObject().get("status").getAsString(), e.toString());
      JsonObject content = api.get("/api/projects/" + project + "/contents/"
          + e.getAsJsonObject().get("contentId").getAsString(), bob.idToken()).expect(200).object();
      texts.add(content.getAsJsonObject("current").get("text").getAsString());
    }
    assertFalse(texts.get(0).isBlank() || texts.get(1).isBlank(), texts.toString());
    assertFalse(texts.get(0).equals(texts.get(1)), "each row made its own text: " + texts);
    JsonObject usage = api.get("/api/projects/" + project, bob.idToken()).expect(200).object().getAsJsonObject("usage");
    assertTrue(usage.get("items").getAsLong() >= 2, usage.toString());
  }

  @Test
  void aProjectKeyReachesTheProjectsTemplatesAndAViewersKeyWritesNothing() throws Exception {
    String editorKey = api.post("/api/me/keys", alice.idToken(), "{\"name\":\"ci\",\"role\":\"editor\",\"projectId\":\""
        + project + "\"}").expect(201).object().get("secret").getAsString();
    String viewerKey = api.post("/api/me/keys", alice.idToken(), "{\"name\":\"ro\",\"role\":\"viewer\",\"projectId\":\""
        + project + "\"}").expect(201).object().get("secret").getAsString();
    String id = api.post(projectTemplates(), editorKey, TWO_VARIABLES).expect(201).object().get("id").getAsString();
    api.get(projectTemplates() + "/" + id, viewerKey).expect(200);
    api.patch(projectTemplates() + "/" + id, viewerKey, "{\"basedOn\":1,\"name\":\"x\"}").expect(403);
    api.post("/api/templates", editorKey, TWO_VARIABLES).expect(403);
  }

  @Test
  void aBatchMadeFromADeletedTemplateKeepsItsTemplateButANewOneCannotPickIt() throws Exception {
    String id = make(alice, projectTemplates(), TWO_VARIABLES).get("id").getAsString();
    String batch = api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"W\",\"templateId\":\""
        + id + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"UTC\",\"rows\":[{\"product\":\"tea\"}]}").expect(201).object().get("id").getAsString();
    api.delete(projectTemplates() + "/" + id, alice.idToken()).expect(204);
    api.post("/api/projects/" + project + "/batches/" + batch + "/run", alice.idToken(), null).expect(201);
    api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"W2\",\"templateId\":\""
        + id + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"UTC\",\"rows\":[{\"product\":\"tea\"}]}").expect(422);
  }
}
