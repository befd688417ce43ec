package dev.contentcreator.core.ports;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The blob port's key rules, which every adapter checks before it touches its store: slash-separated
 * segments, none empty, {@code .} or {@code ..}; no backslash, NUL or leading slash; at most 1024
 * bytes of UTF-8 (Cloud Storage's object-name limit). One set of rules for all, so a key that works
 * on one machine works in production, and none can name a path outside the folder of the embedded
 * store.
 */
public final class BlobKeys {
  public static final int MAX_BYTES = 1024;

  private BlobKeys() {}

  public static String requireKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("blob key must not be empty");
    }
    requireCharacters("blob key", key);
    if (key.endsWith("/")) {
      throw new IllegalArgumentException("blob key must not end with '/': " + printable(key));
    }
    requireSegments("blob key", key, key.split("/", -1).length);
    return key;
  }

  /** Whether {@code name} is a valid key (an object named otherwise is not a blob of the port). */
  public static boolean isKey(String name) {
    try {
      requireKey(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A prefix obeys the key rules, but may be empty and may end inside (or right after) a segment. */
  public static String requirePrefix(String prefix) {
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
      throw new IllegalArgumentException(what + " must not start with '/': " + printable(text));
    }
    if (text.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(what + " must not hold a backslash: " + printable(text));
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " must not hold a NUL character: " + printable(text));
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_BYTES + " bytes of UTF-8");
    }
  }

  private static void requireSegments(String what, String text, int complete) {
    String[] segments = text.split("/", -1);
    for (int i = 0; i < complete; i++) {
      if (segments[i].isEmpty() || segments[i].equals(".") || segments[i].equals("..")) {
        throw new IllegalArgumentException(what + " must not hold an empty, '.' or '..' segment: "
            + printable(text));
      }
    }
  }

  /** The text quoted, with control characters spelled out so a log line stays one line. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder("'");
    text.chars().forEach(c -> out.append(c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.append('\'').toString();
  }
}
