package dev.contentcreator.core.exports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class MediaZipTest {
  /** Blobs in a map, enough for the archive, which only opens them. */
  static final class MapBlobs implements BlobStore {
    final Map<String, byte[]> stored = new HashMap<>();

    @Override public BlobInfo put(String key, InputStream content, String contentType) throws java.io.IOException {
      stored.put(key, content.readAllBytes());
      return new BlobInfo(key, stored.get(key).length, contentType, null);
    }
    @Override public Optional<BlobInfo> stat(String key) { return Optional.empty(); }
    @Override public Optional<InputStream> open(String key) {
      return Optional.ofNullable(stored.get(key)).map(ByteArrayInputStream::new);
    }
    @Override public boolean delete(String key) { return stored.remove(key) != null; }
    @Override public List<String> list(String prefix) { return List.of(); }
  }

  private static Map<String, ZipEntry> entries;

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
        entries.put(e.getName(), e);
      }
    }
    return out;
  }

  @Test
  void entryNamesAreTheRowAndTheTitleInAsciiSoNoNameLeavesItsFolder() {
    assertEquals("0007-A-poster-for-tea.png", MediaZip.entryName(7, "A poster for tea!", "image/png"));
    assertEquals("0001-etc-passwd.bin", MediaZip.entryName(1, "../../etc/passwd", "application/x-evil"));
    assertEquals("0012.jpg", MediaZip.entryName(12, "/\\..", "image/jpeg; q=1"));
    assertEquals("1000-Creme.mp4", MediaZip.entryName(1000, "Crème", "video/mp4"));
  }

  @Test
  void compressedMediaIsStoredAndTheRestDeflatedEachReadingBackAsItsBytes() throws Exception {
    MapBlobs blobs = new MapBlobs();
    byte[] png = "\u0089PNG pretend bytes".getBytes(StandardCharsets.ISO_8859_1);
    byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'/>".repeat(50).getBytes(StandardCharsets.UTF_8);
    blobs.stored.put("a.png", png);
    blobs.stored.put("b.svg", svg);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MediaZip zip = new MediaZip(out, blobs)) {
      zip.add("0001-a.png", "a.png", "image/png");
      zip.add("0002-b.svg", "b.svg", "image/svg+xml");
    }
    Map<String, byte[]> files = unzip(out.toByteArray());
    assertArrayEquals(png, files.get("0001-a.png"));
    assertArrayEquals(svg, files.get("0002-b.svg"));
    assertEquals(ZipEntry.STORED, entries.get("0001-a.png").getMethod());
    assertEquals(ZipEntry.DEFLATED, entries.get("0002-b.svg").getMethod());
    assertFalse(files.containsKey("missing.txt"));
  }

  @Test
  void aBlobThatIsGoneIsNamedInMissingTxtAndTheOthersAreKept() throws Exception {
    MapBlobs blobs = new MapBlobs();
    blobs.stored.put("a.png", new byte[] {1, 2, 3});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MediaZip zip = new MediaZip(out, blobs)) {
      zip.add("0001-gone.png", "gone.png", "image/png");
      zip.add("0002-a.png", "a.png", "image/png");
    }
    Map<String, byte[]> files = unzip(out.toByteArray());
    assertEquals(List.of("0002-a.png", "missing.txt"), List.copyOf(files.keySet()));
    assertTrue(new String(files.get("missing.txt"), StandardCharsets.UTF_8).contains("0001-gone.png"));
  }

  @Test
  void aNameUsedTwiceGetsACounter() throws Exception {
    MapBlobs blobs = new MapBlobs();
    blobs.stored.put("a.png", new byte[] {1});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MediaZip zip = new MediaZip(out, blobs)) {
      zip.add("0001-a.png", "a.png", "image/png");
      zip.add("0001-a.png", "a.png", "image/png");
    }
    assertEquals(List.of("0001-a.png", "0001-a-2.png"), List.copyOf(unzip(out.toByteArray()).keySet()));
  }
}
