package dev.contentcreator.core.users;

import dev.contentcreator.core.domain.User;
import java.time.Instant;

/** A person's record as the API shows it ({@code User} in docs/openapi.yaml). */
public record UserView(String uid, String email, String displayName, String photoUrl, Instant createdAt,
    Instant updatedAt, long version, boolean emailVerified, String emailNotifications) {

  static UserView of(User u) {
    return new UserView(u.uid(), u.email(), u.displayName(), u.photoUrl(), u.createdAt(), u.updatedAt(), u.version(),
        u.emailVerified(), u.emailPreference());
  }
}
