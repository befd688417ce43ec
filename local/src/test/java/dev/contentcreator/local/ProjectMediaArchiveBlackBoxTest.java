package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.local.Emulator.Person;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's media as one ZIP, from outside: what it holds, under which names, and who may download it. */
class ProjectMediaArchiveBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person owner;
  static Person viewer;
  static Person stranger;
  static String project;

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, Map.of("RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
    api = new Api(server.base());
    owner = Emulator.signUp("olga");
    stranger = Emulator.signUp("sam");
    project = api.post("/api/projects", owner.idToken(), "{\"name\":\"Tea shop: posters\"}").expect(201).object()
        .get("id").getAsString();
    viewer = Invitations.join(api, owner, project, Emulator.signUp("vera"), "viewer");
    for (String title : List.of("Green tea", "../../etc/passwd")) {
      assertEquals(201, MediaUpload.send(server, project, owner, title).statusCode());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<byte[]> archive(Person who) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve("/api/projects/" + project + "/media/archive"));
    if (who != null) {
      b.header("Authorization", "Bearer " + who.idToken());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aMemberDownloadsEveryImageNewestFirstUnderSafeNames() throws Exception {
    HttpResponse<byte[]> r = archive(viewer);
    assertEquals(200, r.statusCode());
    assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("attachment; filename=\"Tea-shop-posters-media.zip\"",
        r.headers().firstValue("Content-Disposition").orElse(""));
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        byte[] bytes = zip.readAllBytes();
        assertTrue(bytes.length > 8 && (bytes[0] & 0xff) == 0x89 || (bytes[0] & 0xff) == 'R', "an image: " + e.getName());
      }
    }
    assertEquals(2, names.size(), names.toString());
    assertTrue(names.get(0).startsWith("0001-etc-passwd."), "newest first, and no name climbs out: " + names);
    assertTrue(names.get(1).startsWith("0002-Green-tea."), names.toString());
  }

  @Test
  void aStrangerGetsTheSame404AsForNoProjectAndNoTokenGets401() throws Exception {
    assertEquals(404, archive(stranger).statusCode());
    assertEquals(401, archive(null).statusCode());
    api.get("/api/projects/" + "0".repeat(20) + "/media/archive", owner.idToken()).expect(404);
  }
}
