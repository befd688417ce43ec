package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local server as Firebase Hosting: files of the app with the headers of firebase.json, deep
 * links falling back to index.html, the reserved init.json, and the Auth emulator reached through
 * the same port. The app here is a small stand-in written by the test, next to the real firebase.json.
 */
class HostingBlackBoxTest {
  @TempDir static Path root;
  static ServerProcess server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    Files.copy(ServerProcess.REPO.resolve("firebase.json"), root.resolve("firebase.json"));
    Path dist = Files.createDirectories(root.resolve("hosting/dist/assets"));
    Files.writeString(dist.getParent().resolve("index.html"), "<!doctype html><title>stand-in</title>" + "<p>app</p>".repeat(100));
    Files.writeString(dist.resolve("app-1a2b3c.js"), "console.log('hello');");
    Files.writeString(dist.getParent().resolve(".secret"), "never served");
    Files.writeString(dist.getParent().resolve("sw.js"), "self.addEventListener('fetch', () => {});");
    Files.writeString(dist.getParent().resolve("manifest.webmanifest"), "{\"name\":\"stand-in\"}");
    server = ServerProcess.start(root.resolve("data"), Map.of("PROJECT_ROOT", root.toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve(path));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theAppIsServedWithTheSecurityHeadersOfFirebaseJson() throws Exception {
    HttpResponse<String> r = get("/", Map.of());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("stand-in"));
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null));
  }

  @Test
  void hashedAssetsAreCachedForAYear() throws Exception {
    HttpResponse<String> r = get("/assets/app-1a2b3c.js", Map.of());
    assertEquals(200, r.statusCode());
    assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
  }

  @Test
  void theServiceWorkerIsNeverCachedSoUpdatesReachTheApp() throws Exception {
    HttpResponse<String> r = get("/sw.js", Map.of());
    assertEquals(200, r.statusCode());
    assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    // The local server falls back to no-cache by itself; Firebase Hosting would cache sw.js for an
    // hour, so the rule must be in firebase.json.
    assertEquals("no-cache", HostingConfig.read(ServerProcess.REPO.resolve("firebase.json")).headersFor("/sw.js")
        .get("Cache-Control"), "firebase.json must send sw.js with Cache-Control: no-cache");
  }

  @Test
  void theWebManifestHasItsOwnTypeAndIsNeverCached() throws Exception {
    HttpResponse<String> r = get("/manifest.webmanifest", Map.of());
    assertEquals(200, r.statusCode());
    assertEquals("application/manifest+json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
    assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null));
  }

  @Test
  void aDeepLinkFallsBackToTheApp() throws Exception {
    HttpResponse<String> r = get("/projects/abc/settings", Map.of());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("stand-in"));
  }

  @Test
  void anUnchangedFileAnswersNotModified() throws Exception {
    String etag = get("/index.html", Map.of()).headers().firstValue("ETag").orElseThrow();
    assertEquals(304, get("/index.html", Map.of("If-None-Match", etag)).statusCode());
  }

  @Test
  void textIsGzippedWhenTheClientAcceptsIt() throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.base().resolve("/"))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
  }

  @Test
  void hiddenFilesAndPathsOutsideTheAppAreNotServed() throws Exception {
    assertTrue(!get("/.secret", Map.of()).body().contains("never served"));
    HttpResponse<String> escape = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/%2e%2e/firebase.json"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(!escape.body().contains("\"hosting\""), "firebase.json must not be served");
  }

  @Test
  void initJsonTellsTheAppItsProjectAndEmulator() throws Exception {
    HttpResponse<String> r = get("/__/firebase/init.json", Map.of());
    assertEquals(200, r.statusCode());
    JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("demo-contentcreator", o.get("projectId").getAsString());
    assertEquals("http://" + server.base().getAuthority(), o.get("authEmulatorUrl").getAsString());
  }

  @Test
  void theAuthEmulatorIsReachableThroughTheSamePort() throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("email", "via-proxy-" + System.nanoTime() + "@example.com");
    body.addProperty("password", "correct horse battery");
    body.addProperty("returnSecureToken", true);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            server.base().resolve("/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    String token = JsonParser.parseString(r.body()).getAsJsonObject().get("idToken").getAsString();
    assertNotNull(token);
    HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(server.base().resolve("/api/me"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, me.statusCode(), me.body());
  }
}
