package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
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
import org.junit.jupiter.api.io.TempDir;

/** Batches from outside: rows from CSV with errors that point at the cell, and a run on the demo. */
class BatchesBlackBoxTest {
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
        "DEMO_CHUNK_DELAY", "0ms", "DEMO_LATENCY", "50ms"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Shop\"}").expect(201).object().get("id")
        .getAsString();
    template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Line\","
        + "\"kind\":\"text\",\"body\":\"One line about {{product}} for {{audience}}\",\"variables\":["
        + "{\"name\":\"product\",\"type\":\"string\",\"required\":true},"
        + "{\"name\":\"audience\",\"type\":\"choice\",\"required\":false,\"choices\":[\"kids\",\"adults\"],"
        + "\"defaultValue\":\"adults\"}]}").expect(201).object().get("id").getAsString();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static String newBatch(String rowsJson, int maxConcurrent) throws Exception {
    return api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"Weekly\",\"templateId\":\""
        + template + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"Europe/Paris\",\"maxConcurrent\":" + maxConcurrent
        + ",\"rows\":" + rowsJson + "}").expect(201).object().get("id").getAsString();
  }

  static HttpResponse<String> uploadCsv(String batchId, byte[] csv) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve("/api/projects/" + project
            + "/batches/" + batchId + "/rows"))
        .header("Authorization", "Bearer " + alice.idToken()).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> fields(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("errors")) {
      out.add(e.getAsJsonObject().get("field").getAsString());
    }
    return out;
  }

  @Test
  void aGoodCsvReplacesTheRows() throws Exception {
    String id = newBatch("[]", 4);
    HttpResponse<String> r = uploadCsv(id, "product,audience\nTea,kids\n\"Coffee, dark\",\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject batch = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("Coffee, dark", batch.getAsJsonArray("rows").get(1).getAsJsonObject().get("product").getAsString());
    assertEquals("adults", batch.getAsJsonArray("rows").get(1).getAsJsonObject().get("audience").getAsString());
  }

  @Test
  void aCsvWithWrongColumnsNamesTheHeader() throws Exception {
    HttpResponse<String> r = uploadCsv(newBatch("[]", 4), "name,colour\nTea,green\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(fields(r).contains("header"), r.body());
  }

  @Test
  void aBadValueNamesItsRowAndColumn() throws Exception {
    HttpResponse<String> r = uploadCsv(newBatch("[]", 4),
        "product,audience\nTea,kids\nCake,pets\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(List.of("rows[2].audience"), fields(r));
  }

  @Test
  void aCsvThatIsNotUtf8IsRefusedWithWhereItBreaks() throws Exception {
    byte[] latin1 = "product\nCr\u00e8me br\u00fbl\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = uploadCsv(newBatch("[]", 4), latin1);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("offset"), r.body());
  }

  @Test
  void aCsvWithTooManyRowsIsRefused() throws Exception {
    StringBuilder csv = new StringBuilder("product\n");
    for (int i = 0; i < 1001; i++) {
      csv.append("p").append(i).append('\n');
    }
    HttpResponse<String> r = uploadCsv(newBatch("[]", 4), csv.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(fields(r).contains("rows"), r.body());
  }

  @Test
  void aBadScheduleIsRefused() throws Exception {
    var a = api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"x\",\"templateId\":\""
        + template + "\",\"schedule\":\"every day\",\"timeZone\":\"Mars/Olympus\"}").expect(400);
    assertTrue(a.raw().body().contains("schedule") && a.raw().body().contains("timeZone"), a.raw().body());
  }

  @Test
  void runNowMakesOneItemPerRowAndTheHistoryShowsIt() throws Exception {
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < 12; i++) {
      rows.append(i == 0 ? "" : ",").append("{\"product\":\"item ").append(i).append("\"}");
    }
    String id = newBatch(rows.append("]").toString(), 2);
    JsonObject run = api.post("/api/projects/" + project + "/batches/" + id + "/run", alice.idToken(), null)
        .expect(201).object();
    assertEquals(12, run.get("items").getAsInt());
    JsonObject last = null;
    for (int i = 0; i < 300; i++) {
      last = api.get("/api/projects/" + project + "/batches/" + id + "/runs", alice.idToken()).expect(200).object()
          .getAsJsonArray("items").get(0).getAsJsonObject();
      if (last.get("status").getAsString().equals("completed")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("completed", last.get("status").getAsString(), last.toString());
    assertEquals(12, last.get("completed").getAsInt());
    JsonObject job = api.get("/api/projects/" + project + "/generations/" + last.get("jobId").getAsString(),
        alice.idToken()).expect(200).object();
    int maxAttempts = 0;
    for (JsonElement item : job.getAsJsonArray("items")) {
      maxAttempts = Math.max(maxAttempts, item.getAsJsonObject().get("attempts").getAsInt());
    }
    assertEquals(1, maxAttempts, "each row made once");
  }
}
