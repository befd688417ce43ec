package dev.contentcreator.redis;

import java.net.URI;
import java.net.URISyntaxException;

/** Reading and checking Redis URIs without ever putting a password into a message. */
final class RedisUris {
  private RedisUris() {}

  /** Parses the value of {@code setting}; the error names the setting and the reason, not the value. */
  static URI parse(String setting, String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(setting + " is not a URI: " + e.getReason() + " at index " + e.getIndex());
    }
  }

  /** Returns {@code uri} if it is a {@code redis://} or {@code rediss://} URI with a host. */
  static URI check(URI uri) {
    String scheme = uri.getScheme();
    if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "Redis URI must look like redis://host:port/db or rediss://host:port/db, got: " + redacted(uri));
    }
    return uri;
  }

  private static String redacted(URI uri) {
    String s = uri.toString();
    return uri.getRawUserInfo() == null ? s : s.replace(uri.getRawUserInfo() + "@", "***@");
  }
}
