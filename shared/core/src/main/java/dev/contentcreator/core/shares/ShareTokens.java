package dev.contentcreator.core.shares;

import dev.contentcreator.core.domain.Secrets;

/**
 * The secret of a share link: a {@link Secrets} secret (32 random bytes as 43 base64url
 * characters), shown once to the person who made the link; only its SHA-256 (hex) is stored, as
 * the share's document id, so a link is found by one read of its hash and a stolen copy of the
 * store opens nothing.
 */
public final class ShareTokens {
  /** Random bytes in a token. */
  public static final int BYTES = Secrets.BYTES;
  /** Characters in a token: base64url without padding of {@link #BYTES} bytes. */
  public static final int LENGTH = Secrets.LENGTH;

  private ShareTokens() {}

  public static String newToken() {
    return Secrets.newSecret();
  }

  /**
   * Whether {@code token} has the shape of one this class makes: 43 characters of the base64url
   * alphabet. Anything else is answered as a link that does not exist, without touching the store.
   */
  public static boolean isWellFormed(String token) {
    return Secrets.isWellFormed(token);
  }

  /** The stored form of a token: its SHA-256 as 64 lower-case hex digits. */
  public static String hash(String token) {
    return Secrets.hash(token);
  }

  /** Whether {@code s} is a stored share id: 64 lower-case hex digits. */
  public static boolean isShareId(String s) {
    return s != null && s.matches("[0-9a-f]{64}");
  }
}
