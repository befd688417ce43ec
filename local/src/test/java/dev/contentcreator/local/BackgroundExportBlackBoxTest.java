package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large exports built in the background: a viewer asks for a run's CSV and the gallery's ZIP, the
 * task builds them, and the signed link the record gives downloads the same bytes as the direct
 * export without signing in; a changed signature or expiry and a link past its time are refused,
 * and strangers learn nothing.
 */
class BackgroundExportBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person vic;
  static Person zed;
  static String project;
  static String batch;
  static String run;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    // Links live 5 s, so one test can see a link pass its time.
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m",
        "DEMO_CHUNK_DELAY", "0ms", "DEMO_LATENCY", "0ms", "EXPORT_LINK_TTL", "5s"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    vic = Emulator.signUp("vic");
    zed = Emulator.signUp("zed");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Shop\"}").expect(201).object().get("id")
        .getAsString();
    vic = Invitations.join(api, alice, project, vic, "viewer");
    String template = api.post("/api/templates", alice.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Line\","
        + "\"kind\":\"text\",\"body\":\"One line about {{product}}\",\"variables\":["
        + "{\"name\":\"product\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id").getAsString();
    batch = api.post("/api/projects/" + project + "/batches", alice.idToken(), "{\"name\":\"Spring lines\",\"templateId\":\""
        + template + "\",\"schedule\":\"0 9 * * 1\",\"rows\":[{\"product\":\"=1+1\"},{\"product\":\"Tea\"}]}")
        .expect(201).object().get("id").getAsString();
    run = api.post("/api/projects/" + project + "/batches/" + batch + "/run", alice.idToken(), null).expect(201)
        .object().get("id").getAsString();
    for (int i = 0; i < 300; i++) {
      JsonObject last = api.get("/api/projects/" + project + "/batches/" + batch + "/runs", alice.idToken()).expect(200)
          .object().getAsJsonArray("items").get(0).getAsJsonObject();
      if (last.get("status").getAsString().equals("completed") && last.get("completed").getAsInt() == 2) {
        break;
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JsonObject startExport(Person who, String body) throws Exception {
    Api.Answer a = api.post("/api/projects/" + project + "/exports", who.idToken(), body).expect(202);
    assertTrue(a.header("Location").startsWith("/api/projects/" + project + "/exports/"), a.header("Location"));
    return a.object();
  }

  private static JsonObject awaitReady(Person who, String id) throws Exception {
    JsonObject e = null;
    for (int i = 0; i < 600; i++) {
      e = api.get("/api/projects/" + project + "/exports/" + id, who.idToken()).expect(200).object();
      if (!e.get("status").getAsString().matches("queued|building")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("ready", e.get("status").getAsString(), e.toString());
    return e;
  }

  private static HttpResponse<byte[]> fetch(String pathAndQuery, Person who) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve(URI.create(pathAndQuery))).GET();
    if (who != null) {
      b.header("Authorization", "Bearer " + who.idToken());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aViewersRunCsvIsBuiltAndItsSignedLinkGivesTheSameFileWithoutSigningIn() throws Exception {
    JsonObject started = startExport(vic, "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"" + run
        + "\",\"format\":\"csv\"}");
    assertTrue(started.get("status").getAsString().matches("queued|building|ready"), started.toString());
    JsonObject ready = awaitReady(vic, started.get("id").getAsString());
    String link = ready.get("downloadUrl").getAsString();
    assertTrue(link.startsWith("/api/downloads/" + started.get("id").getAsString() + "?expires="), link);
    HttpResponse<byte[]> file = fetch(link, null);
    assertEquals(200, file.statusCode(), new String(file.body()));
    assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith(
        "attachment; filename=\"Spring-lines-run-"));
    assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
    HttpResponse<byte[]> direct = fetch("/api/projects/" + project + "/batches/" + batch + "/runs/" + run
        + "/export?format=csv", vic);
    assertArrayEquals(direct.body(), file.body(), "the same file as the direct download");
    assertEquals(file.body().length, ready.get("size").getAsLong());
    assertTrue(new String(file.body()).contains("\r\n1,'=1+1,completed,"), "formulas escaped as ever");
  }

  @Test
  void aChangedSignatureOrExpiryIsRefusedAndAnUnknownExportIsNotFound() throws Exception {
    JsonObject ready = awaitReady(alice, startExport(alice, "{\"what\":\"run\",\"batchId\":\"" + batch
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
    String id = startExport(vic, "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"" + run + "\"}")
        .get("id").getAsString();
    JsonObject ready = awaitReady(vic, id);
    Instant until = Instant.parse(ready.get("downloadExpiresAt").getAsString());
    while (!Instant.now().isAfter(until.plusSeconds(1))) {
      Thread.sleep(200);
    }
    HttpResponse<byte[]> late = fetch(ready.get("downloadUrl").getAsString(), null);
    assertEquals(403, late.statusCode());
    assertTrue(new String(late.body()).contains("expired"), new String(late.body()));
    String fresh = api.get("/api/projects/" + project + "/exports/" + id, vic.idToken()).expect(200).object()
        .get("downloadUrl").getAsString();
    assertEquals(200, fetch(fresh, null).statusCode());
  }

  @Test
  void theGalleryIsBuiltAsAZipAndListed() throws Exception {
    JsonObject ready = awaitReady(vic, startExport(vic, "{\"what\":\"media\"}").get("id").getAsString());
    assertEquals("zip", ready.get("format").getAsString());
    HttpResponse<byte[]> zip = fetch(ready.get("downloadUrl").getAsString(), null);
    assertEquals(200, zip.statusCode());
    assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
    assertEquals('P', zip.body()[0]);
    assertEquals('K', zip.body()[1]);
    JsonObject list = api.get("/api/projects/" + project + "/exports", vic.idToken()).expect(200).object();
    assertTrue(list.getAsJsonArray("items").size() >= 1);
    assertEquals(500, list.get("backgroundRows").getAsInt());
    assertNotNull(list.getAsJsonArray("items").get(0).getAsJsonObject().get("expiresAt"));
    assertTrue(list.toString().indexOf("linkKey") < 0, "the signing key never leaves the server");
  }

  @Test
  void strangersLearnNothingAndBadRequestsAreRefused() throws Exception {
    String body = "{\"what\":\"run\",\"batchId\":\"" + batch + "\",\"runId\":\"" + run + "\",\"format\":\"csv\"}";
    String id = startExport(alice, body).get("id").getAsString();
    api.post("/api/projects/" + project + "/exports", zed.idToken(), body).expect(404);
    api.get("/api/projects/" + project + "/exports/" + id, zed.idToken()).expect(404);
    api.get("/api/projects/" + project + "/exports", zed.idToken()).expect(404);
    api.post("/api/projects/" + project + "/exports", null, body).expect(401);
    api.post("/api/projects/" + project + "/exports", vic.idToken(), "{\"what\":\"everything\"}").expect(400);
    api.post("/api/projects/" + project + "/exports", vic.idToken(), "{\"what\":\"run\",\"batchId\":\"" + batch
        + "\",\"runId\":\"" + run + "\",\"format\":\"xlsx\"}").expect(400);
    api.post("/api/projects/" + project + "/exports", vic.idToken(), "{\"what\":\"run\",\"batchId\":\"" + batch
        + "\",\"runId\":\"nope\"}").expect(404);
  }
}
