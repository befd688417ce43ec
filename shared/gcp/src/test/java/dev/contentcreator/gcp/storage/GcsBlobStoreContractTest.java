package dev.contentcreator.gcp.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.testkit.BlobStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The blobs contract on Cloud Storage, against google-cloud-nio's in-process fake of its JSON API
 * (a fresh, empty fake per test), plus what only this adapter promises.
 */
final class GcsBlobStoreContractTest extends BlobStoreContract {
  private Storage storage;

  @Override
  protected BlobStore newStore() {
    storage = LocalStorageHelper.customOptions(false).getService();
    return GcsBlobStore.create(storage, "cc-media-test");
  }

  @Test
  void theHashIsKeptInTheObjectsMetadata() throws IOException {
    BlobStore.BlobInfo info = store.put("a/hash.txt", text("abc"), "text/plain");

    assertEquals(info.sha256(), storage.get("cc-media-test", "a/hash.txt").getMetadata()
        .get(GcsBlobStore.SHA256_METADATA));
  }

  @Test
  void anObjectWrittenWithoutTheAdapterHasNoHash() throws IOException {
    storage.create(BlobInfo.newBuilder("cc-media-test", "uploads/direct.png").setContentType("image/png").build(),
        "raw".getBytes(StandardCharsets.UTF_8));

    BlobStore.BlobInfo info = store.stat("uploads/direct.png").orElseThrow();

    assertEquals(3, info.size());
    assertEquals("image/png", info.contentType());
    assertNull(info.sha256());
  }

  @Test
  void aFailingSourceLeavesTheStoredObjectAsItWas() throws IOException {
    BlobStore.BlobInfo before = store.put("k.txt", text("kept"), "text/plain");
    InputStream breaks = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served++ < 3) {
          return 'x';
        }
        throw new IOException("the client went away");
      }
    };

    assertThrows(IOException.class, () -> store.put("k.txt", breaks, "application/octet-stream"));

    assertEquals(Optional.of(before), store.stat("k.txt"));
    try (InputStream in = store.open("k.txt").orElseThrow()) {
      assertEquals("kept", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(List.of("k.txt"), store.list(""));
  }

  @Test
  void aBucketNameCloudStorageWouldRefuseIsRefusedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> GcsBlobStore.create(storage, "Not_A/Bucket"));
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
