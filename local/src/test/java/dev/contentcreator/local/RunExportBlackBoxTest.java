package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run downloaded from outside as CSV and JSON Lines: a row whose variable is a spreadsheet
 * formula comes out as text, and only the project's members may download it.
 */
class RunExportBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";

  @TempDir static Path data;
  static ProjectRig rig;
  static String batch;
  static String run;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    rig = ProjectRig.start(data, "Shop", OnEmulators.adaptersFor(test));
    ProjectRig.BatchRun made = rig.completedRun("[{\"product\":" + new com.google.gson.Gson().toJson(FORMULA)
        + "},{\"product\":\"Tea, green\"}]");
    batch = made.batch();
    run = made.run();
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  private static HttpResponse<String> export(Person who, String query) throws Exception {
    return ApiContract.OF_REPO.check(rig.get("/api/projects/" + rig.project + "/batches/" + batch + "/runs/" + run
        + "/export" + query, who, HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void aViewerDownloadsTheRunAsCsvWithTheFormulaWrittenAsText() throws Exception {
    HttpResponse<String> r = export(rig.vic, "?format=csv");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals("attachment; filename=\"Spring-lines-run-", r.headers().firstValue("Content-Disposition").orElse("")
        .substring(0, 39));
    String[] lines = r.body().split("\r\n", -1);
    assertEquals("row,product,status,output,contentId,reason,costMicros,cost,variablesFrom", lines[0]);
    assertTrue(lines[1].startsWith("1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",completed,"), lines[1]);
    assertTrue(lines[1].endsWith(",run"), lines[1]);
    assertTrue(r.body().contains("\n2,\"Tea, green\",completed,"), r.body());
    assertFalse(r.body().contains(",=HYPERLINK"), "no cell starts with a formula");
    assertEquals("", lines[lines.length - 1], "the last row ends in CRLF");
  }

  @Test
  void theJsonLinesParseOneObjectPerRowWithTheValuesAsTheyAre() throws Exception {
    HttpResponse<String> r = export(rig.alice, "?format=jsonl");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
    String[] lines = r.body().split("\n");
    assertEquals(2, lines.length, r.body());
    JsonObject first = JsonParser.parseString(lines[0]).getAsJsonObject();
    assertEquals(1, first.get("row").getAsInt());
    assertEquals(FORMULA, first.getAsJsonObject("variables").get("product").getAsString());
    assertEquals("completed", first.get("status").getAsString());
    assertFalse(first.get("output").getAsString().isBlank(), "the demo's text");
    JsonObject content = rig.api.get("/api/projects/" + rig.project + "/contents/"
        + first.get("contentId").getAsString(),
        rig.alice.idToken()).expect(200).object();
    assertEquals(first.get("contentId").getAsString(), content.get("id").getAsString(), "the content item made");
  }

  @Test
  void theRunsMediaComeAsAZipThatATextRunLeavesEmpty() throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(rig.server.base().resolve("/api/projects/" + rig.project
        + "/batches/"
        + batch + "/runs/" + run + "/media.zip")).GET();
    HttpResponse<byte[]> r = HTTP.send(b.header("Authorization", "Bearer " + rig.vic.idToken()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").endsWith(".zip\""));
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(r.body()))) {
      assertEquals(null, zip.getNextEntry(), "a text run made no media");
    }
    HttpResponse<byte[]> stranger = HTTP.send(HttpRequest.newBuilder(r.uri()).GET()
        .header("Authorization", "Bearer " + rig.zed.idToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(404, stranger.statusCode());
  }

  @Test
  void strangersAndTheUnsignedAreRefusedAndABadFormatIsABadRequest() throws Exception {
    assertEquals(404, export(rig.zed, "?format=csv").statusCode());
    assertEquals(401, export(null, "?format=csv").statusCode());
    HttpResponse<String> bad = export(rig.vic, "?format=xlsx");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("application/problem+json", bad.headers().firstValue("Content-Type").orElse(""));
    rig.api.get("/api/projects/" + rig.project + "/batches/" + batch + "/runs/" + batch + "_1/export",
        rig.alice.idToken())
        .expect(404);
  }
}
