package dev.contentcreator.core.http;

/**
 * Paths that carry a secret in a segment: a share link's token in {@code /api/shares/<token>/...}.
 * The request log and the failure log write such a path with the secret replaced, and the answers
 * on it ask search engines not to index them.
 */
public final class SecretPaths {
  static final String SHARES = "/api/shares/";
  static final String REDACTED = "<redacted>";

  private SecretPaths() {}

  /** Whether {@code path} is under a share link's token. */
  public static boolean isShareLink(String path) {
    return path != null && path.startsWith(SHARES) && path.length() > SHARES.length();
  }

  /** {@code path} with a share link's token replaced by {@code <redacted>}; any other path as it is. */
  public static String redact(String path) {
    if (!isShareLink(path)) {
      return path;
    }
    int end = path.indexOf('/', SHARES.length());
    return SHARES + REDACTED + (end < 0 ? "" : path.substring(end));
  }
}
