package dev.contentcreator.gcp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://" + HOST + "/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
    return new Account(o.get("localId").getAsString(), email, o.get("idToken").getAsString());
  }

  /**
   * The emulator's tokens are unsigned; one it issues for another project differs only in its
   * audience and issuer, so this re-issues a real token for {@code other-project}.
   */
  @Override
  protected String tokenForAnotherProject() throws Exception {
    String[] parts = newAccount("other-" + System.nanoTime() + "@example.com").idToken().split("\\.", -1);
    JsonObject claims = JsonParser.parseString(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getAsJsonObject();
    claims.addProperty("aud", "other-project");
    claims.addProperty("iss", "https://securetoken.google.com/other-project");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }
}
