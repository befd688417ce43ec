package dev.contentcreator.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.jcodec.api.awt.AWTSequenceEncoder;

/** Real media files made by the tests: ImageIO for images, jcodec for MP4, EBML by hand for WebM. */
final class Fixtures {
  static final Color RED = new Color(255, 0, 0);
  static final Color GREEN = new Color(0, 200, 0);
  static final Color BLUE = new Color(0, 0, 255);
  static final Color YELLOW = new Color(255, 255, 0);

  private Fixtures() {}

  /** Four solid quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
  static BufferedImage quadrants(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(RED);
    g.fillRect(0, 0, w / 2, h / 2);
    g.setColor(GREEN);
    g.fillRect(w / 2, 0, w - w / 2, h / 2);
    g.setColor(BLUE);
    g.fillRect(0, h / 2, w / 2, h - h / 2);
    g.setColor(YELLOW);
    g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
    g.dispose();
    return image;
  }

  static BufferedImage solid(int w, int h, Color color) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return image;
  }

  /** A red disc on a fully transparent background. */
  static BufferedImage transparentDisc(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(RED);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    return image;
  }

  static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] png(BufferedImage image) { return write(image, "png"); }
  static byte[] gif(BufferedImage image) { return write(image, "gif"); }

  static byte[] jpeg(BufferedImage image) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.write(null, new IIOImage(image, null, null), param);
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lossless WebP, written with the bundled libwebp. */
  static byte[] webp(BufferedImage image) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("Lossless");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.write(null, new IIOImage(image, null, null), param);
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An animated GIF with one frame per image, looping. */
  static byte[] animatedGif(List<BufferedImage> frames) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.prepareWriteSequence(null);
        for (BufferedImage frame : frames) {
          ImageTypeSpecifier spec = ImageTypeSpecifier.createFromRenderedImage(frame);
          IIOMetadata meta = writer.getDefaultImageMetadata(spec, null);
          String format = meta.getNativeMetadataFormatName();
          IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
          IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
          control.setAttribute("disposalMethod", "none");
          control.setAttribute("userInputFlag", "FALSE");
          control.setAttribute("transparentColorFlag", "FALSE");
          control.setAttribute("delayTime", "10");
          control.setAttribute("transparentColorIndex", "0");
          root.appendChild(control);
          meta.setFromTree(format, root);
          writer.writeToSequence(new IIOImage(frame, null, meta), null);
        }
        writer.endWriteSequence();
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JPEG with an APP1 EXIF segment: the orientation tag, a camera make and a GPS position. */
  static byte[] withExif(byte[] jpeg, int orientation) {
    try {
      TiffOutputSet exif = new TiffOutputSet();
      exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
      exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "TestCam");
      exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_USER_COMMENT, "private note");
      exif.setGpsInDegrees(2.2945, 48.8584);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The stored pixels that display as {@code upright} once EXIF {@code orientation} is applied: each
   * display pixel (x, y) is put where that orientation takes it from.
   */
  static BufferedImage storedFor(BufferedImage upright, int orientation) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    boolean swap = orientation >= 5;
    int sw = swap ? h : w;
    int sh = swap ? w : h;
    BufferedImage stored = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 1 -> { sx = x; sy = y; }
          case 2 -> { sx = sw - 1 - x; sy = y; }
          case 3 -> { sx = sw - 1 - x; sy = sh - 1 - y; }
          case 4 -> { sx = x; sy = sh - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = sh - 1 - x; }
          case 7 -> { sx = sw - 1 - y; sy = sh - 1 - x; }
          case 8 -> { sx = sw - 1 - y; sy = x; }
          default -> throw new IllegalArgumentException("orientation " + orientation);
        }
        stored.setRGB(sx, sy, upright.getRGB(x, y));
      }
    }
    return stored;
  }

  /** A valid-looking PNG whose header declares {@code width x height} but holds almost no data. */
  static byte[] pngDeclaring(int width, int height) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DataOutputStream data = new DataOutputStream(out);
      data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream header = new DataOutputStream(ihdr);
      header.writeInt(width);
      header.writeInt(height);
      header.write(new byte[] {8, 2, 0, 0, 0});
      chunk(data, "IHDR", ihdr.toByteArray());
      chunk(data, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
      chunk(data, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(body.length);
    out.write(name);
    out.write(body);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(body);
    out.writeInt((int) crc.getValue());
  }

  /** An H.264 MP4 made by jcodec: {@code frames} frames at {@code fps}, left half blue, right half white. */
  static byte[] mp4(int width, int height, int frames, int fps, Path dir) {
    try {
      Path file = dir.resolve("clip.mp4");
      AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), fps);
      BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = frame.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(BLUE);
      g.fillRect(0, 0, width / 2, height);
      g.dispose();
      for (int i = 0; i < frames; i++) {
        encoder.encodeImage(frame);
      }
      encoder.finish();
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A minimal WebM: EBML header (DocType webm), a Segment with Info (TimecodeScale 1 ms, Duration in
   * ms as a float) and one video TrackEntry with its pixel size. No frames: enough for the container.
   */
  static byte[] webm(int width, int height, double durationMs) {
    byte[] ebmlHeader = element(0x1A45DFA3, concat(
        element(0x4286, uint(1)), element(0x42F7, uint(1)), element(0x42F2, uint(4)), element(0x42F3, uint(8)),
        element(0x4282, "webm".getBytes(StandardCharsets.US_ASCII)), element(0x4287, uint(2)),
        element(0x4285, uint(2))));
    byte[] info = element(0x1549A966, concat(
        element(0x2AD7B1, uint(1_000_000)),
        element(0x4489, java.nio.ByteBuffer.allocate(8).putDouble(durationMs).array()),
        element(0x4D80, "fixtures".getBytes(StandardCharsets.US_ASCII))));
    byte[] video = element(0xE0, concat(element(0xB0, uint(width)), element(0xBA, uint(height))));
    byte[] track = element(0xAE, concat(element(0xD7, uint(1)), element(0x83, uint(1)),
        element(0x86, "V_VP8".getBytes(StandardCharsets.US_ASCII)), video));
    byte[] tracks = element(0x1654AE6B, track);
    byte[] segment = element(0x18538067, concat(info, tracks));
    return concat(ebmlHeader, segment);
  }

  private static byte[] element(int id, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int idBytes = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
    for (int i = idBytes - 1; i >= 0; i--) {
      out.write(id >>> (8 * i));
    }
    // Sizes as 8-byte EBML variable-length integers: marker 0x01 then seven bytes.
    out.write(0x01);
    for (int i = 6; i >= 0; i--) {
      out.write((int) ((long) payload.length >>> (8 * i)));
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] uint(long value) {
    int n = 1;
    while (n < 8 && value >>> (8 * n) != 0) {
      n++;
    }
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[n - 1 - i] = (byte) (value >>> (8 * i));
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] truncate(byte[] bytes, int length) {
    return java.util.Arrays.copyOf(bytes, length);
  }

}
