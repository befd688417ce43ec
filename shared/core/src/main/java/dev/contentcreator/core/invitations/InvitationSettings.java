package dev.contentcreator.core.invitations;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;
import java.util.Objects;

/** How long an invitation stays open ({@code INVITATION_TTL}, default 7 days). */
public final class InvitationSettings {
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);

  private final Duration ttl;

  private InvitationSettings(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("an invitation's lifetime must be positive, got: " + ttl);
    }
    if (ttl.compareTo(Duration.ofDays(90)) > 0) {
      throw new IllegalArgumentException("an invitation's lifetime must be at most 90 days, got: " + ttl);
    }
    this.ttl = ttl;
  }

  public static InvitationSettings of(Duration ttl) {
    return new InvitationSettings(ttl);
  }

  public static InvitationSettings from(Config config) {
    return of(config.get(Settings.INVITATION_TTL));
  }

  public Duration ttl() {
    return ttl;
  }
}
