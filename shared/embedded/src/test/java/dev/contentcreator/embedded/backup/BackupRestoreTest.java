package dev.contentcreator.embedded.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of the SQLite file and blob folder, and restoring them. */
final class BackupRestoreTest {
  private static final List<String> COLLECTIONS = List.of("projects", "contents", "versions");

  @TempDir
  Path folder;

  @Test
  void backupThenWipeThenRestoreGivesBackEveryDocumentAndBlob() throws IOException {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    Map<String, JsonObject> documentsBefore;
    Map<String, byte[]> blobsBefore;
    Path backup;
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      FolderBlobStore blobs = FolderBlobStore.open(layout.blobs());
      fill(store, blobs);
      documentsBefore = documents(store);
      blobsBefore = blobs(blobs);
      backup = BackupService.builder(layout).build().backup();
    }

    Files.delete(layout.database());
    HashedCopy.deleteTree(layout.blobs());
    RestoreService.Result result = RestoreService.create().restore(backup, layout.dataDir());

    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      assertEquals(documentsBefore, documents(store));
      Map<String, byte[]> restored = blobs(FolderBlobStore.open(layout.blobs()));
      assertEquals(blobsBefore.keySet(), restored.keySet());
      blobsBefore.forEach((key, bytes) -> assertArrayEquals(bytes, restored.get(key), key));
    }
    assertEquals(3 * 4, documentsBefore.size());
    assertTrue(Files.isDirectory(result.setAside()), "no pre-restore folder");
    assertTrue(result.setAside().getFileName().toString().startsWith("pre-restore-"));
  }

  @Test
  void restoreMovesTheCurrentDataAside() throws IOException {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    Path backup;
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      FolderBlobStore blobs = FolderBlobStore.open(layout.blobs());
      store.set("projects", "kept", json("name", "in the backup"));
      backup = BackupService.builder(layout).build().backup();
      store.set("projects", "later", json("name", "after the backup"));
      blobs.put("later.txt", bytes("after the backup"), "text/plain");
    }

    RestoreService.Result result = RestoreService.create().restore(backup, layout.dataDir());

    try (SqliteDocumentStore restored = SqliteDocumentStore.open(layout.database())) {
      assertTrue(restored.get("projects", "kept").isPresent());
      assertFalse(restored.get("projects", "later").isPresent());
    }
    try (SqliteDocumentStore aside = SqliteDocumentStore.open(result.setAside().resolve(DataLayout.DATABASE_NAME))) {
      assertTrue(aside.get("projects", "later").isPresent(), "the replaced data was not kept");
    }
    assertTrue(Files.isRegularFile(result.setAside().resolve("blobs/objects/later.txt")));
    assertFalse(Files.exists(layout.blobs().resolve("objects/later.txt")));
  }

  @Test
  void theManifestListsTheDatabaseAndEveryBlobFileWithSizeAndHash() throws IOException {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    Path backup;
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      FolderBlobStore blobs = FolderBlobStore.open(layout.blobs());
      blobs.put("media/a.png", bytes("abc"), "image/png");
      Instant at = Instant.parse("2030-01-02T03:04:05.678Z");
      backup = BackupService.builder(layout).clock(Clock.fixed(at, ZoneOffset.UTC)).build().backup();
    }

    BackupManifest manifest = BackupManifest.read(backup);
    assertEquals(layout.backups().resolve("2030-01-02T03-04-05.678Z"), backup);
    assertEquals(Instant.parse("2030-01-02T03:04:05.678Z"), manifest.createdAt());
    assertEquals(DataLayout.DATABASE_NAME, manifest.database().path());
    assertEquals(Files.size(backup.resolve(DataLayout.DATABASE_NAME)), manifest.database().size());
    assertEquals(List.of("blobs/meta/media/a.png.json", "blobs/objects/media/a.png"),
        manifest.files().stream().map(BackupManifest.FileEntry::path).toList());
    BackupManifest.FileEntry object = manifest.files().get(1);
    assertEquals(3, object.size());
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", object.sha256());
    try (Stream<Path> children = Files.list(layout.backups())) {
      assertEquals(List.of(backup), children.toList(), "a partial folder was left behind");
    }
  }

  @Test
  void retentionKeepsTheNewestBackups() throws IOException {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    SteppingClock clock = new SteppingClock(Instant.parse("2030-01-01T00:00:00Z"), Duration.ofHours(1));
    Path unrelated = Files.createDirectories(layout.backups().resolve("keep-me"));
    List<Path> taken = new ArrayList<>();
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      BackupService service = BackupService.builder(layout).keep(3).clock(clock).build();
      for (int i = 0; i < 5; i++) {
        store.set("projects", "p" + i, json("name", "project " + i));
        taken.add(service.backup());
      }
      assertEquals(List.of(taken.get(4), taken.get(3), taken.get(2)), service.backups());
    }
    assertFalse(Files.exists(taken.get(0)));
    assertFalse(Files.exists(taken.get(1)));
    assertTrue(Files.isDirectory(unrelated), "a folder that is not a backup was deleted");
  }

  @Test
  void aBackupWithAChangedBlobByteIsRefusedBeforeAnythingMoves() throws IOException {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    Path backup;
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      FolderBlobStore blobs = FolderBlobStore.open(layout.blobs());
      fill(store, blobs);
      backup = BackupService.builder(layout).build().backup();
    }
    Path blob = backup.resolve("blobs/objects/media/contents-1.bin");
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 1;
    Files.write(blob, bytes);
    List<Path> before = tree(layout.dataDir());
    String databaseBefore = HashedCopy.digest(layout.database()).sha256();

    InvalidBackupException e = assertThrows(InvalidBackupException.class,
        () -> RestoreService.create().restore(backup, layout.dataDir()));

    assertTrue(e.getMessage().contains("blobs/objects/media/contents-1.bin"), e.getMessage());
    assertEquals(before, tree(layout.dataDir()));
    assertEquals(databaseBefore, HashedCopy.digest(layout.database()).sha256());
  }

  @Test
  void aFolderWithoutAManifestIsRefused() throws IOException {
    Path notABackup = Files.createDirectories(folder.resolve("nothing"));

    InvalidBackupException e = assertThrows(InvalidBackupException.class,
        () -> RestoreService.create().restore(notABackup, folder.resolve("data")));

    assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    assertFalse(Files.exists(folder.resolve("data")));
  }

  @Test
  void restoreRefusesWhileTheDataFolderIsLocked() throws IOException {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    Path backup;
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      store.set("projects", "p", json("name", "p"));
      backup = BackupService.builder(layout).build().backup();
    }
    List<Path> before;
    try (DataDirLock lock = DataDirLock.acquire(layout.dataDir())) {
      before = tree(layout.dataDir());

      DataDirLockedException e = assertThrows(DataDirLockedException.class,
          () -> RestoreService.create().restore(backup, layout.dataDir()));

      assertTrue(e.getMessage().contains("server.lock"), e.getMessage());
      assertEquals(before, tree(layout.dataDir()));
    }
    RestoreService.create().restore(backup, layout.dataDir());
  }

  @Test
  void aSecondLockOnOneDataFolderIsRefused() throws IOException {
    try (DataDirLock first = DataDirLock.acquire(folder)) {
      assertThrows(DataDirLockedException.class, () -> DataDirLock.acquire(folder));
    }
    try (DataDirLock again = DataDirLock.acquire(folder)) {
      assertTrue(Files.isRegularFile(folder.resolve(DataDirLock.FILE_NAME)));
    }
  }

  /** Three collections of four documents; each content and version references a blob. */
  static void fill(SqliteDocumentStore store, FolderBlobStore blobs) throws IOException {
    for (int i = 0; i < 4; i++) {
      store.set("projects", "p" + i, json("name", "project " + i));
      for (String collection : List.of("contents", "versions")) {
        String key = "media/" + collection + "-" + i + ".bin";
        byte[] data = new byte[1000 + 997 * i];
        for (int b = 0; b < data.length; b++) {
          data[b] = (byte) (b * 31 + i);
        }
        blobs.put(key, new ByteArrayInputStream(data), "application/octet-stream");
        JsonObject doc = json("projectId", "p" + i);
        doc.addProperty("blobKey", key);
        store.set(collection, collection.charAt(0) + Integer.toString(i), doc);
      }
    }
  }

  static Map<String, JsonObject> documents(SqliteDocumentStore store) {
    Map<String, JsonObject> all = new TreeMap<>();
    for (String collection : COLLECTIONS) {
      for (Document d : every(store, collection)) {
        all.put(collection + "/" + d.id(), d.data());
      }
    }
    return all;
  }

  static List<Document> every(SqliteDocumentStore store, String collection) {
    List<Document> all = new ArrayList<>();
    String cursor = null;
    do {
      Query.Builder query = Query.on(collection).limit(Query.MAX_LIMIT);
      if (cursor != null) {
        query.startAfter(cursor);
      }
      Page page = store.query(query.build());
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  static Map<String, byte[]> blobs(FolderBlobStore blobs) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    for (String key : blobs.list("")) {
      try (InputStream in = blobs.open(key).orElseThrow()) {
        all.put(key, in.readAllBytes());
      }
    }
    return all;
  }

  static JsonObject json(String field, String value) {
    JsonObject json = new JsonObject();
    json.addProperty(field, value);
    return json;
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Path> tree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.sorted().toList();
    }
  }

  /** A clock that moves on by a step each time it is read. */
  static final class SteppingClock extends Clock {
    private Instant next;
    private final Duration step;

    SteppingClock(Instant start, Duration step) {
      this.next = start;
      this.step = step;
    }

    @Override
    public synchronized Instant instant() {
      Instant now = next;
      next = next.plus(step);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a stepping clock stays in UTC");
    }
  }
}
