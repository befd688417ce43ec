package dev.contentcreator.gcp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.testkit.IdentityVerifierContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Firebase adapter against the Firebase Auth emulator (scripts/auth-emulator.sh or the
 * test command start it). Accounts are made through the emulator's REST API, as the JS SDK does.
 */
class FirebaseIdentityEmulatorTest extends IdentityVerifierContract {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String HOST = System.getenv().getOrDefault("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099");
  private static IdentityVerifier verifier;

  @BeforeAll
  static void connect() {
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create("http://" + HOST + "/")).build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      fail("the Firebase Auth emulator must run at " + HOST + " for these tests: start it with scripts/auth-emulator.sh "
          + "(the test command does)");
    }
    verifier = new FirebaseIdentityFactory().create(Config.of(Map.of(
        "FIREBASE_AUTH_EMULATOR_HOST", HOST, "FIREBASE_PROJECT_ID", "demo-contentcreator")));
  }

  @Test
  void aWarmUpLooksUpNoOneAndVerifyingWorksAsBefore() throws Exception {
    verifier.warmUp();
    Account account = newAccount("warm-up-" + System.nanoTime() + "@example.com");

    assertEquals(account.uid(), verifier.verify(account.idToken()).uid());
    assertEquals(true, verifier.isDisabled(FirebaseIdentity.WARM_UP_UID), "the warm-up's account must not exist");
  }

  @Override
  protected IdentityVerifier verifier() {
    return verifier;
  }

  @Override
  protected Account newAccount(String email) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("email", email);
    body.addProperty("password", "correct horse battery");
    body.addProperty("returnSecureToken", true);
    JsonObject o = post("/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key", body, null);
    return new Account(o.get("localId").getAsString(), email, o.get("idToken").getAsString());
  }

  /**
   * Verifies the address as its owner would: the emulator keeps the VERIFY_EMAIL code it "sends"
   * (listed at /emulator/v1/projects/{p}/oobCodes), the code is applied, and the person signs in again.
   */
  @Override
  protected String verifiedToken(Account account) throws Exception {
    JsonObject send = new JsonObject();
    send.addProperty("requestType", "VERIFY_EMAIL");
    send.addProperty("idToken", account.idToken());
    post("/identitytoolkit.googleapis.com/v1/accounts:sendOobCode?key=demo-api-key", send, null);
    HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + HOST
        + "/emulator/v1/projects/demo-contentcreator/oobCodes")).build(), HttpResponse.BodyHandlers.ofString());
    String code = null;
    for (var e : JsonParser.parseString(listed.body()).getAsJsonObject().getAsJsonArray("oobCodes")) {
      JsonObject c = e.getAsJsonObject();
      if (account.email().equals(c.get("email").getAsString()) && "VERIFY_EMAIL".equals(c.get("requestType").getAsString())) {
        code = c.get("oobCode").getAsString();
      }
    }
    assertNotNull(code, "the emulator kept no verification code for " + account.email());
    JsonObject apply = new JsonObject();
    apply.addProperty("oobCode", code);
    post("/identitytoolkit.googleapis.com/v1/accounts:update?key=demo-api-key", apply, null);
    JsonObject signIn = new JsonObject();
    signIn.addProperty("email", account.email());
    signIn.addProperty("password", "correct horse battery");
    signIn.addProperty("returnSecureToken", true);
    return post("/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key", signIn, null)
        .get("idToken").getAsString();
  }

  /**
   * A real token from the emulator for {@code other-project}: the account is made in that project
   * and signed in with {@code targetProjectId}, both as the emulator's owner.
   */
  @Override
  protected String tokenForAnotherProject() throws Exception {
    JsonObject account = new JsonObject();
    account.addProperty("email", "other-" + System.nanoTime() + "@example.com");
    account.addProperty("password", "correct horse battery");
    post("/identitytoolkit.googleapis.com/v1/projects/other-project/accounts", account, "owner");
    account.addProperty("targetProjectId", "other-project");
    account.addProperty("returnSecureToken", true);
    String token = post("/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword", account, "owner")
        .get("idToken").getAsString();
    String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertEquals("other-project", JsonParser.parseString(claims).getAsJsonObject().get("aud").getAsString());
    return token;
  }

  private static JsonObject post(String path, JsonObject body, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + HOST + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }
}
