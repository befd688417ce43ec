package dev.contentcreator.gcp.storage;

import com.google.cloud.storage.StorageOptions;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.BlobStore;

/**
 * Makes the {@code gcs} blobs adapter ({@code BLOBS=gcs}). Settings: {@code MEDIA_BUCKET} (required:
 * the bucket's name), {@code GOOGLE_CLOUD_PROJECT} (optional; the client finds it from the runtime
 * otherwise). Credentials are Application Default Credentials. The client is made here, so only
 * when the platform first uses blobs, and once per platform.
 */
public final class GcsBlobStoreFactory implements PortFactory<BlobStore> {

  @Override
  public Class<BlobStore> port() {
    return BlobStore.class;
  }

  @Override
  public String name() {
    return "gcs";
  }

  @Override
  public BlobStore create(Config config) {
    String bucket = config.find(Settings.MEDIA_BUCKET).orElseThrow(() -> new IllegalStateException(
        "BLOBS=gcs needs MEDIA_BUCKET, the name of the Cloud Storage bucket for media"));
    StorageOptions.Builder options = StorageOptions.newBuilder();
    ProjectId.configured(config).ifPresent(options::setProjectId);
    return GcsBlobStore.create(options.build().getService(), bucket);
  }
}
