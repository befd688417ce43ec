package dev.contentcreator.core.invitations;

import com.google.gson.JsonObject;
import dev.contentcreator.core.json.Json;

/**
 * An invitation just made or resent, with the secret of its accept link. The secret is shown this
 * once, to the owner who asked; only its hash is kept.
 */
public record IssuedInvitation(InvitationView invitation, String token) {

  /** The web app's address of the accept screen: the secret rides in the fragment, which no server logs. */
  public String acceptPath() {
    return "/invitations/" + invitation.id() + "#token=" + token;
  }

  /** The answer to inviting or resending: the invitation and its accept link. */
  public JsonObject toJson() {
    JsonObject o = Json.toTree(invitation).getAsJsonObject();
    o.addProperty("acceptPath", acceptPath());
    return o;
  }
}
