package dev.contentcreator.core.shares;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a share link: 32 random bytes as 43 base64url characters, shown once to the
 * person who made the link; only its SHA-256 (hex) is stored, as the share's document id, so a
 * link is found by one read of its hash and a stolen copy of the store opens nothing.
 */
public final class ShareTokens {
  /** Random bytes in a token. */
  public static final int BYTES = 32;
  /** Characters in a token: base64url without padding of {@link #BYTES} bytes. */
  public static final int LENGTH = 43;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ShareTokens() {}

  public static String newToken() {
    byte[] b = new byte[BYTES];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Whether {@code token} has the shape of one this class makes: 43 characters of the base64url
   * alphabet. Anything else is answered as a link that does not exist, without touching the store.
   */
  public static boolean isWellFormed(String token) {
    if (token == null || token.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = token.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** The stored form of a token: its SHA-256 as 64 lower-case hex digits. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether {@code s} is a stored share id: 64 lower-case hex digits. */
  public static boolean isShareId(String s) {
    return s != null && s.matches("[0-9a-f]{64}");
  }
}
