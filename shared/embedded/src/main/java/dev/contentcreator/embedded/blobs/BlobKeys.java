package dev.contentcreator.embedded.blobs;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The rules for blob keys: slash-separated segments, none empty, {@code .} or {@code ..}, and no
 * backslash or NUL anywhere, at most 1024 bytes of UTF-8 (Cloud Storage's limit). A key that
 * passes cannot name a path outside the store's folder.
 */
final class BlobKeys {
  static final int MAX_BYTES = 1024;

  private BlobKeys() {}

  static String requireKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("blob key must not be empty");
    }
    requireCharacters("blob key", key);
    if (key.endsWith("/")) {
      throw new IllegalArgumentException("blob key must not end with '/': " + quote(key));
    }
    requireSegments("blob key", key, key.split("/", -1).length);
    return key;
  }

  /** A prefix follows the same rules, except that it may be empty and its last segment partial. */
  static String requirePrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty()) {
      return prefix;
    }
    requireCharacters("prefix", prefix);
    requireSegments("prefix", prefix, prefix.split("/", -1).length - 1);
    return prefix;
  }

  private static void requireCharacters(String what, String text) {
    if (text.startsWith("/")) {
      throw new IllegalArgumentException(what + " must not start with '/': " + quote(text));
    }
    if (text.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(what + " must not hold a backslash: " + quote(text));
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " must not hold a NUL character: " + quote(text));
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_BYTES + " bytes of UTF-8");
    }
  }

  /** Checks the first {@code count} segments, the complete ones. */
  private static void requireSegments(String what, String text, int count) {
    String[] segments = text.split("/", -1);
    for (int i = 0; i < count; i++) {
      String segment = segments[i];
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(what + " must not hold an empty, '.' or '..' segment: " + quote(text));
      }
    }
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("'");
    for (char c : text.toCharArray()) {
      if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('\'').toString();
  }
}
