package dev.contentcreator.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * High-entropy secrets handed to people once (share links, API keys): 32 random bytes from
 * {@link SecureRandom} as 43 base64url characters. Only their SHA-256 is stored (a fast hash is
 * enough for 256 random bits: nothing is left to guess), and a presented secret is compared with a
 * stored hash in constant time.
 */
public final class Secrets {
  /** Random bytes in a secret. */
  public static final int BYTES = 32;
  /** Characters in a secret: base64url without padding of {@link #BYTES} bytes. */
  public static final int LENGTH = 43;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new secret of {@link #LENGTH} base64url characters. */
  public static String newSecret() {
    byte[] b = new byte[BYTES];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Whether {@code s} has the shape of a secret this class makes: {@link #LENGTH} base64url characters. */
  public static boolean isWellFormed(String s) {
    if (s == null || s.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (!isBase64Url(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isBase64Url(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
  }

  /** The stored form of a secret: its SHA-256 as 64 lower-case hex digits. */
  public static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code secret} hashes to {@code storedHash}, compared in constant time. */
  public static boolean matches(String secret, String storedHash) {
    if (secret == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** SHA-256 of {@code b}. */
  public static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
