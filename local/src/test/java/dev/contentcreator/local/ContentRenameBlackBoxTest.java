package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renaming a content item, as a person tidying up their project does: the new title, the same
 * current version, and no 500 (the rename once read the current version after its first write).
 */
class ContentRenameBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static String project;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Renames\"}").expect(201).object()
        .get("id").getAsString();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JsonObject upload() throws Exception {
    var r = MediaUpload.send(server, project, alice, "Before");
    assertEquals(201, r.statusCode(), r.body());
    return com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject();
  }

  @Test
  void renamingAContentItemKeepsItsCurrentVersion() throws Exception {
    JsonObject c = upload();
    String path = "/api/projects/" + project + "/contents/" + c.get("id").getAsString();
    Answer renamed = api.patch(path, alice.idToken(), "{\"title\":\"After\"}").expect(200);
    assertEquals("After", renamed.object().get("title").getAsString());
    assertEquals(1, renamed.object().getAsJsonObject("current").get("number").getAsInt());
    assertEquals("After", api.get(path, alice.idToken()).expect(200).object().get("title").getAsString());
  }

  @Test
  void renamingWithAStaleVersionIsRefusedAndAFreshOneAccepted() throws Exception {
    JsonObject c = upload();
    String path = "/api/projects/" + project + "/contents/" + c.get("id").getAsString();
    api.send("PATCH", path, alice.idToken(), "{\"title\":\"Stale\"}", Map.of("If-Match", "\"99\"")).expect(412);
    api.send("PATCH", path, alice.idToken(), "{\"title\":\"Fresh\"}",
        Map.of("If-Match", "\"" + c.get("version").getAsInt() + "\"")).expect(200);
  }
}
