package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting a project as its owner does, then looking at what is left in the data folder: every
 * document that belonged to it (contents with more versions than one purge page, batches,
 * templates, jobs, items, uploads, idempotency records, invitations) and every blob under it goes, in pages,
 * while the API answers 404 at once; usage history stays. A server killed in the middle of a purge
 * finishes it after a restart. Deleting one content item removes all of its versions too.
 */
class ProjectDeletionBlackBoxTest {
  static final Map<String, String> SETTINGS = Map.of("PURGE_PAGE_SIZE", "3", "PURGE_PAGE_DELAY", "200ms",
      "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m");
  @TempDir static Path data;
  static ServerProcess server;
  static Person alice;
  static Person bob;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, SETTINGS);
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static Api api() {
    return new Api(server.base());
  }

  /** A project full of things: an image with {@code versions} versions, another image, a template, a batch, a job, an upload slot. */
  static String fullProject(String name, int versions) throws Exception {
    Api api = api();
    String project = api.post("/api/projects", alice.idToken(), "{\"name\":\"" + name + "\"}").expect(201).object()
        .get("id").getAsString();
    bob = Invitations.join(api, alice, project, bob, "editor");
    String image = upload(project, "Many versions", MediaBlackBoxTest.png(80, 60));
    for (int i = 1; i < versions; i++) {
      api.patch("/api/projects/" + project + "/contents/" + image, alice.idToken(), "{\"restoreVersion\":1}").expect(200);
    }
    String another = upload(project, "Another", MediaBlackBoxTest.png(90, 70));
    api.post("/api/projects/" + project + "/contents/" + another + "/review", alice.idToken(),
        "{\"status\":\"in_review\"}").expect(200);
    String template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Line\","
        + "\"kind\":\"text\",\"body\":\"One line about {{product}}\",\"variables\":["
        + "{\"name\":\"product\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id").getAsString();
    api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"Weekly\",\"templateId\":\""
        + template + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"Europe/Paris\",\"maxConcurrent\":1,"
        + "\"rows\":[{\"product\":\"tea\"}]}").expect(201);
    String jobId = api.send("POST", "/api/projects/" + project + "/generations", alice.idToken(),
        "{\"kind\":\"text\",\"prompt\":\"A line about tea\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .expect(202).object().get("id").getAsString();
    Instant deadline = Instant.now().plusSeconds(60);
    while (!api.get("/api/projects/" + project + "/generations/" + jobId, alice.idToken()).expect(200).object()
        .get("status").getAsString().equals("completed")) {
      assertTrue(Instant.now().isBefore(deadline), "the text job did not complete");
      Thread.sleep(100);
    }
    api.post("/api/projects/" + project + "/media", alice.idToken(),
        "{\"byteSize\":1000,\"contentType\":\"image/png\",\"title\":\"Later\"}").expect(201);
    return project;
  }

  static String upload(String project, String title, byte[] png) throws Exception {
    var r = MediaUpload.send(server, project, alice, title, png);
    assertEquals(201, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject().get("id").getAsString();
  }

  /** Documents in the data folder that name the project, by collection; and its purge tombstones. */
  static Map<String, Integer> leftOf(String project) throws Exception {
    Map<String, Integer> left = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("contentcreator.db"));
        PreparedStatement q = c.prepareStatement("SELECT collection, count(*) FROM documents WHERE "
            + "json_extract(data, '$.projectId') = ? OR id LIKE ? OR (collection = 'idempotency' AND "
            + "json_extract(data, '$.jobId') IN (SELECT id FROM documents WHERE collection = 'jobs' "
            + "AND json_extract(data, '$.projectId') = ?)) GROUP BY collection")) {
      q.setString(1, project);
      q.setString(2, "%" + project + "%");
      q.setString(3, project);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          left.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    left.remove("usage");
    try (var walk = Files.walk(data.resolve("blobs"))) {
      int blobs = (int) walk.filter(Files::isRegularFile).filter(p -> p.toString().contains(project)).count();
      if (blobs > 0) {
        left.put("blobs", blobs);
      }
    }
    return left;
  }

  static Map<String, Integer> awaitGone(String project, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    Map<String, Integer> left = leftOf(project);
    while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      left = leftOf(project);
    }
    return left;
  }

  @Test
  void deletingAProjectRemovesEverythingThatBelongsToItInPages() throws Exception {
    String project = fullProject("Doomed", 8);
    Map<String, Integer> before = leftOf(project);
    for (String kind : new String[] {"contents", "versions", "batches", "templates", "jobs", "items", "jobcounters",
        "uploads", "idempotency", "invitations", "blobs", "reviews", "activity"}) {
      assertTrue(before.getOrDefault(kind, 0) > 0, () -> "the project has no " + kind + ": " + before);
    }
    assertTrue(before.get("versions") > 3, "more versions than one purge page");

    api().delete("/api/projects/" + project, alice.idToken()).expect(204);
    api().get("/api/projects/" + project, alice.idToken()).expect(404);
    api().get("/api/projects/" + project, bob.idToken()).expect(404);
    api().get("/api/projects/" + project + "/contents", bob.idToken()).expect(404);

    Map<String, Integer> left = awaitGone(project, Duration.ofSeconds(60));
    assertEquals(Map.of(), left, "what the purge left of the project");
  }

  @Test
  void deletingAContentItemRemovesAllItsVersionsAndMedia() throws Exception {
    Api api = api();
    String project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Kept\"}").expect(201).object()
        .get("id").getAsString();
    String image = upload(project, "Many versions", MediaBlackBoxTest.png(70, 50));
    for (int i = 1; i < 8; i++) {
      api.patch("/api/projects/" + project + "/contents/" + image, alice.idToken(), "{\"restoreVersion\":1}").expect(200);
    }
    api.post("/api/projects/" + project + "/contents/" + image + "/review", alice.idToken(),
        "{\"status\":\"in_review\"}").expect(200);
    String kept = upload(project, "Kept", MediaBlackBoxTest.png(75, 55));
    api.delete("/api/projects/" + project + "/contents/" + image, alice.idToken()).expect(204);
    api.get("/api/projects/" + project + "/contents/" + image, alice.idToken()).expect(404);
    Instant deadline = Instant.now().plusSeconds(30);
    Map<String, Integer> left = leftOf(project);
    while ((left.getOrDefault("versions", 0) != 1 || left.getOrDefault("purges", 0) != 0)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      left = leftOf(project);
    }
    Map<String, Integer> last = left;
    assertEquals(1, left.getOrDefault("versions", 0), () -> "only the kept item's version stays: " + last);
    assertEquals(0, left.getOrDefault("reviews", 0), () -> "the item's review history goes with it: " + last);
    assertTrue(left.getOrDefault("activity", 0) >= 10, () -> "the project's history of the item stays: " + last);
    JsonObject keptItem = api.get("/api/projects/" + project + "/contents/" + kept, alice.idToken()).expect(200).object();
    try (var walk = Files.walk(data.resolve("blobs"))) {
      String sha = keptItem.getAsJsonObject("current").get("sha256").getAsString();
      assertTrue(walk.filter(Files::isRegularFile).filter(p -> p.toString().contains(project))
          .allMatch(p -> p.toString().contains(sha)), "only the kept item's media stays");
    }
  }

  @Test
  void aServerKilledInTheMiddleOfAPurgeFinishesItAfterARestart() throws Exception {
    String project = fullProject("Crashed", 10);
    api().delete("/api/projects/" + project, alice.idToken()).expect(204);
    Thread.sleep(1000);
    server.kill();
    Map<String, Integer> midway = leftOf(project);
    assertTrue(!midway.isEmpty(), "the server was killed before the purge ended, with something left");
    server = ServerProcess.start(data, SETTINGS);
    api().get("/api/projects/" + project, alice.idToken()).expect(404);
    assertEquals(Map.of(), awaitGone(project, Duration.ofSeconds(60)), () -> "left after the restart; midway: " + midway);
  }
}
