package dev.contentcreator.embedded.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.BlobStore.BlobInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the folder adapter does beyond the contract: its files on disk. */
final class FolderBlobStoreFolderTest {
  @TempDir
  Path folder;

  @Test
  void sidecarsDoNotShowInList() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder.resolve("blobs"));
    store.put("media/a.png", bytes("a"), "image/png");

    assertEquals(List.of("media/a.png"), store.list(""));
    assertTrue(files(folder).stream().anyMatch(p -> p.endsWith("a.png.json")), "no sidecar written");
  }

  @Test
  void keysThatLookLikeSidecarsAreOrdinaryBlobs() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder.resolve("blobs"));
    BlobInfo a = store.put("a", bytes("a"), "text/plain");
    BlobInfo json = store.put("a.json", bytes("{}"), "application/json");
    BlobInfo metaJson = store.put("a.meta.json", bytes("[]"), "application/json");

    assertEquals(List.of("a", "a.json", "a.meta.json"), store.list(""));
    assertEquals(Optional.of(a), store.stat("a"));
    assertEquals(Optional.of(json), store.stat("a.json"));
    assertEquals(Optional.of(metaJson), store.stat("a.meta.json"));
  }

  @Test
  void invalidKeysWriteNothingAnywhere() throws IOException {
    Path root = folder.resolve("store/blobs");
    FolderBlobStore store = FolderBlobStore.open(root);
    List<Path> before = files(folder);

    for (String key : List.of("../escape", "../../escape", "a/../../escape", "/tmp/escape", "..\\escape")) {
      assertThrows(IllegalArgumentException.class, () -> store.put(key, bytes("x"), "text/plain"), key);
    }

    assertEquals(before, files(folder));
    assertTrue(Files.notExists(folder.resolve("store/escape")));
    assertTrue(Files.notExists(folder.resolve("escape")));
  }

  @Test
  void blobsSurviveReopeningTheFolder() throws IOException {
    Path root = folder.resolve("blobs");
    BlobInfo put = FolderBlobStore.open(root).put("k/v.txt", bytes("kept"), "text/plain");

    FolderBlobStore reopened = FolderBlobStore.open(root);

    assertEquals(Optional.of(put), reopened.stat("k/v.txt"));
    try (InputStream in = reopened.open("k/v.txt").orElseThrow()) {
      assertEquals("kept", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void failingUploadLeavesNoBlobAndNoStagingFile() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder.resolve("blobs"));
    InputStream broken = new InputStream() {
      private int left = 100_000;

      @Override
      public int read() throws IOException {
        if (left-- <= 0) {
          throw new IOException("connection reset");
        }
        return 'x';
      }
    };

    assertThrows(IOException.class, () -> store.put("up/load.bin", broken, "application/octet-stream"));

    assertEquals(Optional.empty(), store.stat("up/load.bin"));
    assertEquals(List.of(), files(folder.resolve("blobs/staging")));
  }

  @Test
  void failedReplaceKeepsThePreviousBlob() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder.resolve("blobs"));
    BlobInfo first = store.put("k", bytes("first"), "text/plain");
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };

    assertThrows(IOException.class, () -> store.put("k", broken, "text/plain"));

    assertEquals(Optional.of(first), store.stat("k"));
  }

  @Test
  void keyThatIsAFolderOfOtherKeysFailsWithAClearMessage() throws IOException {
    FolderBlobStore store = FolderBlobStore.open(folder.resolve("blobs"));
    store.put("a/b", bytes("b"), "text/plain");

    IOException e = assertThrows(IOException.class, () -> store.put("a", bytes("a"), "text/plain"));

    assertTrue(e.getMessage().contains("folder of other keys"), e.getMessage());
    assertEquals(List.of("a/b"), store.list(""));
  }

  @Test
  void statWithoutSidecarRecomputesSizeAndSha() throws IOException {
    Path root = folder.resolve("blobs");
    FolderBlobStore store = FolderBlobStore.open(root);
    BlobInfo put = store.put("x/y", bytes("abc"), "text/plain");
    Files.delete(root.resolve("meta/x/y.json"));

    BlobInfo stat = store.stat("x/y").orElseThrow();

    assertEquals(put.size(), stat.size());
    assertEquals(put.sha256(), stat.sha256());
    assertEquals("application/octet-stream", stat.contentType());
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }
}
