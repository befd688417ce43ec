package dev.contentcreator.core.invitations;

import dev.contentcreator.core.domain.Invitation;
import dev.contentcreator.core.domain.Role;
import java.time.Instant;

/**
 * An invitation as the API shows it: never the hash of its link's secret, nor who (which account)
 * took it up, so that nothing in an answer tells whether an account uses the address.
 */
public record InvitationView(
    String id,
    String projectId,
    String projectName,
    String email,
    Role role,
    String status,
    String invitedBy,
    String invitedByName,
    Instant createdAt,
    Instant expiresAt) {

  static InvitationView of(Invitation i, Instant now) {
    return new InvitationView(i.id(), i.projectId(), i.projectName(), i.email(), i.role(), i.statusAt(now),
        i.invitedBy(), i.invitedByName(), i.createdAt(), i.expiresAt());
  }
}
