package dev.contentcreator.core.http;

/**
 * Paths that carry a secret in a segment: a share link's token in {@code /api/shares/<token>/...},
 * a calendar feed's in {@code /api/calendar/feed/<token>.ics}, or an API key pasted where it does
 * not belong.
 * The request log and the failure log write such a path with the secret replaced, and the answers
 * on it ask search engines not to index them.
 */
public final class SecretPaths {
  /** Anything shaped like an API key: its prefix and the characters a key is made of. */
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile(
      java.util.regex.Pattern.quote(ApiKeyCheck.PREFIX) + "[A-Za-z0-9_-]*");
  static final String SHARES = "/api/shares/";
  static final String FEEDS = "/api/calendar/feed/";
  static final String REDACTED = "<redacted>";

  private SecretPaths() {}

  /** Whether {@code path} is under a share link's token. */
  public static boolean isShareLink(String path) {
    return path != null && path.startsWith(SHARES) && path.length() > SHARES.length();
  }

  /** Whether {@code path} is a calendar feed's address, token and all. */
  public static boolean isCalendarFeed(String path) {
    return path != null && path.startsWith(FEEDS) && path.length() > FEEDS.length();
  }

  /**
   * {@code path} with a share link's token replaced by {@code <redacted>}, and anything shaped like
   * an API key too (someone may paste a key into a path); any other path as it is.
   */
  public static String redact(String path) {
    if (isCalendarFeed(path)) {
      return FEEDS + REDACTED;
    }
    if (!isShareLink(path)) {
      return redactKeys(path);
    }
    int end = path.indexOf('/', SHARES.length());
    return SHARES + REDACTED + (end < 0 ? "" : redactKeys(path.substring(end)));
  }

  /** {@code text} with every API-key-shaped run replaced by the key prefix and {@code <redacted>}. */
  public static String redactKeys(String text) {
    if (text == null || !text.contains(ApiKeyCheck.PREFIX)) {
      return text;
    }
    return KEY.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(ApiKeyCheck.PREFIX + REDACTED));
  }
}
