package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large exports built in the background: a viewer asks for a run's CSV and the gallery's ZIP, the
 * task builds them, and the signed link the record gives downloads the same bytes as the direct
 * export without signing in; a changed signature or expiry and a link past its time are refused,
 * and strangers learn nothing.
 */
class BackgroundExportBlackBoxTest {
  @TempDir static Path data;
  static ProjectRig rig;
  static String batch;
  static String run;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    // Links live 5 s, so one test can see a link pass its time.
    rig = ProjectRig.start(data, "Shop", OnEmulators.with(OnEmulators.adaptersFor(test), "EXPORT_LINK_TTL", "5s"));
    ProjectRig.BatchRun made = rig.completedRun("[{\"product\":\"=1+1\"},{\"product\":\"Tea\"}]");
    batch = made.batch();
    run = made.run();
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  private static JsonObject startExport(Person who, String body) throws Exception {
    Api.Answer a = rig.api.post("/api/projects/" + rig.project + "/exports", who.idToken(), body).expect(202);
    assertTrue(a.header("Location").startsWith("/api/projects/" + rig.project + "/exports/"), a.header("Location"));
    return a.object();
  }

  private static JsonObject awaitReady(Person who, String id) throws Exception {
    JsonObject e = null;
    for (int i = 0; i < 600; i++) {
      e = rig.api.get("/api/projects/" + rig.project + "/exports/" + id, who.idToken()).expect(200).object();
      if (!e.get("status").getAsString().matches("queued|building")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("ready", e.get("status").getAsString(), e.toString());
    return e;
  }

  private static HttpResponse<byte[]> fetch(String pathAndQuery, Person who) throws Exception {
    return rig.get(pathAndQuery, who, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aViewersRunCsvIsBuiltAndItsSignedLinkGivesTheSameFileWithoutSigningIn() throws Exception {
    JsonObject started = startExport(rig.vic, "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"" + run
        + "\",\"format\":\"csv\"}");
    assertTrue(started.get("status").getAsString().matches("queued|building|ready"), started.toString());
    JsonObject ready = awaitReady(rig.vic, started.get("id").getAsString());
    String link = ready.get("downloadUrl").getAsString();
    assertTrue(link.startsWith("/api/downloads/" + started.get("id").getAsString() + "?expires="), link);
    HttpResponse<byte[]> file = fetch(link, null);
    assertEquals(200, file.statusCode(), new String(file.body()));
    assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith(
        "attachment; filename=\"Spring-lines-run-"));
    assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
    HttpResponse<byte[]> direct = fetch("/api/projects/" + rig.project + "/batches/" + batch + "/runs/" + run
        + "/export?format=csv", rig.vic);
    assertArrayEquals(direct.body(), file.body(), "the same file as the direct download");
    assertEquals(file.body().length, ready.get("size").getAsLong());
    assertTrue(new String(file.body()).contains("\r\n1,'=1+1,completed,"), "formulas escaped as ever");
  }

  @Test
  void aChangedSignatureOrExpiryIsRefusedAndAnUnknownExportIsNotFound() throws Exception {
    JsonObject ready = awaitReady(rig.alice, startExport(rig.alice, "{\"what\":\"run\",\"batchId\":\"" + batch
        + "\",\"runId\":\"" + run + "\",\"format\":\"jsonl\"}").get("id").getAsString());
    String link = ready.get("downloadUrl").getAsString();
    String sig = link.substring(link.indexOf("&sig=") + 5);
    String tampered = link.substring(0, link.indexOf("&sig=") + 5) + (sig.charAt(0) == 'A' ? 'B' : 'A')
        + sig.substring(1);
    HttpResponse<byte[]> bad = fetch(tampered, null);
    assertEquals(403, bad.statusCode());
    assertEquals("application/problem+json", bad.headers().firstValue("Content-Type").orElse(""));
    long expires = Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1"));
    assertEquals(403, fetch(link.replace("expires=" + expires, "expires=" + (expires + 86_400)), null).statusCode(),
        "a later expiry with the same signature");
    assertEquals(404, fetch(link.replace(ready.get("id").getAsString(), "no-such-export"), null).statusCode());
    assertEquals(403, fetch("/api/downloads/" + ready.get("id").getAsString(), null).statusCode(), "no signature");
  }

  @Test
  void aLinkPastItsTimeIsRefusedAndTheRecordGivesAFreshOne() throws Exception {
    String id = startExport(rig.vic, "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"" + run + "\"}")
        .get("id").getAsString();
    JsonObject ready = awaitReady(rig.vic, id);
    Instant until = Instant.parse(ready.get("downloadExpiresAt").getAsString());
    while (!Instant.now().isAfter(until.plusSeconds(1))) {
      Thread.sleep(200);
    }
    HttpResponse<byte[]> late = fetch(ready.get("downloadUrl").getAsString(), null);
    assertEquals(403, late.statusCode());
    assertTrue(new String(late.body()).contains("expired"), new String(late.body()));
    String fresh = rig.api.get("/api/projects/" + rig.project + "/exports/" + id, rig.vic.idToken()).expect(200)
        .object().get("downloadUrl").getAsString();
    assertEquals(200, fetch(fresh, null).statusCode());
  }

  @Test
  void theGalleryIsBuiltAsAZipAndListed() throws Exception {
    JsonObject ready = awaitReady(rig.vic, startExport(rig.vic, "{\"what\":\"media\"}").get("id").getAsString());
    assertEquals("zip", ready.get("format").getAsString());
    HttpResponse<byte[]> zip = fetch(ready.get("downloadUrl").getAsString(), null);
    assertEquals(200, zip.statusCode());
    assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
    assertEquals('P', zip.body()[0]);
    assertEquals('K', zip.body()[1]);
    JsonObject list = rig.api.get("/api/projects/" + rig.project + "/exports", rig.vic.idToken()).expect(200).object();
    assertTrue(list.getAsJsonArray("items").size() >= 1);
    assertEquals(500, list.get("backgroundRows").getAsInt());
    assertNotNull(list.getAsJsonArray("items").get(0).getAsJsonObject().get("expiresAt"));
    assertTrue(list.toString().indexOf("linkKey") < 0, "the signing key never leaves the server");
  }

  @Test
  void strangersLearnNothingAndBadRequestsAreRefused() throws Exception {
    String body = "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"" + run + "\",\"format\":\"csv\"}";
    String id = startExport(rig.alice, body).get("id").getAsString();
    rig.api.post("/api/projects/" + rig.project + "/exports", rig.zed.idToken(), body).expect(404);
    rig.api.get("/api/projects/" + rig.project + "/exports/" + id, rig.zed.idToken()).expect(404);
    rig.api.get("/api/projects/" + rig.project + "/exports", rig.zed.idToken()).expect(404);
    rig.api.post("/api/projects/" + rig.project + "/exports", null, body).expect(401);
    rig.api.post("/api/projects/" + rig.project + "/exports", rig.vic.idToken(),
        "{\"what\":\"everything\"}").expect(400);
    rig.api.post("/api/projects/" + rig.project + "/exports", rig.vic.idToken(),
        "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"" + run + "\",\"format\":\"xlsx\"}").expect(400);
    rig.api.post("/api/projects/" + rig.project + "/exports", rig.vic.idToken(),
        "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"nope\"}").expect(404);
  }
}
