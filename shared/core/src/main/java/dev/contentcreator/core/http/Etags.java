package dev.contentcreator.core.http;

/** Entity tags of versioned resources ({@code "3"}) and the If-Match check on writes. */
public final class Etags {
  private Etags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * Answers 412 unless {@code ifMatch} is absent, {@code *}, or lists the current version.
   * A malformed header is a 400.
   */
  public static void check(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    for (String part : ifMatch.split(",")) {
      String tag = part.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
        throw ApiException.badRequest("If-Match", "must be an entity tag such as \"3\", as the ETag header gave it");
      }
      if (tag.equals(of(currentVersion))) {
        return;
      }
    }
    throw ApiException.preconditionFailed("The resource is now at version " + currentVersion
        + "; read it again and reapply your change.");
  }
}
