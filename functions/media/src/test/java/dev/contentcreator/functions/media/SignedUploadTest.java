package dev.contentcreator.functions.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.contents.ContentView;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.media.MediaService;
import dev.contentcreator.core.media.UploadSlot;
import dev.contentcreator.core.media.UploadView;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path of uploads, on a blob store that signs addresses as Cloud Storage does: the
 * client is sent to a signed address, the Storage event of the finished upload makes the content,
 * once, and members read media from signed addresses.
 */
class SignedUploadTest {
  @TempDir Path dir;
  private SqliteDocumentStore documents;
  private SigningStore blobs;
  private MediaService media;
  private ContentService contents;
  private String project;
  private final Caller alice = new Caller("alice", "alice@example.com", "Alice", null);

  /** A folder that also signs, the way the Cloud Storage adapter does. */
  static final class SigningStore implements BlobStore {
    final FolderBlobStore folder;

    SigningStore(Path root) {
      this.folder = FolderBlobStore.open(root);
    }

    @Override public BlobInfo put(String key, InputStream content, String type) throws IOException {
      return folder.put(key, content, type);
    }
    @Override public Optional<BlobInfo> stat(String key) throws IOException { return folder.stat(key); }
    @Override public Optional<InputStream> open(String key) throws IOException { return folder.open(key); }
    @Override public boolean delete(String key) throws IOException { return folder.delete(key); }
    @Override public List<String> list(String prefix) throws IOException { return folder.list(prefix); }

    @Override
    public Optional<SignedUrl> signedUpload(String key, String contentType, long maxBytes, Duration ttl) {
      return Optional.of(new SignedUrl("PUT", URI.create("https://storage.test/upload/" + key),
          Map.of("Content-Type", contentType), Instant.parse("2026-11-26T10:15:00Z")));
    }

    @Override
    public Optional<SignedUrl> signedDownload(String key, Duration ttl) {
      return Optional.of(new SignedUrl("GET", URI.create("https://storage.test/read/" + key), Map.of(),
          Instant.parse("2026-11-26T10:15:00Z")));
    }
  }

  @BeforeEach
  void open() {
    documents = SqliteDocumentStore.open(dir.resolve("cc.db"));
    blobs = new SigningStore(dir.resolve("blobs"));
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    UserService users = new UserService(documents, clock);
    users.ensure(alice);
    ProjectService projects = new ProjectService(documents, users, clock);
    Platform platform = Platform.create(Config.of(Map.of("DATA_DIR", dir.toString())), clock);
    media = new MediaService(documents, projects, () -> blobs, platform::media, platform::fetcher, clock);
    contents = new ContentService(documents, projects, () -> blobs, clock);
    project = projects.create(alice, "Uploads", "").id();
  }

  @AfterEach
  void close() {
    documents.close();
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  private String uploadKey(UploadSlot slot) {
    return "uploads/" + project + "/" + slot.id();
  }

  @Test
  void aClientIsSentToASignedAddress() {
    UploadSlot slot = media.requestUpload(alice, project, 1000, "image/png", Optional.of("Beach"), 10_000);
    assertEquals("PUT", slot.method());
    assertEquals("https://storage.test/upload/" + uploadKey(slot), slot.uploadUrl());
    assertEquals("pending", media.uploadStatus("alice", project, slot.id()).status());
  }

  @Test
  void theFinishedUploadBecomesContentOnceAndItsRawBytesGo() throws Exception {
    UploadSlot slot = media.requestUpload(alice, project, 1000, "image/png", Optional.of("Beach"), 10_000);
    String key = uploadKey(slot);
    blobs.put(key, new ByteArrayInputStream(png()), "image/png");

    assertTrue(media.finishUpload(key));
    assertTrue(media.finishUpload(key), "a redelivered event is acknowledged");

    UploadView status = media.uploadStatus("alice", project, slot.id());
    assertEquals("done", status.status());
    ContentView content = contents.get("alice", project, status.contentId());
    assertEquals("Beach", content.title());
    assertEquals(400, (int) content.current().width());
    assertEquals(1, contents.list("alice", project, Optional.empty(), 10, null).items().size(), "made once");
    assertTrue(blobs.stat(key).isEmpty(), "the raw upload, which may carry metadata, is deleted");
  }

  @Test
  void aFileThatIsNotMediaFailsTheUploadWithAReason() throws Exception {
    UploadSlot slot = media.requestUpload(alice, project, 10, "image/png", Optional.empty(), 10_000);
    blobs.put(uploadKey(slot), new ByteArrayInputStream("MZ not an image".getBytes(StandardCharsets.UTF_8)),
        "image/png");
    media.finishUpload(uploadKey(slot));
    UploadView status = media.uploadStatus("alice", project, slot.id());
    assertEquals("failed", status.status());
    assertTrue(status.failureReason().contains("not an image"), status.toString());
  }

  @Test
  void aKeyOutsideTheUploadsIsNotAnUpload() {
    assertFalse(media.finishUpload("projects/" + project + "/media/abc/web.webp"));
  }

  @Test
  void membersReadMediaFromASignedAddress() throws Exception {
    UploadSlot slot = media.requestUpload(alice, project, 1000, "image/png", Optional.empty(), 10_000);
    blobs.put(uploadKey(slot), new ByteArrayInputStream(png()), "image/png");
    media.finishUpload(uploadKey(slot));
    String contentId = media.uploadStatus("alice", project, slot.id()).contentId();
    ContentService.Media m = contents.media("alice", project, contentId, Optional.empty(), Optional.of("thumb-256"));
    assertTrue(m.signedUrl().toString().startsWith("https://storage.test/read/projects/" + project + "/media/"),
        m.signedUrl().toString());
  }

  @Test
  void onlyRecentFinalizeEventsAreTaken() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    assertEquals(Optional.of("uploads/p/u"), MediaFinalizeFunction.objectName(event(MediaFinalizeFunction.FINALIZED,
        now.minusSeconds(60), "{\"bucket\":\"b\",\"name\":\"uploads/p/u\"}"), now));
    assertEquals(Optional.empty(), MediaFinalizeFunction.objectName(event(MediaFinalizeFunction.FINALIZED,
        now.minus(Duration.ofDays(2)), "{\"name\":\"uploads/p/u\"}"), now));
    assertEquals(Optional.empty(), MediaFinalizeFunction.objectName(event("google.cloud.storage.object.v1.deleted",
        now, "{\"name\":\"uploads/p/u\"}"), now));
  }

  private static CloudEvent event(String type, Instant time, String json) {
    return new CloudEvent() {
      @Override public CloudEventData getData() { return () -> json.getBytes(StandardCharsets.UTF_8); }
      @Override public SpecVersion getSpecVersion() { return SpecVersion.V1; }
      @Override public String getId() { return "e1"; }
      @Override public String getType() { return type; }
      @Override public URI getSource() { return URI.create("//storage.googleapis.com/projects/_/buckets/b"); }
      @Override public String getDataContentType() { return "application/json"; }
      @Override public URI getDataSchema() { return null; }
      @Override public String getSubject() { return null; }
      @Override public OffsetDateTime getTime() { return time.atOffset(ZoneOffset.UTC); }
      @Override public Object getAttribute(String name) { return null; }
      @Override public Object getExtension(String name) { return null; }
      @Override public Set<String> getExtensionNames() { return Set.of(); }
    };
  }
}
