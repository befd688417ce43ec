package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads and imports from outside: what is accepted, what is refused, and what comes out. */
class MediaBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Person alice;
  static Person bob;
  static Person carol;
  static String project;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    server = ServerProcess.start(data, Map.of("MEDIA_MAX_UPLOAD_BYTES", "3000000",
        "RATE_LIMIT_PER_USER", "10000/1m", "RATE_LIMIT_PER_IP", "10000/1m"));
    Api api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    carol = Emulator.signUp("carol");
    project = api.post("/api/projects", alice.idToken(), "{\"name\":\"Media\"}").expect(201).object()
        .get("id").getAsString();
    Invitations.join(api, alice, project, bob, "viewer");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<String> upload(Person who, byte[] bytes, String contentType) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.base().resolve("/api/projects/" + project
            + "/media?title=Holiday"))
        .header("Authorization", "Bearer " + who.idToken()).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() < 500, () -> "upload answered " + r.statusCode() + ": " + r.body());
    return r;
  }

  static byte[] png(int w, int h) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(30, 120, 200));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.ORANGE);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** A valid-looking PNG of a few dozen bytes that declares 30000 x 30000 pixels. */
  static byte[] bomb() {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(30000).putInt(30000)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
    return png.array();
  }

  @Test
  void anUploadedImageBecomesContentWithThumbnails() throws Exception {
    HttpResponse<String> r = upload(alice, png(1600, 1000), "image/png");
    assertEquals(201, r.statusCode(), r.body());
    JsonObject content = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("image", content.get("kind").getAsString());
    assertEquals("Holiday", content.get("title").getAsString());
    JsonObject current = content.getAsJsonObject("current");
    assertEquals(1600, current.get("width").getAsInt());
    String thumb = current.getAsJsonObject("renditions").get("thumb-256").getAsString();
    HttpResponse<byte[]> t = HTTP.send(HttpRequest.newBuilder(server.base().resolve(thumb))
        .header("Authorization", "Bearer " + bob.idToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, t.statusCode());
    assertTrue(t.headers().firstValue("Cache-Control").orElse("").startsWith("private"));
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(t.body()));
    assertEquals(256, Math.max(small.getWidth(), small.getHeight()), "the longest side is 256");
    String etag = t.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(server.base().resolve(thumb))
        .header("Authorization", "Bearer " + bob.idToken()).header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(304, again.statusCode());
    HttpResponse<byte[]> stranger = HTTP.send(HttpRequest.newBuilder(server.base().resolve(thumb))
        .header("Authorization", "Bearer " + carol.idToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(404, stranger.statusCode());
  }

  @Test
  void theTypeIsReadFromTheBytesNotTheHeader() throws Exception {
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    HttpResponse<String> r = upload(alice, exe, "image/png");
    assertEquals(415, r.statusCode(), r.body());
    assertEquals(201, upload(alice, png(64, 64), "application/octet-stream").statusCode());
  }

  @Test
  void aDecompressionBombIsRefusedBeforeItIsDecoded() throws Exception {
    HttpResponse<String> r = upload(alice, bomb(), "image/png");
    assertEquals(413, r.statusCode(), r.body());
  }

  @Test
  void aTruncatedImageIsRefused() throws Exception {
    byte[] whole = png(400, 300);
    HttpResponse<String> r = upload(alice, Arrays.copyOf(whole, whole.length / 2), "image/png");
    assertEquals(422, r.statusCode(), r.body());
  }

  @Test
  void aBodyOverTheUploadLimitIsRefused() throws Exception {
    HttpResponse<String> r = upload(alice, new byte[3_000_001], "image/png");
    assertEquals(413, r.statusCode(), r.body());
  }

  @Test
  void viewersAndStrangersCannotUpload() throws Exception {
    assertEquals(403, upload(bob, png(32, 32), "image/png").statusCode());
    assertEquals(404, upload(carol, png(32, 32), "image/png").statusCode());
  }

  @Test
  void theSameBytesAreStoredOnce() throws Exception {
    byte[] same = png(500, 333);
    JsonObject first = JsonParser.parseString(upload(alice, same, "image/png").body()).getAsJsonObject();
    JsonObject second = JsonParser.parseString(upload(alice, same, "image/png").body()).getAsJsonObject();
    String sha = first.getAsJsonObject("current").get("sha256").getAsString();
    assertEquals(sha, second.getAsJsonObject("current").get("sha256").getAsString());
    long files;
    try (var walk = Files.walk(data.resolve("blobs"))) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.toString().contains(sha))
          .filter(p -> p.getFileName().toString().startsWith("web.") && !p.toString().endsWith(".json")).count();
    }
    assertEquals(1, files, "one stored web version for two uploads of the same bytes");
    Api api = new Api(server.base());
    api.delete("/api/projects/" + project + "/contents/" + first.get("id").getAsString(), alice.idToken()).expect(204);
    HttpResponse<byte[]> stillThere = HTTP.send(HttpRequest.newBuilder(server.base().resolve(
            second.getAsJsonObject("current").get("mediaUrl").getAsString()))
        .header("Authorization", "Bearer " + alice.idToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, stillThere.statusCode(), "deleting one item keeps the file the other still uses");
  }

  @Test
  void askingWhereToUploadPointsAtThisServerOnOneMachine() throws Exception {
    Api api = new Api(server.base());
    JsonObject slot = api.post("/api/projects/" + project + "/media", alice.idToken(),
        "{\"byteSize\":1000,\"contentType\":\"image/png\",\"title\":\"Later\"}").expect(201).object();
    assertEquals("POST", slot.get("method").getAsString());
    assertTrue(slot.get("uploadUrl").getAsString().startsWith("/api/projects/" + project + "/media"));
    assertEquals("direct", api.get(slot.get("statusUrl").getAsString(), alice.idToken()).expect(200).object()
        .get("status").getAsString());
    api.post("/api/projects/" + project + "/media", alice.idToken(), "{\"byteSize\":99999999999}").expect(400);
    api.post("/api/projects/" + project + "/media", alice.idToken(), "{\"byteSize\":2999999999}").expect(400);
    api.post("/api/projects/" + project + "/media", alice.idToken(), "{\"byteSize\":5000000}").expect(413);
  }

  @Test
  void importsFromUnsafeAddressesAreRefused() throws Exception {
    Api api = new Api(server.base());
    for (String url : new String[] {"http://127.0.0.1:" + server.base().getPort() + "/api/health",
        "https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/x.png", "https://[::1]/x.png",
        "file:///etc/passwd", "https://not-on-the-allowlist.example/x.png"}) {
      var a = api.post("/api/projects/" + project + "/media", alice.idToken(), "{\"url\":\"" + url + "\"}");
      assertEquals(422, a.status(), url + ": " + a.raw().body());
    }
  }
}
