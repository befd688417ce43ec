package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several brand kits per project from the outside: a project's voice from before kits becomes its
 * default kit with nothing lost; a job names a kit and is checked by that kit's rules, and its fix
 * writes in the same kit and keeps them; one default at a time, mirrored by the project's voice;
 * the default cannot be removed; viewers only read, strangers see nothing.
 */
class BrandKitsBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person dave;
  static String project;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m", "DEMO_CHUNK_DELAY", "1ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice-kits");
    bob = Emulator.signUp("bob-kits");
    dave = Emulator.signUp("dave-kits");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Kits\"}").expect(201).object().get("id")
        .getAsString();
    Invitations.join(api, alice, project, bob, "viewer");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String kits() {
    return "/api/projects/" + project + "/brandkits";
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

  private static JsonObject generate(String body) throws Exception {
    return api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(), body,
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(202).object();
  }

  private static JsonObject current(String contentId) throws Exception {
    return api.get("/api/projects/" + project + "/contents/" + contentId, alice.idToken()).expect(200).object()
        .getAsJsonObject("current");
  }

  @Test
  void kitsAreMadeChosenPerJobCheckedAndFixed() throws Exception {
    // A voice set before kits: the first read makes it the default kit, whole.
    api.patch("/api/projects/" + project, alice.idToken(),
        "{\"brandVoice\":{\"tone\":\"warm\",\"bannedWords\":[\"cheap\"],\"maxWords\":400}}").expect(200);
    JsonArray listed = api.get(kits(), bob.idToken()).expect(200).object().getAsJsonArray("items");
    assertEquals(1, listed.size(), listed::toString);
    JsonObject first = listed.get(0).getAsJsonObject();
    assertTrue(first.get("isDefault").getAsBoolean());
    assertEquals("warm", first.getAsJsonObject("voice").get("tone").getAsString());
    assertEquals("cheap", first.getAsJsonObject("voice").getAsJsonArray("bannedWords").get(0).getAsString());
    assertEquals(400, first.getAsJsonObject("voice").get("maxWords").getAsInt());

    // A second kit with its own banned word; a viewer may not make one, a stranger sees none.
    String body = "{\"name\":\"Bakery\",\"voice\":{\"bannedWords\":[\"sourdough\"]}}";
    api.post(kits(), bob.idToken(), body).expect(403);
    api.get(kits(), dave.idToken()).expect(404);
    JsonObject bakery = api.post(kits(), alice.idToken(), body).expect(201).object();
    assertFalse(bakery.get("isDefault").getAsBoolean());
    String kitId = bakery.get("id").getAsString();

    // The default kit's rules do not ban "sourdough"; the Bakery kit's do.
    JsonObject plain = awaitEnd(generate("{\"kind\":\"text\",\"prompt\":\"Write about sourdough loaves\"}")
        .get("id").getAsString());
    assertEquals(0, plain.get("flagged").getAsInt(), plain::toString);
    JsonObject inKit = awaitEnd(generate("{\"kind\":\"text\",\"prompt\":\"Write about sourdough loaves\","
        + "\"brandKitId\":\"" + kitId + "\"}").get("id").getAsString());
    assertEquals(1, inKit.get("flagged").getAsInt(), inKit::toString);
    String contentId = inKit.getAsJsonArray("items").get(0).getAsJsonObject().get("contentId").getAsString();
    assertEquals("banned-term", current(contentId).getAsJsonArray("findings").get(0).getAsJsonObject().get("rule")
        .getAsString());

    // The fix writes in the same kit, and keeps its rule.
    JsonObject fix = api.send("POST", "/api/projects/" + project + "/contents/" + contentId + "/fix",
        alice.idToken(), null, Map.of()).expect(202).object();
    assertEquals("completed", awaitEnd(fix.get("id").getAsString()).get("status").getAsString());
    JsonObject fixed = current(contentId);
    assertEquals(0, fixed.getAsJsonArray("findings").size(), fixed::toString);
    assertFalse(fixed.get("text").getAsString().toLowerCase(Locale.ROOT).contains("sourdough"), fixed::toString);

    // Another project's kit, or none, is a 422 naming the field.
    JsonObject refused = api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"x\",\"brandKitId\":\"nosuchkit\"}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(422).object();
    assertTrue(refused.toString().contains("brandKitId"), refused::toString);

    // Making Bakery the default moves the flag and the project's voice with it.
    api.patch(kits() + "/" + kitId, alice.idToken(), "{\"isDefault\":true}").expect(200);
    JsonArray after = api.get(kits(), alice.idToken()).expect(200).object().getAsJsonArray("items");
    assertEquals(kitId, after.get(0).getAsJsonObject().get("id").getAsString(), "the default is listed first");
    assertEquals(1, after.asList().stream().filter(k -> k.getAsJsonObject().get("isDefault").getAsBoolean()).count());
    JsonObject projectNow = api.get("/api/projects/" + project, alice.idToken()).expect(200).object();
    assertEquals("sourdough", projectNow.getAsJsonObject("brandVoice").getAsJsonArray("bannedWords").get(0)
        .getAsString());

    // A change of the project's voice is a change of the default kit's; the default cannot go.
    api.patch("/api/projects/" + project, alice.idToken(), "{\"brandVoice\":{\"bannedWords\":[\"rye\"]}}")
        .expect(200);
    JsonObject dflt = api.get(kits(), alice.idToken()).expect(200).object().getAsJsonArray("items").get(0)
        .getAsJsonObject();
    assertEquals("rye", dflt.getAsJsonObject("voice").getAsJsonArray("bannedWords").get(0).getAsString());
    api.delete(kits() + "/" + kitId, alice.idToken()).expect(409);
    api.delete(kits() + "/" + first.get("id").getAsString(), alice.idToken()).expect(204);
    assertEquals(1, api.get(kits(), alice.idToken()).expect(200).object().getAsJsonArray("items").size());
  }
}
