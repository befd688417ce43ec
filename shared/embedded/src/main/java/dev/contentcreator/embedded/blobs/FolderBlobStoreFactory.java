package dev.contentcreator.embedded.blobs;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.BlobStore;
import java.nio.file.Path;

/**
 * Makes the {@code folder} blobs adapter. Settings: {@code BLOBS_DIR}, default
 * {@code DATA_DIR/blobs} with {@code DATA_DIR} defaulting to {@code ./.data}.
 */
public final class FolderBlobStoreFactory implements PortFactory<BlobStore> {

  @Override
  public Class<BlobStore> port() {
    return BlobStore.class;
  }

  @Override
  public String name() {
    return "folder";
  }

  @Override
  public BlobStore create(Config config) {
    return FolderBlobStore.open(folder(config));
  }

  /** The folder the configuration names. */
  public static Path folder(Config config) {
    return config.find(Settings.BLOBS_DIR).orElseGet(() -> config.get(Settings.DATA_DIR).resolve("blobs"));
  }
}
