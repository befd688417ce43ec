package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports by URL with the test-only plain-http switch on, and only {@code 127.0.0.1} on the
 * allowlist: the allowlist holds for http as for https and on every redirect, and a redirect to a
 * metadata or private host is refused as the same address asked for directly would be (422), not
 * tried and reported as a failing upstream (502).
 */
class MediaImportAllowlistBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static HttpServer origin;
  static Api api;
  static Person alice;
  static String project;
  static final AtomicInteger served = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] png = MediaBlackBoxTest.png(40, 30);
    origin.createContext("/ok.png", x -> {
      served.incrementAndGet();
      x.getResponseHeaders().add("Content-Type", "image/png");
      x.sendResponseHeaders(200, png.length);
      x.getResponseBody().write(png);
      x.close();
    });
    redirect("/to-metadata-name", "http://metadata.google.internal/computeMetadata/v1/");
    redirect("/to-metadata-address", "http://169.254.169.254/latest/meta-data/");
    redirect("/to-private", "http://10.0.0.7/x.png");
    redirect("/to-localhost", "http://localhost:" + origin.getAddress().getPort() + "/ok.png");
    redirect("/to-https-metadata", "https://169.254.169.254/latest/meta-data/");
    origin.start();
    server = ServerProcess.start(data, Map.of("MEDIA_ALLOW_HTTP_LOOPBACK", "true",
        "MEDIA_HOST_ALLOWLIST", "127.0.0.1", "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Imports\"}").expect(201).object()
        .get("id").getAsString();
  }

  private static void redirect(String path, String location) {
    origin.createContext(path, x -> {
      x.getResponseHeaders().add("Location", location);
      x.sendResponseHeaders(302, -1);
      x.close();
    });
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (origin != null) {
      origin.stop(0);
    }
  }

  private static Answer importFrom(String url) throws Exception {
    return api.post("/api/projects/" + project + "/media", alice.idToken(), "{\"url\":\"" + url + "\"}");
  }

  private static String origin(String host, String path) {
    return "http://" + host + ":" + origin.getAddress().getPort() + path;
  }

  @Test
  void anAllowedLoopbackHostImports() throws Exception {
    importFrom(origin("127.0.0.1", "/ok.png")).expect(201);
  }

  @Test
  void plainHttpToAHostOffTheAllowlistIsRefusedBeforeItIsFetched() throws Exception {
    int before = served.get();
    Answer a = importFrom(origin("localhost", "/ok.png")).expect(422);
    assertEquals(before, served.get(), "nothing was fetched from a host off the allowlist");
    assertEquals("url", a.object().getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void aRedirectToTheMetadataHostIsRefused() throws Exception {
    importFrom(origin("127.0.0.1", "/to-metadata-name")).expect(422);
    importFrom(origin("127.0.0.1", "/to-metadata-address")).expect(422);
    importFrom(origin("127.0.0.1", "/to-https-metadata")).expect(422);
  }

  @Test
  void aRedirectToAPrivateAddressOrAHostOffTheAllowlistIsRefused() throws Exception {
    importFrom(origin("127.0.0.1", "/to-private")).expect(422);
    int before = served.get();
    importFrom(origin("127.0.0.1", "/to-localhost")).expect(422);
    assertEquals(before, served.get(), "the redirect to a host off the allowlist was not followed");
  }
}
