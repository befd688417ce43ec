package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches held to the limits of a generation (issue 11, items 4, 8 and 9), from outside: the server
 * runs with a job cap of {@value #MAX_ITEMS} items and prompts of at most {@value #MAX_PROMPT}
 * characters, and its scheduler ticks every second.
 */
class BatchLimitsBlackBoxTest {
  static final int MAX_ITEMS = 5;
  static final int MAX_PROMPT = 200;

  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static String project;
  static String template;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "DEMO_CHUNK_DELAY", "0ms", "DEMO_LATENCY", "20ms", "BATCH_TICK", "1s",
        "GENERATION_MAX_ITEMS", Integer.toString(MAX_ITEMS), "GENERATION_MAX_PROMPT", Integer.toString(MAX_PROMPT)));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Shop\"}").expect(201).object().get("id")
        .getAsString();
    // No maxLength on product: the template's own bound is what the server gives it.
    template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Line\","
        + "\"kind\":\"text\",\"body\":\"One line about {{product}}\",\"variables\":["
        + "{\"name\":\"product\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id")
        .getAsString();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static String path(String rest) {
    return "/api/projects/" + project + "/batches" + rest;
  }

  static Api.Answer postBatch(String rowsJson, String schedule) throws Exception {
    return api.post(path(""), alice.idToken(), "{\"name\":\"Weekly\",\"templateId\":\"" + template
        + "\",\"schedule\":\"" + schedule + "\",\"timeZone\":\"UTC\",\"maxConcurrent\":2,\"rows\":" + rowsJson + "}");
  }

  static String rows(int n) {
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      rows.append(i == 0 ? "" : ",").append("{\"product\":\"item ").append(i).append("\"}");
    }
    return rows.append("]").toString();
  }

  static List<String> fields(JsonObject problem) {
    List<String> out = new ArrayList<>();
    if (problem.has("errors")) {
      for (JsonElement e : problem.getAsJsonArray("errors")) {
        out.add(e.getAsJsonObject().get("field").getAsString());
      }
    }
    return out;
  }

  static HttpResponse<String> uploadCsv(String batchId, byte[] csv) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve(path("/" + batchId + "/rows")))
        .header("Authorization", "Bearer " + alice.idToken()).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonArray runs(String batchId) throws Exception {
    return api.get(path("/" + batchId + "/runs"), alice.idToken()).expect(200).object().getAsJsonArray("items");
  }

  @Test
  void aRowThatRendersPastTheLongestPromptIsRefusedNamingItsRowAndColumn() throws Exception {
    String longValue = "x".repeat(MAX_PROMPT);
    Api.Answer refused = postBatch("[{\"product\":\"tea\"},{\"product\":\"" + longValue + "\"}]", "0 9 * * 1");
    assertEquals(422, refused.status(), refused.raw().body());
    assertEquals(List.of("rows[1].product"), fields(refused.object()), refused.raw().body());

    String id = postBatch("[{\"product\":\"tea\"}]", "0 9 * * 1").expect(201).object().get("id").getAsString();
    HttpResponse<String> csv = uploadCsv(id, ("product\ntea\n" + longValue + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(422, csv.statusCode(), csv.body());
    assertTrue(csv.body().contains("\"rows[2].product\""), csv.body());
  }

  @Test
  void aTemplateVariableWithoutABoundGetsOne() throws Exception {
    // A value beyond the per-variable bound is refused at the variable, whatever the template declared.
    String id = postBatch("[{\"product\":\"tea\"}]", "0 9 * * 1").expect(201).object().get("id").getAsString();
    Api.Answer refused = api.patch(path("/" + id), alice.idToken(),
        "{\"rows\":[{\"product\":\"" + "y".repeat(5_000) + "\"}]}");
    assertEquals(400, refused.status(), refused.raw().body());
    assertEquals(List.of("rows[0].product"), fields(refused.object()), refused.raw().body());
  }

  @Test
  void aRunOfMoreRowsThanAJobMayHoldIsSplitAndCompletesEveryRow() throws Exception {
    int n = 2 * MAX_ITEMS + 2;
    String id = postBatch(rows(n), "0 9 * * 1").expect(201).object().get("id").getAsString();
    JsonObject started = api.post(path("/" + id + "/run"), alice.idToken(), null).expect(201).object();
    assertEquals(n, started.get("items").getAsInt(), started.toString());
    JsonObject last = null;
    for (int i = 0; i < 600; i++) {
      last = runs(id).get(0).getAsJsonObject();
      if (!last.get("status").getAsString().matches("queued|running")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("completed", last.get("status").getAsString(), last.toString());
    assertEquals(n, last.get("completed").getAsInt(), last.toString());
    assertTrue(last.has("jobIds"), "the run lists its jobs: " + last);
    JsonArray jobs = last.getAsJsonArray("jobIds");
    assertEquals((n + MAX_ITEMS - 1) / MAX_ITEMS, jobs.size(), last.toString());
    for (JsonElement jobId : jobs) {
      JsonObject job = api.get("/api/projects/" + project + "/generations/" + jobId.getAsString(), alice.idToken())
          .expect(200).object();
      assertTrue(job.getAsJsonArray("items").size() <= MAX_ITEMS, "a job holds at most the cap: " + job);
      assertEquals("completed", job.get("status").getAsString());
    }
  }

  @Test
  void oneBrokenBatchDoesNotStopAnotherBatchsScheduledRun() throws Exception {
    String due = "once at " + Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
    String a = postBatch(rows(1), due).expect(201).object().get("id").getAsString();
    String b = postBatch(rows(1), due).expect(201).object().get("id").getAsString();
    // The scheduler reads batches in id order: break the first, as a document that an older or newer
    // version wrote (a kind this version does not know) would be.
    String broken = a.compareTo(b) < 0 ? a : b;
    String good = broken.equals(a) ? b : a;
    sql("UPDATE documents SET data = json_set(data, '$.kind', 'hologram') WHERE collection = 'batches' AND id = ?",
        broken);
    JsonArray goodRuns = new JsonArray();
    for (int i = 0; i < 200 && goodRuns.isEmpty(); i++) {
      Thread.sleep(100);
      goodRuns = runs(good);
    }
    assertEquals(1, goodRuns.size(), "the healthy batch ran on time despite the broken one");
    String stored = null;
    for (int i = 0; i < 100 && (stored == null || !stored.contains("lastErrorAt")); i++) {
      Thread.sleep(100);
      stored = sql("SELECT data FROM documents WHERE collection = 'batches' AND id = ?", broken);
    }
    assertTrue(stored.contains("\"lastError\"") && stored.contains("\"lastErrorAt\""), "the broken batch is marked: "
        + stored);
    // Mended and paused (so no tick clears the mark by running it), it shows the mark in the API.
    sql("UPDATE documents SET data = json_set(data, '$.kind', 'text', '$.paused', json('true')) "
        + "WHERE collection = 'batches' AND id = ?", broken);
    JsonObject shown = api.get(path("/" + broken), alice.idToken()).expect(200).object();
    assertTrue(shown.get("lastError").getAsString().contains("unexpected error"), shown.toString());
    assertNotNull(Instant.parse(shown.get("lastErrorAt").getAsString()));
  }

  /** Runs one statement on the server's SQLite file; for a SELECT, the first column of the first row. */
  static String sql(String statement, String id) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("contentcreator.db"))) {
      c.createStatement().execute("PRAGMA busy_timeout = 10000");
      try (PreparedStatement s = c.prepareStatement(statement)) {
        s.setString(1, id);
        if (statement.startsWith("SELECT")) {
          try (var rows = s.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
          }
        }
        assertEquals(1, s.executeUpdate());
        return null;
      }
    }
  }

  @Test
  void twoRunNowPostsAtOnceStartOneRun() throws Exception {
    String id = postBatch(rows(3), "0 9 * * 1").expect(201).object().get("id").getAsString();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Api.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return api.post(path("/" + id + "/run"), alice.idToken(), null);
        }));
      }
      go.countDown();
      List<String> runIds = new ArrayList<>();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Answer> f : answers) {
        Api.Answer answer = f.get();
        statuses.add(answer.status());
        runIds.add(answer.object().get("id").getAsString());
      }
      assertTrue(statuses.contains(201) && (statuses.contains(200)), "one started, one answered it: " + statuses);
      assertEquals(runIds.get(0), runIds.get(1), "both answer the same run");
      assertEquals(1, runs(id).size(), "one run started");
      // A second press a moment later still answers the same run, while it goes on or just ended.
      Api.Answer again = api.post(path("/" + id + "/run"), alice.idToken(), null).expect(200);
      assertEquals(runIds.get(0), again.object().get("id").getAsString());
      assertEquals(1, runs(id).size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aGarbageCursorOnTheBatchAndRunListsIsA400NamingIt() throws Exception {
    String id = postBatch(rows(1), "0 9 * * 1").expect(201).object().get("id").getAsString();
    for (String list : List.of(path("?cursor=garbage"), path("/" + id + "/runs?cursor=garbage"),
        path("?cursor=eyJ4IjoxfQ"), path("/" + id + "/runs?cursor=eyJ4IjoxfQ"))) {
      Api.Answer a = api.get(list, alice.idToken());
      assertEquals(400, a.status(), list + ": " + a.raw().body());
      assertEquals(List.of("cursor"), fields(a.object()), a.raw().body());
    }
  }

  @Test
  void aCsvOrListWithAControlCharacterIsA400NamingTheRowAndColumn() throws Exception {
    String id = postBatch(rows(1), "0 9 * * 1").expect(201).object().get("id").getAsString();
    HttpResponse<String> nul = uploadCsv(id, "product\ntea\nca\u0000ke\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, nul.statusCode(), nul.body());
    assertTrue(nul.body().contains("\"rows[2].product\""), nul.body());
    HttpResponse<String> bell = uploadCsv(id, "product\n\"a\u0007b\"\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, bell.statusCode(), bell.body());
    assertTrue(bell.body().contains("\"rows[1].product\""), bell.body());
    Api.Answer typed = api.patch(path("/" + id), alice.idToken(), "{\"rows\":[{\"product\":\"a\\u0000b\"}]}");
    assertEquals(400, typed.status(), typed.raw().body());
    assertEquals(List.of("rows[0].product"), fields(typed.object()), typed.raw().body());
    // A tab and a line break inside a quoted value stay allowed, as in the JSON routes.
    HttpResponse<String> ok = uploadCsv(id, "product\n\"tea\tand\ncake\"\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(200, ok.statusCode(), ok.body());
  }

  @Test
  void aStrangerCannotRunSomeoneElsesBatch() throws Exception {
    String id = postBatch(rows(1), "0 9 * * 1").expect(201).object().get("id").getAsString();
    Person mallory = Emulator.signUp("mallory");
    Api.Answer a = api.post(path("/" + id + "/run"), mallory.idToken(), null);
    assertEquals(404, a.status(), a.raw().body());
    assertFalse(runs(id).size() > 0);
    assertNotNull(a.object().get("detail"));
  }
}
