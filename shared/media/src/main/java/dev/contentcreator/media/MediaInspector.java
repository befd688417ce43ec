package dev.contentcreator.media;

import dev.contentcreator.media.MediaRejectedException.Reason;
import dev.contentcreator.media.internal.ImageCodecs;
import dev.contentcreator.media.internal.VideoHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads what a file is from its bytes (never its name or Content-Type) and refuses it, before any
 * pixel is decoded, when it is too large, declares too many pixels, or is not an accepted format.
 * Thread-safe.
 */
public final class MediaInspector {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
  /** ISO base media brands that are video files (not HEIF/AVIF still images). */
  private static final java.util.Set<String> MP4_BRANDS = java.util.Set.of(
      "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "mmp4", "MSNV");
  private static final java.util.Set<String> STILL_IMAGE_BRANDS = java.util.Set.of(
      "mif1", "msf1", "heic", "heix", "heim", "heis", "hevc", "hevx", "avif", "avis");

  private final MediaLimits limits;

  public MediaInspector(MediaLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public MediaLimits limits() { return limits; }

  /**
   * Checks the bytes and reads their headers.
   *
   * @throws MediaRejectedException 413 when too large in bytes or pixels, 415 when not an accepted
   *     format, 422 when the headers cannot be read
   */
  public Inspection inspect(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > limits.maxBytes()) {
      throw tooLarge(bytes.length, limits.maxBytes());
    }
    MediaType type = detect(bytes).orElseThrow(() -> new MediaRejectedException(Reason.UNSUPPORTED_TYPE,
        "This file is not an image or video we accept: " + describeUnknown(bytes)
            + ". Accepted: PNG, JPEG, WebP, GIF, MP4 and WebM."));
    long kindLimit = type.isImage() ? limits.maxImageBytes() : limits.maxVideoBytes();
    if (bytes.length > kindLimit) {
      throw tooLarge(bytes.length, kindLimit);
    }
    if (type.isImage()) {
      return inspectImage(type, bytes);
    }
    VideoHeaders.Header h = VideoHeaders.read(type, bytes);
    if (h.width() > 0) {
      checkPixels(h.width(), h.height());
    }
    return new Inspection(type, bytes.length, h.width(), h.height(), 1, h.duration());
  }

  /** The accepted format these bytes start with, if any. */
  public static Optional<MediaType> detect(byte[] b) {
    if (startsWith(b, 0, PNG_MAGIC)) {
      return Optional.of(MediaType.PNG);
    }
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Optional.of(MediaType.JPEG);
    }
    if (ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
      return Optional.of(MediaType.WEBP);
    }
    String gif = ascii(b, 0, 6);
    if (gif.equals("GIF87a") || gif.equals("GIF89a")) {
      return Optional.of(MediaType.GIF);
    }
    if (ascii(b, 4, 4).equals("ftyp") && isMp4Brand(b)) {
      return Optional.of(MediaType.MP4);
    }
    if (startsWith(b, 0, EBML_MAGIC) && declaresWebm(b)) {
      return Optional.of(MediaType.WEBM);
    }
    return Optional.empty();
  }

  private Inspection inspectImage(MediaType type, byte[] bytes) {
    ImageReader reader = ImageCodecs.reader(type);
    try (ImageInputStream in = ImageCodecs.stream(bytes)) {
      reader.setInput(in, false, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkPixels(width, height);
      int frames = type == MediaType.GIF || type == MediaType.WEBP ? reader.getNumImages(true) : 1;
      if (frames < 1) {
        throw new IOException("no image in the file");
      }
      return new Inspection(type, bytes.length, width, height, frames, Optional.empty());
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaRejectedException rejected) {
        throw rejected;
      }
      throw new MediaRejectedException(Reason.UNREADABLE, "This " + type.name() + " file is truncated or corrupt:"
          + " its header cannot be read (" + e.getMessage() + ").", e);
    } finally {
      reader.dispose();
    }
  }

  private void checkPixels(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new MediaRejectedException(Reason.UNREADABLE,
          "The file declares an impossible size of " + width + " x " + height + " pixels.");
    }
    long pixels = (long) width * height;
    if (width > limits.maxSide() || height > limits.maxSide() || pixels > limits.maxPixels()) {
      throw new MediaRejectedException(Reason.TOO_MANY_PIXELS, String.format(
          "The file declares %d x %d pixels (%.1f megapixels); the limit is %.1f megapixels and %d pixels a side.",
          width, height, pixels / 1e6, limits.maxPixels() / 1e6, limits.maxSide()));
    }
  }

  private static MediaRejectedException tooLarge(long size, long limit) {
    return new MediaRejectedException(Reason.TOO_LARGE,
        "The file has " + size + " bytes; the limit for it is " + limit + " bytes.");
  }

  private static boolean isMp4Brand(byte[] b) {
    String major = ascii(b, 8, 4);
    if (major.isEmpty() || STILL_IMAGE_BRANDS.contains(major)) {
      return false;
    }
    if (MP4_BRANDS.contains(major)) {
      return true;
    }
    long boxSize = b.length >= 4 ? ((b[0] & 0xFFL) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF)) : 0;
    for (int at = 16; at + 4 <= Math.min(boxSize, b.length); at += 4) {
      if (MP4_BRANDS.contains(ascii(b, at, 4))) {
        return true;
      }
    }
    return false;
  }

  /** The EBML header's DocType element (id 0x4282) says "webm". */
  private static boolean declaresWebm(byte[] b) {
    int end = Math.min(b.length, 128);
    for (int i = 4; i + 3 <= end; i++) {
      if (b[i] == 0x42 && (b[i + 1] & 0xFF) == 0x82) {
        int first = b[i + 2] & 0xFF;
        int sizeBytes = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || i + 2 + sizeBytes > end) {
          return false;
        }
        long size = first & (0xFF >> sizeBytes);
        for (int k = 1; k < sizeBytes; k++) {
          size = size << 8 | (b[i + 2 + k] & 0xFF);
        }
        return size == 4 && ascii(b, i + 2 + sizeBytes, 4).equals("webm");
      }
    }
    return false;
  }

  private static String describeUnknown(byte[] b) {
    if (b.length == 0) {
      return "it is empty";
    }
    if (b.length >= 2 && b[0] == 'M' && b[1] == 'Z') {
      return "it is a Windows program (it starts with MZ)";
    }
    if (startsWith(b, 0, new byte[] {0x7F, 'E', 'L', 'F'})) {
      return "it is a Linux program (it starts with ELF)";
    }
    if (ascii(b, 0, 5).equals("%PDF-")) {
      return "it is a PDF document";
    }
    if (startsWith(b, 0, new byte[] {'P', 'K', 3, 4})) {
      return "it is a ZIP archive";
    }
    if (ascii(b, 4, 4).equals("ftyp")) {
      return "it is an ISO media file of brand '" + ascii(b, 8, 4).trim() + "' (HEIC and AVIF are not accepted)";
    }
    if (startsWith(b, 0, EBML_MAGIC)) {
      return "it is a Matroska file that is not WebM";
    }
    return "its first bytes match no accepted format";
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    return b.length >= at + prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
  }

  private static String ascii(byte[] b, int at, int len) {
    return b.length >= at + len ? new String(b, at, len, StandardCharsets.ISO_8859_1) : "";
  }
}
