package dev.contentcreator.core.exports;

import dev.contentcreator.core.ports.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP of stored media, written entry by entry as the blobs are read, never whole in memory.
 * Media already compressed (JPEG, PNG, WebP, GIF, AVIF, every video) is STORED: its size and
 * CRC-32 go before its bytes, so the blob is read twice (once to sum it, once to copy it); other
 * media is deflated. Entry names are made here only ({@link #entryName}), of ASCII letters, digits,
 * dashes and one dot, so no name can climb out of the folder it is unpacked in (zip slip). A blob
 * that is gone is left out and named in {@code missing.txt}.
 */
final class MediaZip implements AutoCloseable {
  private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
      "image/webp", "webp", "image/gif", "gif", "image/avif", "avif", "image/svg+xml", "svg", "video/mp4", "mp4",
      "video/webm", "webm", "video/quicktime", "mov");
  private static final Set<String> COMPRESSED = Set.of("image/jpeg", "image/png", "image/webp", "image/gif",
      "image/avif");

  private final ZipOutputStream zip;
  private final BlobStore blobs;
  private final Set<String> names = new HashSet<>();
  private final List<String> missing = new ArrayList<>();

  MediaZip(OutputStream out, BlobStore blobs) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    this.blobs = blobs;
  }

  /** {@code 0007-a-poster-for-tea.png}: the row, the title in ASCII (cut at 60), the type's extension. */
  static String entryName(int row, String title, String contentType) {
    String slug = RunExports.slug(title, 60);
    return String.format(Locale.ROOT, "%04d", row) + (slug.isEmpty() ? "" : "-" + slug) + "." + extension(contentType);
  }

  static String extension(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return EXTENSIONS.getOrDefault(type, "bin");
  }

  /** Whether media of this type is stored as it is rather than deflated again. */
  static boolean stored(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return COMPRESSED.contains(type) || type.startsWith("video/");
  }

  /** Adds the blob under {@code name} (made unique with a counter), or notes it missing. */
  void add(String name, String blobKey, String contentType) throws IOException {
    String unique = name;
    for (int n = 2; !names.add(unique); n++) {
      int dot = name.lastIndexOf('.');
      unique = name.substring(0, dot) + "-" + n + name.substring(dot);
    }
    ZipEntry entry = new ZipEntry(unique);
    if (stored(contentType)) {
      Optional<InputStream> first = blobs.open(blobKey);
      if (first.isEmpty()) {
        missing.add(unique);
        return;
      }
      CRC32 crc = new CRC32();
      long size;
      try (CheckedInputStream in = new CheckedInputStream(first.get(), crc)) {
        size = in.transferTo(OutputStream.nullOutputStream());
      }
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(size);
      entry.setCompressedSize(size);
      entry.setCrc(crc.getValue());
    } else {
      entry.setMethod(ZipEntry.DEFLATED);
    }
    Optional<InputStream> body = blobs.open(blobKey);
    if (body.isEmpty()) {
      missing.add(unique);
      return;
    }
    zip.putNextEntry(entry);
    try (InputStream in = body.get()) {
      in.transferTo(zip);
    }
    zip.closeEntry();
    zip.flush();
  }

  /** Adds a short text file of the archive's own, such as a note of what it left out. */
  void note(String name, String text) throws IOException {
    if (!names.add(name)) {
      throw new IllegalArgumentException("the archive already holds " + name);
    }
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Ends the archive (with {@code missing.txt} when a blob was gone); the response's stream stays its owner's. */
  @Override
  public void close() throws IOException {
    if (!missing.isEmpty()) {
      zip.putNextEntry(new ZipEntry("missing.txt"));
      zip.write(("These files were gone from storage when the archive was made:\n" + String.join("\n", missing) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }
}
