package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
 * What one project makes stays in it: the generation cache does not serve one tenant another's
 * output, and an Idempotency-Key belongs to one project, so the same key in two projects makes two
 * jobs (and never answers with the other project's job).
 */
class TenantScopeBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "DEMO_CHUNK_DELAY", "0ms"));
    api = new Api(server.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static String project(Person who, String name) throws Exception {
    return api.post("/api/projects", who.idToken(), "{\"name\":\"" + name + "\"}").expect(201).object().get("id")
        .getAsString();
  }

  static String generate(Person who, String project, String body, String key) throws Exception {
    return api.send("POST", "/api/projects/" + project + "/generations", who.idToken(), body,
        Map.of("Idempotency-Key", key)).expect(202).object().get("id").getAsString();
  }

  static JsonObject awaitEnd(Person who, String project, String jobId) throws Exception {
    JsonObject job = null;
    for (int i = 0; i < 600; i++) {
      job = api.get("/api/projects/" + project + "/generations/" + jobId, who.idToken()).expect(200).object();
      if (List.of("completed", "failed", "cancelled").contains(job.get("status").getAsString())) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " did not end: " + job);
  }

  static JsonObject firstItem(JsonObject job) {
    return job.getAsJsonArray("items").get(0).getAsJsonObject();
  }

  @Test
  void aTenantWhoGuessesAnotherTenantsPromptIsNotServedItsOutput() throws Exception {
    Person victim = Emulator.signUp("victim");
    Person guesser = Emulator.signUp("guesser");
    String theirs = project(victim, "Launch plans");
    String mine = project(guesser, "Guesses");
    String prompt = "Secret launch poster " + UUID.randomUUID();
    String body = "{\"kind\":\"image\",\"prompt\":\"" + prompt + "\",\"options\":{\"size\":\"256x256\"}}";

    JsonObject made = awaitEnd(victim, theirs, generate(victim, theirs, body, UUID.randomUUID().toString()));
    assertEquals("completed", made.get("status").getAsString(), made::toString);
    JsonObject guessed = awaitEnd(guesser, mine, generate(guesser, mine, body, UUID.randomUUID().toString()));
    assertEquals("completed", guessed.get("status").getAsString(), guessed::toString);

    assertFalse(firstItem(guessed).get("cached").getAsBoolean(), "another project's output was served: " + guessed);
    JsonObject content = api.get("/api/projects/" + mine + "/contents/" + firstItem(guessed).get("contentId")
        .getAsString(), guesser.idToken()).expect(200).object().getAsJsonObject("current");
    String media = content.toString();
    assertFalse(media.contains(theirs), "the guesser's content names the victim's project: " + media);

    // Within one project the cache still serves a repeat.
    JsonObject again = awaitEnd(guesser, mine, generate(guesser, mine, body, UUID.randomUUID().toString()));
    assertEquals(true, firstItem(again).get("cached").getAsBoolean(), again::toString);
  }

  @Test
  void theSameIdempotencyKeyInTwoProjectsMakesTwoJobs() throws Exception {
    Person dana = Emulator.signUp("dana");
    String one = project(dana, "One");
    String two = project(dana, "Two");
    String key = UUID.randomUUID().toString();
    String body = "{\"kind\":\"text\",\"prompt\":\"A haiku about keys\"}";

    String first = generate(dana, one, body, key);
    String second = generate(dana, two, body, key);

    assertNotEquals(first, second, "the key of project One answered in project Two");
    JsonObject job = api.get("/api/projects/" + two + "/generations/" + second, dana.idToken()).expect(200).object();
    assertEquals(two, job.get("projectId").getAsString());
    // A retry in the same project still answers its first job.
    assertEquals(second, generate(dana, two, body, key));
  }
}
