package dev.contentcreator.core.domain;

import java.util.Locale;
import java.util.Optional;

/** A member's role in a project; each role may do all that the roles below it may. */
public enum Role {
  VIEWER, EDITOR, OWNER;

  /** Whether this role may do what {@code needed} may. */
  public boolean atLeast(Role needed) {
    return compareTo(needed) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.wireName().equals(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
