package dev.contentcreator.core.invitations;

import dev.contentcreator.core.json.Inline;
import dev.contentcreator.core.json.OmitNulls;

/**
 * The answer to inviting or resending: the invitation, and {@code acceptPath}, the web app's
 * address of the accept screen with the link's secret in the fragment, which no server logs. The
 * secret is shown this once, to the owner who asked; only its hash is kept. Absent fields are
 * left out, as this answer always has.
 */
@OmitNulls
public record IssuedInvitation(@Inline InvitationView invitation, String acceptPath) {

  private static final String TOKEN = "#token=";

  static IssuedInvitation of(InvitationView invitation, String token) {
    return new IssuedInvitation(invitation, "/invitations/" + invitation.id() + TOKEN + token);
  }

  /** The link's secret. */
  public String token() {
    return acceptPath.substring(acceptPath.indexOf(TOKEN) + TOKEN.length());
  }
}
