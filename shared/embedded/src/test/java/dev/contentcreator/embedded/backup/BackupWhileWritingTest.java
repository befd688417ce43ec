package dev.contentcreator.embedded.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while another thread writes and deletes documents and the blobs they reference. */
final class BackupWhileWritingTest {
  @TempDir
  Path folder;

  @Test
  void aBackupTakenDuringWritesHasEveryBlobItsDocumentsReference() throws Exception {
    DataLayout layout = DataLayout.standard(folder.resolve("data"));
    List<Path> backups = new ArrayList<>();
    AtomicInteger written = new AtomicInteger();
    try (SqliteDocumentStore store = SqliteDocumentStore.open(layout.database())) {
      FolderBlobStore blobs = FolderBlobStore.open(layout.blobs());
      BackupService service = BackupService.builder(layout).keep(10).liveBlobs(blobs).build();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService writer = Executors.newSingleThreadExecutor();
      try {
        Future<?> writes = writer.submit(() -> {
          write(store, blobs, stop, written);
          return null;
        });
        for (int i = 0; i < 4; i++) {
          int before = written.get();
          while (written.get() < before + 15) {
            Thread.sleep(2);
          }
          backups.add(service.backup());
        }
        stop.set(true);
        writes.get(60, TimeUnit.SECONDS);
      } finally {
        stop.set(true);
        writer.shutdownNow();
      }
    }

    int checked = 0;
    for (int i = 0; i < backups.size(); i++) {
      Path restoredDir = folder.resolve("restored-" + i);
      RestoreService.create().restore(backups.get(i), restoredDir);
      DataLayout restored = DataLayout.standard(restoredDir);
      assertEquals("ok", integrityCheck(restored.database()));
      try (SqliteDocumentStore store = SqliteDocumentStore.open(restored.database())) {
        FolderBlobStore blobs = FolderBlobStore.open(restored.blobs());
        for (String collection : List.of("contents", "versions")) {
          for (Document d : BackupRestoreTest.every(store, collection)) {
            String key = d.data().get("blobKey").getAsString();
            Optional<InputStream> blob = blobs.open(key);
            assertTrue(blob.isPresent(), "backup " + i + ": " + collection + "/" + d.id() + " references the missing blob "
                + key);
            try (InputStream in = blob.get()) {
              assertEquals(d.data().get("sha256").getAsString(), sha256(in.readAllBytes()), key);
            }
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 20, "too few documents were checked: " + checked);
  }

  /**
   * Writes as the services do: a blob, then the content and version referencing it; now and then
   * deletes an earlier content and version, then their blob.
   */
  private static void write(SqliteDocumentStore store, FolderBlobStore blobs, AtomicBoolean stop, AtomicInteger written)
      throws IOException {
    Random random = new Random(42);
    List<Integer> live = new ArrayList<>();
    for (int i = 0; !stop.get(); i++) {
      byte[] data = new byte[500 + random.nextInt(20_000)];
      random.nextBytes(data);
      String key = "media/" + i + ".bin";
      blobs.put(key, new ByteArrayInputStream(data), "application/octet-stream");
      JsonObject doc = new JsonObject();
      doc.addProperty("blobKey", key);
      doc.addProperty("sha256", sha256(data));
      String id = Integer.toString(i);
      store.transaction(tx -> {
        tx.set("contents", id, doc);
        tx.set("versions", id, doc);
        return null;
      });
      live.add(i);
      if (i % 3 == 2) {
        String gone = Integer.toString(live.remove(random.nextInt(live.size())));
        store.transaction(tx -> {
          tx.delete("versions", gone);
          tx.delete("contents", gone);
          return null;
        });
        blobs.delete("media/" + gone + ".bin");
      }
      written.incrementAndGet();
    }
  }

  private static String integrityCheck(Path database) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
      result.next();
      return result.getString(1);
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
