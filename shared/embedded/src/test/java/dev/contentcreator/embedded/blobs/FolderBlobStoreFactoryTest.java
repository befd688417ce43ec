package dev.contentcreator.embedded.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.BlobStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FolderBlobStoreFactoryTest {
  @TempDir
  Path folder;

  @Test
  void nameAndPort() {
    FolderBlobStoreFactory factory = new FolderBlobStoreFactory();

    assertEquals("folder", factory.name());
    assertEquals(BlobStore.class, factory.port());
  }

  @Test
  void storesInBlobsUnderTheDataFolder() {
    BlobStore store = new FolderBlobStoreFactory().create(Config.of(Map.of("DATA_DIR", folder.toString())));

    assertEquals(folder.resolve("blobs"), ((FolderBlobStore) store).root());
  }

  @Test
  void blobsDirOverridesTheDataFolder() {
    Path elsewhere = folder.resolve("elsewhere");
    Config config = Config.of(Map.of("DATA_DIR", folder.toString(), "BLOBS_DIR", elsewhere.toString()));

    BlobStore store = new FolderBlobStoreFactory().create(config);

    assertEquals(elsewhere, ((FolderBlobStore) store).root());
  }

  @Test
  void dataFolderDefaultsToDotData() {
    assertEquals(Path.of(".data", "blobs").toAbsolutePath().normalize(),
        FolderBlobStoreFactory.folder(Config.of(Map.of())));
  }
}
