package dev.contentcreator.media.internal;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.contentcreator.media.MediaType;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;

/** Finds ImageIO readers and writers, preferring TwelveMonkeys' pure-Java readers. */
public final class ImageCodecs {
  private ImageCodecs() {}

  private static final class Registry {
    static {
      System.setProperty("java.awt.headless", "true");
      // No temporary files: on Cloud Functions the disk is memory anyway.
      ImageIO.setUseCache(false);
      // Register plugins visible to this class loader, whatever ImageIO saw on first use.
      ImageIO.scanForPlugins();
    }

    static void touch() {}
  }

  /** A new reader for the type; the caller disposes of it. */
  public static ImageReader reader(MediaType type) {
    Registry.touch();
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType());
    ImageReader chosen = null;
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      if (chosen == null || r.getClass().getName().startsWith("com.twelvemonkeys.")
          && !chosen.getClass().getName().startsWith("com.twelvemonkeys.")) {
        if (chosen != null) {
          chosen.dispose();
        }
        chosen = r;
      } else {
        r.dispose();
      }
    }
    if (chosen == null) {
      throw new IllegalStateException("no ImageIO reader for " + type.contentType() + " on the class path");
    }
    return chosen;
  }

  /** A new writer for the MIME type, if one is on the class path; the caller disposes of it. */
  public static Optional<ImageWriter> writer(String contentType) {
    Registry.touch();
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(contentType);
    return writers.hasNext() ? Optional.of(writers.next()) : Optional.empty();
  }

  /** Whether WebP can be written here (the bundled libwebp loads on this platform). */
  public static boolean canWriteWebp() {
    return WebpProbe.WRITABLE;
  }

  /** A stream over the bytes that does not copy them. */
  public static ImageInputStream stream(byte[] bytes) {
    return new ByteArrayImageInputStream(bytes);
  }

  private static final class WebpProbe {
    static final boolean WRITABLE = probe();

    private static boolean probe() {
      Optional<ImageWriter> w = writer("image/webp");
      if (w.isEmpty()) {
        return false;
      }
      try {
        var image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
          w.get().setOutput(ios);
          w.get().write(image);
        }
        return out.size() > 0;
      } catch (Exception | LinkageError e) {
        // The native library did not load on this platform: fall back to JPEG and PNG.
        return false;
      } finally {
        w.get().dispose();
      }
    }
  }
}
