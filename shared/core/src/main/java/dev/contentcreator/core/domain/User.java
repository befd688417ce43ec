package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * A person known to the product, created the first time their token is seen. {@code emailVerified}
 * is what their latest token said about the address (false for records made before it was kept).
 * {@code emailNotifications} is which notifications they also want by e-mail: {@code all} (also
 * when null, as records made before it was kept), {@code mentions} or {@code none}.
 */
public record User(
    String uid,
    String email,
    String displayName,
    String photoUrl,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean emailVerified,
    String emailNotifications) {

  public static final String EMAIL_ALL = "all";
  public static final String EMAIL_MENTIONS = "mentions";
  public static final String EMAIL_NONE = "none";

  /** The e-mail preference, {@code all} when never set. */
  public String emailPreference() {
    return emailNotifications == null ? EMAIL_ALL : emailNotifications;
  }
}
