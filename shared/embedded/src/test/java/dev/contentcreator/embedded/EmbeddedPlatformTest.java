package dev.contentcreator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.core.live.WatchedDocuments;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform finds the embedded adapters by name through the service file. */
final class EmbeddedPlatformTest {
  @TempDir
  Path folder;

  @Test
  void documentsDefaultToSqliteInTheDataFolder() {
    try (Platform platform = Platform.create(Config.of(Map.of("DATA_DIR", folder.toString())), Clock.systemUTC())) {
      // On the local change feed the store is watched, so live views hear of its writes.
      WatchedDocuments watched = assertInstanceOf(WatchedDocuments.class, platform.documents());
      SqliteDocumentStore store = assertInstanceOf(SqliteDocumentStore.class, watched.store());

      assertEquals(folder.resolve("contentcreator.db"), store.file());
    }
  }

  @Test
  void blobsDefaultToAFolderInTheDataFolder() {
    try (Platform platform = Platform.create(Config.of(Map.of("DATA_DIR", folder.toString())), Clock.systemUTC())) {
      FolderBlobStore store = assertInstanceOf(FolderBlobStore.class, platform.blobs());

      assertEquals(folder.resolve("blobs"), store.root());
    }
  }

  @Test
  void adaptersAreMadeOnlyWhenFirstUsed() {
    try (Platform platform = Platform.create(Config.of(Map.of("DATA_DIR", folder.toString())), Clock.systemUTC())) {
      platform.documents();

      assertTrue(platform.isLoaded(DocumentStore.class));
      assertFalse(platform.isLoaded(BlobStore.class));
    }
  }

  @Test
  void aWarmUpMakesTheClientsOfASignedInRequestOnOtherThreadsAndWritesNothing() throws InterruptedException {
    try (Platform platform = Platform.create(Config.of(Map.of("DATA_DIR", folder.toString())), Clock.systemUTC())) {
      List<Thread> threads = platform.warmUp();
      for (Thread t : threads) {
        t.join(30_000);
        assertFalse(t.isAlive(), t.getName() + " is still running");
      }

      assertTrue(platform.isLoaded(DocumentStore.class));
      assertTrue(platform.isLoaded(RateLimiter.class));
      assertFalse(platform.isLoaded(BlobStore.class), "a warm-up makes only what every signed-in request needs");
      // No Firebase adapter on this classpath: the warm-up logs that and leaves it to the first request.
      assertFalse(platform.isLoaded(IdentityVerifier.class));
      assertEquals(0, platform.documents().query(Query.on("users").limit(10).build()).items().size());
    }
  }
}
