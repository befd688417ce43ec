package dev.contentcreator.embedded.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletes held while a backup copies the folder. */
final class FolderBlobStoreHoldTest {
  @TempDir
  Path folder;

  @Test
  void aHeldDeleteKeepsTheBlobUntilTheHoldEnds() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder);
    store.put("a", bytes("a"), "text/plain");

    FolderBlobStore.DeleteHold hold = store.holdDeletes();
    assertTrue(store.delete("a"));
    assertTrue(store.stat("a").isPresent(), "deleted while held");

    hold.close();
    assertFalse(store.stat("a").isPresent(), "not deleted when the hold ended");
    assertEquals(List.of(), store.list(""));
  }

  @Test
  void aBlobWrittenAgainAfterAHeldDeleteSurvivesTheHold() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder);
    store.put("a", bytes("old"), "text/plain");

    try (FolderBlobStore.DeleteHold hold = store.holdDeletes()) {
      store.delete("a");
      store.put("a", bytes("new"), "text/plain");
    }

    assertEquals(3, store.stat("a").orElseThrow().size());
  }

  @Test
  void deletesWaitForTheLastOfSeveralHolds() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder);
    store.put("a", bytes("a"), "text/plain");

    FolderBlobStore.DeleteHold first = store.holdDeletes();
    FolderBlobStore.DeleteHold second = store.holdDeletes();
    store.delete("a");
    first.close();
    first.close();
    assertTrue(store.stat("a").isPresent(), "deleted while a hold remained");

    second.close();
    assertFalse(store.stat("a").isPresent());
  }

  @Test
  void aSecondHeldDeleteOfOneKeyReportsItGone() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder);
    store.put("a", bytes("a"), "text/plain");

    try (FolderBlobStore.DeleteHold hold = store.holdDeletes()) {
      assertTrue(store.delete("a"));
      assertFalse(store.delete("a"));
      assertFalse(store.delete("never-written"));
    }
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
