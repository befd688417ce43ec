package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brand rules from the outside: a project's rules are checked on every text the (deterministic)
 * demo provider writes, the findings show on the content and flag its job, a fix makes a new
 * version with the findings as instructions, and the rules refuse bad input and strangers.
 */
class BrandRulesBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person carol;
  static Person dave;
  static String project;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "DEMO_CHUNK_DELAY", "1ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    carol = Emulator.signUp("carol");
    dave = Emulator.signUp("dave");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Bakery\"}").expect(201).object()
        .get("id").getAsString();
    Invitations.join(api, alice, project, bob, "viewer");
    Invitations.join(api, alice, project, carol, "editor");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static void rules(String voice) throws Exception {
    api.patch("/api/projects/" + project, alice.idToken(), "{\"brandVoice\":" + voice + "}").expect(200);
  }

  private static JsonObject generate(String prompt) throws Exception {
    String id = api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"" + prompt + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .expect(202).object().get("id").getAsString();
    return awaitEnd(id);
  }

  private static JsonObject awaitEnd(String jobId) throws Exception {
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

  private static String contentOf(JsonObject job) {
    return job.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
  }

  private static JsonObject content(String contentId) throws Exception {
    return api.get("/api/projects/" + project + "/contents/" + contentId, alice.idToken()).expect(200).object();
  }

  private static JsonObject finding(JsonArray findings, String rule) {
    for (JsonElement f : findings) {
      if (f.getAsJsonObject().get("rule").getAsString().equals(rule)) {
        return f.getAsJsonObject();
      }
    }
    throw new AssertionError("no " + rule + " finding in " + findings);
  }

  @Test
  void aTextThatBreaksTheRulesIsFlaggedWithItsPassagesAndAFixMakesANewVersion() throws Exception {
    rules("{\"bannedWords\":[\"sourdough\"],\"requiredTerms\":[\"Acme\"],\"maxWords\":10}");
    JsonObject job = generate("Write about sourdough loaves");
    assertEquals("completed", job.get("status").getAsString(), "a rule never fails an item");
    assertEquals(1, job.get("flagged").getAsInt());
    assertTrue(job.getAsJsonArray("items").get(0).getAsJsonObject().get("findings").getAsInt() >= 3, job.toString());

    String contentId = contentOf(job);
    JsonObject current = content(contentId).getAsJsonObject("current");
    String text = current.get("text").getAsString();
    JsonArray findings = current.getAsJsonArray("findings");
    JsonObject banned = finding(findings, "banned-term");
    assertEquals("sourdough", banned.get("passage").getAsString().toLowerCase(java.util.Locale.ROOT));
    assertEquals(banned.get("passage").getAsString(),
        text.substring(banned.get("start").getAsInt(), banned.get("end").getAsInt()), "the offsets mark the passage");
    JsonObject required = finding(findings, "required-term");
    assertTrue(required.get("message").getAsString().contains("Acme"));
    assertTrue(!required.has("passage"), "a missing term has no passage");
    JsonObject tooLong = finding(findings, "max-words");
    assertEquals(text.substring(tooLong.get("start").getAsInt(), tooLong.get("end").getAsInt()),
        tooLong.get("passage").getAsString());

    // A viewer may not fix, a stranger does not see the item; an editor's fix is a regeneration.
    String fix = "/api/projects/" + project + "/contents/" + contentId + "/fix";
    api.send("POST", fix, bob.idToken(), null, Map.of()).expect(403);
    api.send("POST", fix, dave.idToken(), null, Map.of()).expect(404);
    api.send("POST", "/api/projects/" + project + "/contents/nosuchitem/fix", carol.idToken(), null, Map.of())
        .expect(404);
    JsonObject fixJob = api.send("POST", fix, carol.idToken(), null, Map.of()).expect(202).object();
    assertEquals(contentId, fixJob.get("contentId").getAsString());
    assertTrue(fixJob.get("prompt").getAsString().startsWith("Write about sourdough loaves\n\n"), fixJob.toString());
    assertTrue(fixJob.get("prompt").getAsString().contains("Uses the banned term \"sourdough\"."));
    JsonObject fixed = awaitEnd(fixJob.get("id").getAsString());
    assertEquals("completed", fixed.get("status").getAsString());
    JsonObject after = content(contentId);
    assertEquals(2, after.get("currentVersion").getAsInt(), "the fix added a version");
    assertEquals(fixJob.get("id").getAsString(), after.getAsJsonObject("current").get("jobId").getAsString());

    // An edit is checked too: this one keeps every rule, so it has no findings and nothing to fix.
    JsonObject edited = api.patch("/api/projects/" + project + "/contents/" + contentId, alice.idToken(),
        "{\"text\":\"An Acme loaf.\"}").expect(200).object();
    assertEquals(0, edited.getAsJsonObject("current").getAsJsonArray("findings").size());
    api.send("POST", fix, alice.idToken(), null, Map.of()).expect(409);
  }

  @Test
  void aTextThatKeepsTheRulesIsNotFlagged() throws Exception {
    rules("{\"bannedWords\":[\"zyzzyva\"],\"minWords\":1,\"maxReadingGrade\":20}");
    JsonObject job = generate("Write about rye crackers");
    assertEquals(0, job.get("flagged").getAsInt());
    assertEquals(0, job.getAsJsonArray("items").get(0).getAsJsonObject().get("findings").getAsInt());
    String contentId = contentOf(job);
    assertEquals(0, content(contentId).getAsJsonObject("current").getAsJsonArray("findings").size());
    api.send("POST", "/api/projects/" + project + "/contents/" + contentId + "/fix", alice.idToken(), null, Map.of())
        .expect(409);
  }

  @Test
  void aBatchRunCountsTheItemsItsRulesFlagged() throws Exception {
    rules("{\"bannedWords\":[\"muffins\"]}");
    String template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":"
        + "\"Line\",\"kind\":\"text\",\"body\":\"A note about {{product}}\",\"variables\":["
        + "{\"name\":\"product\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id")
        .getAsString();
    String batch = api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"Daily\","
        + "\"templateId\":\"" + template + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"UTC\",\"rows\":["
        + "{\"product\":\"muffins\"},{\"product\":\"scones\"},{\"product\":\"blueberry muffins\"}]}")
        .expect(201).object().get("id").getAsString();
    api.post("/api/projects/" + project + "/batches/" + batch + "/run", alice.idToken(), null).expect(201);
    JsonObject run = null;
    for (int i = 0; i < 600; i++) {
      run = api.get("/api/projects/" + project + "/batches/" + batch + "/runs", alice.idToken()).expect(200).object()
          .getAsJsonArray("items").get(0).getAsJsonObject();
      if (run.get("status").getAsString().equals("completed")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("completed", run.get("status").getAsString(), run.toString());
    assertEquals(3, run.get("completed").getAsInt());
    assertEquals(2, run.get("flagged").getAsInt(), "the two rows about muffins: " + run);
  }

  @Test
  void anImageTakesTheStylePresetWhereItsRequestSaysNothing() throws Exception {
    rules("{\"imageStyle\":{\"stylePrompt\":\"watercolour\",\"aspectRatio\":\"2:1\",\"negativePrompt\":\"text\"}}");
    String id = api.send("POST", "/api/projects/" + project + "/generations", carol.idToken(),
        "{\"kind\":\"image\",\"prompt\":\"A loaf\",\"options\":{\"size\":\"128x128\"}}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).object().get("id").getAsString();
    JsonObject sized = awaitEnd(id);
    assertEquals("A loaf\n\nStyle: watercolour", sized.get("prompt").getAsString());
    assertTrue(!sized.getAsJsonObject("options").has("aspectRatio"), "a request that sets its shape keeps it");
    assertEquals("text", sized.getAsJsonObject("options").get("negativePrompt").getAsString());

    String plain = api.send("POST", "/api/projects/" + project + "/generations", carol.idToken(),
        "{\"kind\":\"image\",\"prompt\":\"A pie\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .expect(202).object().get("id").getAsString();
    JsonObject ratioed = awaitEnd(plain);
    assertEquals("completed", ratioed.get("status").getAsString(), ratioed.toString());
    assertEquals("2:1", ratioed.getAsJsonObject("options").get("aspectRatio").getAsString());
    JsonObject image = content(contentOf(ratioed)).getAsJsonObject("current");
    assertEquals(2 * image.get("height").getAsInt(), image.get("width").getAsInt(), image.toString());

    // A text is not styled; and a bad preset is refused.
    assertEquals("Write about pies", generate("Write about pies").get("prompt").getAsString());
    for (String bad : List.of("{\"aspectRatio\":\"wide\"}", "{\"aspectRatio\":\"0:1\"}",
        "{\"stylePrompt\":\"" + "s".repeat(501) + "\"}", "{\"lens\":\"50mm\"}")) {
      JsonObject problem = api.patch("/api/projects/" + project, alice.idToken(),
          "{\"brandVoice\":{\"imageStyle\":" + bad + "}}").expect(400).object();
      assertTrue(problem.toString().contains("brandVoice.imageStyle."), bad + " -> " + problem);
    }
    assertEquals("2:1", api.get("/api/projects/" + project, bob.idToken()).expect(200).object()
        .getAsJsonObject("brandVoice").getAsJsonObject("imageStyle").get("aspectRatio").getAsString());
  }

  @Test
  void aVoiceIsDraftedFromSamplesAndNothingIsStored() throws Exception {
    String path = "/api/projects/" + project + "/brand/draft";
    String body = "{\"samples\":[\"Our croissants rise slowly overnight.\",\"Pop in for warm croissants.\"]}";
    JsonObject draft = api.post(path, carol.idToken(), body).expect(200).object();
    assertTrue(draft.get("demo").getAsBoolean());
    String guide = draft.get("systemPrompt").getAsString();
    assertTrue(!guide.isBlank() && guide.length() <= 4000, guide);
    assertEquals(guide, api.post(path, alice.idToken(), body).expect(200).object().get("systemPrompt").getAsString(),
        "the demo's draft is the same for the same samples");
    api.post(path, bob.idToken(), body).expect(403);
    api.post(path, dave.idToken(), body).expect(404);
    for (String bad : List.of("{}", "{\"samples\":[]}", "{\"samples\":[\" \"]}",
        "{\"samples\":[\"" + "s".repeat(5001) + "\"]}", "{\"samples\":[" + "\"a\",".repeat(10) + "\"a\"]}",
        "{\"samples\":[\"a\"],\"tone\":\"x\"}")) {
      api.post(path, alice.idToken(), bad).expect(400);
    }
  }

  @Test
  void theRulesAreKeptAndShown() throws Exception {
    rules("{\"tone\":\"warm\",\"bannedWords\":[\"cheap\",\"world class\"],\"requiredTerms\":[\"Acme\"],"
        + "\"minWords\":5,\"maxWords\":300,\"maxReadingGrade\":8.5}");
    JsonObject voice = api.get("/api/projects/" + project, bob.idToken()).expect(200).object()
        .getAsJsonObject("brandVoice");
    assertEquals("world class", voice.getAsJsonArray("bannedWords").get(1).getAsString());
    assertEquals("Acme", voice.getAsJsonArray("requiredTerms").get(0).getAsString());
    assertEquals(5, voice.get("minWords").getAsInt());
    assertEquals(300, voice.get("maxWords").getAsInt());
    assertEquals(8.5, voice.get("maxReadingGrade").getAsDouble());
  }

  @Test
  void badRulesAreRefusedFieldByFieldAndChangeNothing() throws Exception {
    rules("{\"bannedWords\":[\"kept\"]}");
    String path = "/api/projects/" + project;
    for (String bad : List.of("{\"minWords\":10,\"maxWords\":5}", "{\"maxReadingGrade\":25}",
        "{\"maxReadingGrade\":0.5}", "{\"maxReadingGrade\":\"easy\"}", "{\"maxWords\":0}", "{\"minWords\":2.5}",
        "{\"requiredTerms\":[\"" + "x".repeat(51) + "\"]}", "{\"requiredTerms\":[42]}",
        "{\"bannedWords\":" + tooMany() + "}", "{\"requiredTerms\":[\" \"]}", "{\"maxSentences\":3}")) {
      JsonObject problem = api.patch(path, alice.idToken(), "{\"brandVoice\":" + bad + "}").expect(400).object();
      assertTrue(problem.toString().contains("brandVoice."), bad + " -> " + problem);
    }
    assertEquals("kept", api.get(path, alice.idToken()).expect(200).object().getAsJsonObject("brandVoice")
        .getAsJsonArray("bannedWords").get(0).getAsString());
    api.patch(path, bob.idToken(), "{\"brandVoice\":{\"maxWords\":5}}").expect(403);
    api.patch(path, dave.idToken(), "{\"brandVoice\":{\"maxWords\":5}}").expect(404);
  }

  private static String tooMany() {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i <= 100; i++) {
      s.append(i > 0 ? "," : "").append("\"w").append(i).append('"');
    }
    return s.append(']').toString();
  }
}
