package dev.contentcreator.openai;

import java.nio.ByteBuffer;

/** What an image's first bytes say: its type, and a PNG's width and height. */
final class ImageBytes {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ImageBytes() {}

  static String contentType(byte[] bytes) {
    if (startsWith(bytes, PNG)) {
      return "image/png";
    }
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
      return "image/jpeg";
    }
    if (bytes.length > 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
        && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
      return "image/webp";
    }
    return "image/png";
  }

  /** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
  static int[] pngSize(byte[] bytes) {
    if (bytes.length < 24 || !startsWith(bytes, PNG)) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int width = b.getInt(16);
    int height = b.getInt(20);
    return width > 0 && height > 0 ? new int[] {width, height} : null;
  }

  /** Width and height from a size option such as {@code 1024x1536}, or null. */
  static int[] sizeOption(String size) {
    if (size == null) {
      return null;
    }
    String[] parts = size.trim().split("x");
    if (parts.length != 2) {
      return null;
    }
    try {
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
