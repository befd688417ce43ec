package dev.contentcreator.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Emulator.Person;

/** Brings people into projects the only way there is: an invitation, accepted from a verified address. */
final class Invitations {
  private Invitations() {}

  /**
   * The owner invites {@code who} by e-mail with {@code role}; {@code who} verifies their address
   * (if the token does not say so yet), finds the invitation among their own and accepts it.
   * Answers {@code who} with a token that carries the verified address.
   */
  static Person join(Api api, Person owner, String projectId, Person who, String role) throws Exception {
    String id = api.post("/api/projects/" + projectId + "/members", owner.idToken(),
        "{\"email\":\"" + who.email() + "\",\"role\":\"" + role + "\"}").expect(202).object().get("id").getAsString();
    Person verified = api.get("/api/invitations", who.idToken()).status() == 200 ? who : Emulator.verify(who);
    boolean listed = false;
    for (JsonElement e : api.get("/api/invitations", verified.idToken()).expect(200).object().getAsJsonArray("items")) {
      listed |= id.equals(e.getAsJsonObject().get("id").getAsString());
    }
    if (!listed) {
      throw new AssertionError("invitation " + id + " is not among those of " + who.email());
    }
    JsonObject member = api.post("/api/invitations/" + id + "/accept", verified.idToken(), "{}").expect(200).object();
    if (!projectId.equals(member.get("projectId").getAsString())) {
      throw new AssertionError("accepting joined another project: " + member);
    }
    return verified;
  }
}
