package dev.contentcreator.local;

import com.google.gson.JsonObject;
import java.util.UUID;

/** ID tokens that must be refused. */
final class Tokens {
  private Tokens() {}

  /**
   * A real token of a real account, issued by the Auth emulator for {@code other-project}: the
   * account is made in that project and signed in with {@code targetProjectId}, both as the
   * emulator's owner, since a web API key always stands for the default project.
   */
  static String forAnotherProject() throws Exception {
    Emulator.ensureRunning();
    String email = "mallory-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    JsonObject account = new JsonObject();
    account.addProperty("email", email);
    account.addProperty("password", "correct horse battery");
    Emulator.post("/identitytoolkit.googleapis.com/v1/projects/other-project/accounts", account, "owner");
    JsonObject signIn = account.deepCopy();
    signIn.addProperty("targetProjectId", "other-project");
    signIn.addProperty("returnSecureToken", true);
    return Emulator.post("/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword", signIn, "owner")
        .get("idToken").getAsString();
  }
}
