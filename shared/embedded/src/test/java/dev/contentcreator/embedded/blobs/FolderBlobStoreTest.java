package dev.contentcreator.embedded.blobs;

import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.testkit.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The blobs contract, run against a fresh folder per test. */
final class FolderBlobStoreTest extends BlobStoreContract {
  @TempDir
  Path folder;

  @Override
  protected BlobStore newStore() {
    return FolderBlobStore.open(folder.resolve("blobs"));
  }
}
