package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.BlobStore.BlobInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link BlobStore} adapter must show. Extend it and return a fresh, empty
 * store from {@link #newStore()}; a store that is {@link AutoCloseable} is closed after each test.
 *
 * <p>Keys are slash-separated and must not be empty, start or end with {@code /}, hold empty,
 * {@code .} or {@code ..} segments, a backslash or a NUL: adapters reject such keys with
 * {@link IllegalArgumentException} before touching storage.
 */
public abstract class BlobStoreContract {

  /** A fresh, empty store; called once before each test. */
  protected abstract BlobStore newStore();

  protected BlobStore store;

  @BeforeEach
  final void openStore() {
    store = newStore();
    assertNotNull(store, "newStore() returned null");
  }

  @AfterEach
  final void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  // ---- put, stat, open, delete ----

  @Test
  void putReturnsKeySizeContentTypeAndSha256() throws IOException {
    BlobInfo info = store.put("a/b.txt", bytes("abc"), "text/plain");

    assertEquals(new BlobInfo("a/b.txt", 3, "text/plain",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), info);
  }

  @Test
  void statReturnsWhatPutReturned() throws IOException {
    BlobInfo put = store.put("media/m1.png", bytes("png bytes"), "image/png");

    assertEquals(Optional.of(put), store.stat("media/m1.png"));
  }

  @Test
  void openReturnsTheStoredBytes() throws IOException {
    store.put("notes/n1.txt", bytes("hello, blobs"), "text/plain");

    assertEquals("hello, blobs", new String(read("notes/n1.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void emptyBlobHasZeroSizeAndTheEmptySha256() throws IOException {
    BlobInfo info = store.put("empty", new ByteArrayInputStream(new byte[0]), "application/octet-stream");

    assertEquals(0, info.size());
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", info.sha256());
    assertArrayEquals(new byte[0], read("empty"));
  }

  @Test
  void sha256IsLowerCaseHexOfTheContent() throws IOException {
    byte[] content = randomBytes(10_000, 7);

    BlobInfo info = store.put("r.bin", new ByteArrayInputStream(content), "application/octet-stream");

    assertEquals(sha256Hex(content), info.sha256());
    assertTrue(info.sha256().matches("[0-9a-f]{64}"), info.sha256());
  }

  @Test
  void contentTypeIsKept() throws IOException {
    store.put("doc.html", bytes("<p>hi</p>"), "text/html; charset=utf-8");

    assertEquals("text/html; charset=utf-8", store.stat("doc.html").orElseThrow().contentType());
  }

  @Test
  void putReplacesContentSizeShaAndContentType() throws IOException {
    store.put("k", bytes("first version"), "text/plain");

    BlobInfo second = store.put("k", bytes("2nd"), "application/json");

    assertEquals(new BlobInfo("k", 3, "application/json", sha256Hex("2nd".getBytes(StandardCharsets.UTF_8))), second);
    assertEquals(Optional.of(second), store.stat("k"));
    assertEquals("2nd", new String(read("k"), StandardCharsets.UTF_8));
  }

  @Test
  void statOfMissingKeyIsEmpty() throws IOException {
    assertEquals(Optional.empty(), store.stat("missing/blob"));
  }

  @Test
  void openOfMissingKeyIsEmpty() throws IOException {
    assertEquals(Optional.empty(), store.open("missing/blob"));
  }

  @Test
  void deleteRemovesTheBlobAndSaysItExisted() throws IOException {
    store.put("gone.txt", bytes("x"), "text/plain");

    assertTrue(store.delete("gone.txt"));

    assertEquals(Optional.empty(), store.stat("gone.txt"));
    assertEquals(Optional.empty(), store.open("gone.txt"));
    assertEquals(List.of(), store.list(""));
  }

  @Test
  void deleteOfMissingKeyReturnsFalse() throws IOException {
    assertFalse(store.delete("never/was"));
  }

  @Test
  void deleteLeavesSiblingsAlone() throws IOException {
    store.put("p/a", bytes("a"), "text/plain");
    store.put("p/b", bytes("b"), "text/plain");

    store.delete("p/a");

    assertEquals(List.of("p/b"), store.list("p/"));
  }

  @Test
  void keysWithManyNestedSegmentsWork() throws IOException {
    String key = "projects/p1/media/2024/03/01/m1/original.png";

    store.put(key, bytes("deep"), "image/png");

    assertEquals("deep", new String(read(key), StandardCharsets.UTF_8));
    assertEquals(List.of(key), store.list("projects/"));
  }

  @Test
  void binaryBytesRoundTrip() throws IOException {
    byte[] every = new byte[512];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }

    store.put("bin/all-bytes", new ByteArrayInputStream(every), "application/octet-stream");

    assertArrayEquals(every, read("bin/all-bytes"));
  }

  @Test
  void largeBlobIsStreamedInAndOut() throws Exception {
    long size = 5L * 1024 * 1024 + 3;
    GeneratedStream source = new GeneratedStream(size, 42);

    BlobInfo info = store.put("big/video.mp4", source, "video/mp4");

    assertEquals(size, info.size());
    assertEquals(source.sha256Hex(), info.sha256());
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long readBack = 0;
    try (InputStream in = store.open("big/video.mp4").orElseThrow()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
        readBack += n;
      }
    }
    assertEquals(size, readBack);
    assertEquals(source.sha256Hex(), HexFormat.of().formatHex(digest.digest()));
  }

  // ---- list ----

  @Test
  void listReturnsOnlyKeysWithThePrefix() throws IOException {
    store.put("projects/p1/a.png", bytes("1"), "image/png");
    store.put("projects/p1/b.png", bytes("2"), "image/png");
    store.put("projects/p2/a.png", bytes("3"), "image/png");
    store.put("users/u1/avatar.png", bytes("4"), "image/png");

    assertEquals(List.of("projects/p1/a.png", "projects/p1/b.png"), store.list("projects/p1/"));
  }

  @Test
  void listMatchesThePrefixAsTextNotAsFolder() throws IOException {
    store.put("projects/p1/a", bytes("1"), "text/plain");
    store.put("projects/p10/a", bytes("2"), "text/plain");
    store.put("projects/p2/a", bytes("3"), "text/plain");
    store.put("projects/p1x", bytes("4"), "text/plain");

    assertEquals(List.of("projects/p1/a", "projects/p10/a", "projects/p1x"), store.list("projects/p1"));
  }

  @Test
  void listReturnsKeysInKeyOrder() throws IOException {
    for (String key : List.of("a0", "a/b", "b", "a-c", "a/a/z", "a/aa", "A")) {
      store.put(key, bytes(key), "text/plain");
    }

    assertEquals(List.of("A", "a-c", "a/a/z", "a/aa", "a/b", "a0", "b"), store.list(""));
  }

  @Test
  void listWithEmptyPrefixReturnsEverything() throws IOException {
    store.put("x/1", bytes("1"), "text/plain");
    store.put("y", bytes("2"), "text/plain");

    assertEquals(List.of("x/1", "y"), store.list(""));
  }

  @Test
  void listOfUnknownPrefixIsEmpty() throws IOException {
    store.put("x/1", bytes("1"), "text/plain");

    assertEquals(List.of(), store.list("nothing/here/"));
  }

  @Test
  void listWithExactKeyAsPrefixIncludesIt() throws IOException {
    store.put("x/file.txt", bytes("1"), "text/plain");

    assertEquals(List.of("x/file.txt"), store.list("x/file.txt"));
  }

  // ---- invalid keys ----

  @ParameterizedTest
  @ValueSource(strings = {"", "/absolute", "a/../b", "..", "../escape", "a/..", ".", "a/./b", "a\\b",
      "..\\escape", "a\u0000b", "a//b", "trailing/"})
  void putRejectsInvalidKey(String key) {
    assertThrows(IllegalArgumentException.class, () -> store.put(key, bytes("x"), "text/plain"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/absolute", "a/../b", "../escape", "a\\b", "a\u0000b"})
  void statRejectsInvalidKey(String key) {
    assertThrows(IllegalArgumentException.class, () -> store.stat(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/absolute", "a/../b", "../escape", "a\\b", "a\u0000b"})
  void openRejectsInvalidKey(String key) {
    assertThrows(IllegalArgumentException.class, () -> store.open(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/absolute", "a/../b", "../escape", "a\\b", "a\u0000b"})
  void deleteRejectsInvalidKey(String key) {
    assertThrows(IllegalArgumentException.class, () -> store.delete(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/absolute", "../", "a/../", "a\\", "a\u0000"})
  void listRejectsInvalidPrefix(String prefix) {
    assertThrows(IllegalArgumentException.class, () -> store.list(prefix));
  }

  @Test
  void rejectedPutStoresNothing() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> store.put("a/../b", bytes("x"), "text/plain"));

    assertEquals(List.of(), store.list(""));
  }

  // ---- helpers ----

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] read(String key) throws IOException {
    try (InputStream in = store.open(key).orElseThrow(() -> new AssertionError("no blob at " + key))) {
      return in.readAllBytes();
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Pseudo-random bytes made as they are read, so no copy of the whole blob sits in memory. */
  private static final class GeneratedStream extends InputStream {
    private final Random random;
    private final MessageDigest digest;
    private long remaining;
    private String hex;

    GeneratedStream(long size, long seed) throws NoSuchAlgorithmException {
      this.random = new Random(seed);
      this.digest = MessageDigest.getInstance("SHA-256");
      this.remaining = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(Math.min(length, remaining), 8192);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, buffer, offset, n);
      digest.update(chunk);
      remaining -= n;
      return n;
    }

    String sha256Hex() {
      if (remaining != 0) {
        throw new IllegalStateException("the stream was not read to its end: " + remaining + " bytes left");
      }
      if (hex == null) {
        hex = HexFormat.of().formatHex(digest.digest());
      }
      return hex;
    }
  }
}
