package dev.contentcreator.core.shares;

import java.util.Locale;
import java.util.Optional;

/**
 * What the holder of a share link may do, a ladder: {@link #APPROVE} implies {@link #COMMENT},
 * which implies {@link #VIEW}.
 */
public enum SharePermission {
  VIEW, COMMENT, APPROVE;

  /** The name on the wire and in stored documents: {@code view}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a link with this permission may do what {@code needed} allows. */
  public boolean allows(SharePermission needed) {
    return ordinal() >= needed.ordinal();
  }

  public static Optional<SharePermission> parse(String s) {
    for (SharePermission p : values()) {
      if (p.wireName().equals(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
