package dev.contentcreator.core.domain;

import java.util.Locale;

/** E-mail addresses as the product compares and keeps them. */
public final class Emails {
  private Emails() {}

  /** The address trimmed and in lower case; null stays null. */
  public static String normalise(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }
}
