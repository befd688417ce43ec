package dev.contentcreator.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The Firebase Auth emulator for the black-box tests: the one at FIREBASE_AUTH_EMULATOR_HOST
 * (.ci/run starts it), or one this JVM starts from the project's firebase-tools. People sign up
 * through its REST API exactly as the Firebase JS SDK does.
 */
final class Emulator {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The project the emulator's accounts belong to, as ServerProcess starts the server for it. */
  static final String PROJECT = "demo-contentcreator";
  private static AuthEmulator started;

  private Emulator() {}

  static String hostPort() {
    String env = System.getenv("FIREBASE_AUTH_EMULATOR_HOST");
    return env == null || env.isBlank() ? "127.0.0.1:9099" : env.trim();
  }

  static synchronized void ensureRunning() throws IOException, InterruptedException {
    if (started != null || AuthEmulator.answers(hostPort())) {
      return;
    }
    Path target = Path.of("target").toAbsolutePath();
    started = AuthEmulator.useOrStart(hostPort(), PROJECT, ServerProcess.REPO,
        target.resolve("auth-emulator-state"), target.resolve("auth-emulator.log"), Duration.ofSeconds(120));
    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
  }

  /** A signed-up person: their uid, e-mail and a fresh ID token. */
  record Person(String uid, String email, String idToken) {}

  static Person signUp(String name) throws IOException, InterruptedException {
    return signUpAs(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", name);
  }

  /** Signs up with exactly this address, which stays unverified until {@link #verify} is called. */
  static Person signUpAs(String email, String name) throws IOException, InterruptedException {
    ensureRunning();
    JsonObject body = new JsonObject();
    body.addProperty("email", email);
    body.addProperty("password", "correct horse battery");
    body.addProperty("displayName", name);
    body.addProperty("returnSecureToken", true);
    JsonObject r = post("/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key", body, null);
    return new Person(r.get("localId").getAsString(), email, r.get("idToken").getAsString());
  }

  /**
   * Verifies the person's address the way a person does: the emulator "sends" the VERIFY_EMAIL
   * message (it keeps the code, readable at /emulator/v1/projects/{p}/oobCodes), and the code is
   * applied. Answers the person with a fresh token, whose {@code email_verified} claim is true.
   */
  static Person verify(Person who) throws IOException, InterruptedException {
    JsonObject send = new JsonObject();
    send.addProperty("requestType", "VERIFY_EMAIL");
    send.addProperty("idToken", who.idToken());
    post("/identitytoolkit.googleapis.com/v1/accounts:sendOobCode?key=demo-api-key", send, null);
    HttpResponse<String> codes = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + hostPort()
        + "/emulator/v1/projects/" + PROJECT + "/oobCodes")).GET().build(), HttpResponse.BodyHandlers.ofString());
    String code = null;
    for (var e : JsonParser.parseString(codes.body()).getAsJsonObject().getAsJsonArray("oobCodes")) {
      JsonObject c = e.getAsJsonObject();
      if (who.email().equalsIgnoreCase(c.get("email").getAsString())
          && "VERIFY_EMAIL".equals(c.get("requestType").getAsString())) {
        code = c.get("oobCode").getAsString();
      }
    }
    if (code == null) {
      throw new IllegalStateException("the Auth emulator kept no VERIFY_EMAIL code for " + who.email());
    }
    JsonObject apply = new JsonObject();
    apply.addProperty("oobCode", code);
    post("/identitytoolkit.googleapis.com/v1/accounts:update?key=demo-api-key", apply, null);
    return signIn(who);
  }

  /** The person with a freshly issued token (which carries the account's current claims). */
  static Person signIn(Person who) throws IOException, InterruptedException {
    JsonObject body = new JsonObject();
    body.addProperty("email", who.email());
    body.addProperty("password", "correct horse battery");
    body.addProperty("returnSecureToken", true);
    JsonObject r = post("/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key", body, null);
    return new Person(who.uid(), who.email(), r.get("idToken").getAsString());
  }

  static JsonObject post(String path, JsonObject body, String bearer) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + hostPort() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Auth emulator answered " + r.statusCode() + " to " + path + ": " + r.body());
    }
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }
}
