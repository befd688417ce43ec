package dev.contentcreator.core.shares;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A share link's optional password, kept as PBKDF2-HMAC-SHA256 with a random 16-byte salt per
 * share and {@link #ITERATIONS} iterations (OWASP's figure for this function), stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64url) so a later count still checks the old ones.
 * Checking compares in constant time.
 */
public final class SharePasswords {
  public static final int ITERATIONS = 210_000;
  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 200;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SharePasswords() {}

  /** The stored form of {@code password}. */
  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return encode(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  /** Whether {@code password} is the one {@code stored} was made from. */
  public static boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("not a stored share password");
    }
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getUrlDecoder().decode(parts[2]);
    byte[] expected = Base64.getUrlDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password == null ? "" : password, salt, iterations));
  }

  static String encode(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
