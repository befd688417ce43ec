package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box tests of the request edge, one per defect of issue 11 that lives there: the local
 * server trusting unsigned tokens on the network (1), revoked and disabled accounts keeping
 * access (7), the per-address limit and the Redis it keeps its counts in (8), and refused requests
 * leaving no log line (9). Each starts the server as a person would and sends what an attacker or
 * a careless operator would.
 */
class EdgeHardeningBlackBoxTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path data;

  // ---- defect 1: local mode trusts unsigned tokens on the network ----

  @Test
  void withTheAuthEmulatorTheServerRefusesToListenOnTheNetwork() throws Exception {
    String refusal = startExpectingRefusal(Map.of("HOST", "0.0.0.0"));
    assertTrue(refusal.contains("refusing to listen on HOST=0.0.0.0"), refusal);
    assertTrue(refusal.contains("AUTH_EMULATOR=off"), () -> "says what to set instead: " + refusal);
  }

  @Test
  void theAuthEmulatorIsRefusedForAProjectThatIsNotADemoProject() throws Exception {
    String refusal = startExpectingRefusal(Map.of("FIREBASE_PROJECT_ID", "acme-production"));
    assertTrue(refusal.contains("is not a demo- project"), refusal);
    assertTrue(refusal.contains("Unset FIREBASE_AUTH_EMULATOR_HOST"), refusal);
  }

  @Test
  void withAuthEmulatorOffAnEmulatorLeftInTheEnvironmentIsRefused() throws Exception {
    // ServerProcess passes FIREBASE_AUTH_EMULATOR_HOST, as a shell that once ran the emulator would.
    String refusal = startExpectingRefusal(Map.of("HOST", "0.0.0.0", "AUTH_EMULATOR", "off"));
    assertTrue(refusal.contains("Unset FIREBASE_AUTH_EMULATOR_HOST"), refusal);
  }

  @Test
  void onTheNetworkWithRealAuthAForgedTokenAndTheEmulatorsAdminApiAreRefused() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("HOST", "0.0.0.0", "AUTH_EMULATOR", "off",
        "FIREBASE_AUTH_EMULATOR_HOST", "", "GOOGLE_APPLICATION_CREDENTIALS", fakeServiceAccount().toString()));
    try (ServerProcess server = ServerProcess.start(data, env)) {
      Api api = new Api(server.base());
      api.get("/api/projects", forgedUnsignedToken("victim-uid")).expect(401);
      // The emulator's admin API: list every account (POST accounts:query) and the emulator's own config.
      HttpResponse<String> query = HTTP.send(HttpRequest.newBuilder(server.base().resolve(
              "/identitytoolkit.googleapis.com/v1/projects/demo-contentcreator/accounts:query"))
          .header("Authorization", "Bearer owner").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, query.statusCode(), query::body);
      HttpResponse<String> config = HTTP.send(HttpRequest.newBuilder(server.base().resolve(
              "/emulator/v1/projects/demo-contentcreator/config"))
          .header("Authorization", "Bearer owner").GET().build(), HttpResponse.BodyHandlers.ofString());
      // A GET of an unknown path is the web app's page, as on Firebase Hosting; never the emulator's JSON.
      assertFalse(config.headers().firstValue("Content-Type").orElse("").contains("json"), config::body);
      assertFalse(config.body().contains("signIn"), config::body);
    }
  }

  // ---- defect 7: revoked and disabled accounts keep access ----

  @Test
  void aRevokedAccountCannotDeleteAndIsRefusedEverywhereWithinTheTokenCacheTtl() throws Exception {
    try (ServerProcess server = ServerProcess.start(data, Map.of("TOKEN_CACHE_TTL", "2s"))) {
      Api api = new Api(server.base());
      Emulator.Person alice = Emulator.signUp("alice");
      String projectId = api.post("/api/projects", alice.idToken(), "{\"name\":\"Plans\"}").expect(201)
          .object().get("id").getAsString();
      api.get("/api/projects", alice.idToken()).expect(200); // the token is now in the cache
      Thread.sleep(1100); // revocation counts whole seconds after the token was issued
      revoke(alice.uid());

      api.delete("/api/projects/" + projectId, alice.idToken()).expect(401);
      Thread.sleep(2100);
      api.get("/api/projects", alice.idToken()).expect(401);
    }
  }

  @Test
  void aDisabledAccountCannotChangeMembersOrDelete() throws Exception {
    try (ServerProcess server = ServerProcess.start(data, Map.of())) {
      Api api = new Api(server.base());
      Emulator.Person owner = Emulator.signUp("olga");
      String projectId = api.post("/api/projects", owner.idToken(), "{\"name\":\"Shared\"}").expect(201)
          .object().get("id").getAsString();
      Emulator.Person viewer = Invitations.join(api, owner, projectId, Emulator.signUp("victor"), "viewer");
      api.get("/api/projects/" + projectId, owner.idToken()).expect(200);
      disable(owner.uid());

      api.patch("/api/projects/" + projectId + "/members/" + viewer.uid(), owner.idToken(),
          "{\"role\":\"owner\"}").expect(401);
      api.delete("/api/projects/" + projectId + "/members/" + viewer.uid(), owner.idToken()).expect(401);
      api.delete("/api/projects/" + projectId, owner.idToken()).expect(401);
      api.get("/api/projects/" + projectId + "/members", viewer.idToken()).expect(200);
    }
  }

  // ---- defect 8: the per-address limit and its store ----

  @Test
  void whenTheRateLimitStoreFailsAnonymousRequestsAreStillLimited() throws Exception {
    int closed = ServerProcess.freePort();
    try (ServerProcess server = ServerProcess.start(data, Map.of(
        "REDIS_URL", "redis://127.0.0.1:" + closed + "/0", "RATE_LIMIT_PER_IP", "3/1m"))) {
      Api api = new Api(server.base());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        statuses.add(api.get("/api/projects", null).status());
      }
      assertEquals(List.of(401, 401, 401, 429, 429, 429), statuses);
    }
  }

  @Test
  void aCallerWhoWritesItsOwnForwardedForEntriesIsStillLimitedByItsRealAddress() throws Exception {
    try (ServerProcess server = ServerProcess.start(data, Map.of("TRUSTED_PROXY_HOPS", "2",
        "RATE_LIMIT_PER_IP", "100/1m", "RATE_LIMIT_PER_PEER", "4/1m"))) {
      Api api = new Api(server.base());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // A fresh made-up "client" each time; the server appends the real peer, 127.0.0.1.
        statuses.add(api.send("GET", "/api/projects", null, null,
            Map.of("X-Forwarded-For", "203.0.113." + (i + 1))).status());
      }
      assertEquals(List.of(401, 401, 401, 401, 429, 429), statuses);
    }
  }

  @Test
  void theLimitsAreKeptInARedisThatWantsAuthAndTls() throws Exception {
    TlsRedis redis = TlsRedis.start(data.resolve("redis"));
    try (redis; ServerProcess server = ServerProcess.start(data, Map.of(
        "REDIS_URL", "rediss://:" + TlsRedis.PASSWORD + "@127.0.0.1:" + redis.port() + "/0",
        "REDIS_CA_CERT", redis.caFile().toString(), "RATE_LIMIT_PER_IP", "3/1m"))) {
      Api api = new Api(server.base());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(api.get("/api/projects", null).status());
      }
      assertEquals(List.of(401, 401, 401, 429), statuses);
      String keys = redis.cli("--scan", "--pattern", "cc:rl:*");
      assertTrue(keys.contains("ip:"), () -> "the per-address bucket is in the TLS Redis: " + keys);
      assertFalse(server.output().contains("Redis failed"), "the limiter never fell back to memory");
    }
  }

  // ---- defect 9: refused requests leave no log line ----

  @Test
  void everyRefusedRequestLeavesOneStructuredLogLine() throws Exception {
    try (ServerProcess server = ServerProcess.start(data, Map.of("MAX_BODY_BYTES", "64",
        "RATE_LIMIT_PER_USER", "6/1m"))) {
      Api api = new Api(server.base());
      Emulator.Person mallory = Emulator.signUp("mallory");
      api.get("/api/projects", null).expect(401);
      api.get("/api/projects", "not-a-token").expect(401);
      api.get("/api/nothing-here", mallory.idToken()).expect(404);
      api.send("POST", "/api/projects", mallory.idToken(), "name=x", Map.of("Content-Type", "text/plain")).expect(415);
      api.post("/api/projects", mallory.idToken(), "{\"name\":\"" + "x".repeat(100) + "\"}").expect(413);
      int status = 0;
      for (int i = 0; i < 5 && status != 429; i++) {
        status = api.get("/api/projects/p-" + i, mallory.idToken()).status();
      }
      assertEquals(429, status);
      Thread.sleep(300);

      String log = server.output();
      for (int expected : List.of(401, 404, 413, 415, 429)) {
        JsonObject line = logLine(log, expected);
        assertNotNull(line, () -> "no log line for the refused " + expected + ":\n" + log);
        JsonObject http = line.getAsJsonObject("httpRequest");
        assertEquals("127.0.0.1", http.get("remoteIp").getAsString(), line::toString);
        assertTrue(line.has("problem"), line::toString);
        if (expected != 401 && expected != 404) {
          // The unknown route is refused before the token is read; the others know who asked.
          assertEquals(mallory.uid(), line.get("uid").getAsString(), line::toString);
          assertTrue(line.has("route"), line::toString);
        }
      }
      assertFalse(log.contains(mallory.idToken()), "the log never holds a token");
      assertFalse(log.contains("not-a-token"), "the log never holds a token");
      assertFalse(log.contains("xxxxxxxxxx"), "the log never holds a body");
    }
  }

  // ---- helpers ----

  /** Starts the server expecting it to refuse; if it starts, shows what a forged token gets and fails. */
  private String startExpectingRefusal(Map<String, String> env) throws Exception {
    ServerProcess server;
    try {
      server = ServerProcess.start(data, env);
    } catch (IllegalStateException refused) {
      return refused.getMessage();
    }
    try (server) {
      // What an attacker on the network does next: sign a token for someone else's account with nobody's key.
      Emulator.Person victim = Emulator.signUp("victim");
      int forged = new Api(server.base()).get("/api/projects", forgedUnsignedToken(victim.uid())).status();
      fail("the server started with " + env + "; a forged unsigned token for another person's account got " + forged);
      return null;
    }
  }

  /**
   * An ID token with {@code alg: none}, claiming to be {@code uid} of the demo project: what the
   * Auth emulator issues, and what firebase-admin accepts in emulator mode for any existing account.
   */
  static String forgedUnsignedToken(String uid) {
    long now = System.currentTimeMillis() / 1000;
    JsonObject header = new JsonObject();
    header.addProperty("alg", "none");
    header.addProperty("typ", "JWT");
    JsonObject claims = new JsonObject();
    claims.addProperty("iss", "https://securetoken.google.com/demo-contentcreator");
    claims.addProperty("aud", "demo-contentcreator");
    claims.addProperty("sub", uid);
    claims.addProperty("user_id", uid);
    claims.addProperty("auth_time", now);
    claims.addProperty("iat", now);
    claims.addProperty("exp", now + 3600);
    claims.addProperty("email", uid + "@example.com");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
  }

  /** A service account key file that parses, with a key of its own: enough to verify tokens offline. */
  private Path fakeServiceAccount() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(gen.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    JsonObject sa = new JsonObject();
    sa.addProperty("type", "service_account");
    sa.addProperty("project_id", "demo-contentcreator");
    sa.addProperty("private_key_id", UUID.randomUUID().toString());
    sa.addProperty("private_key", pem);
    sa.addProperty("client_email", "local-test@demo-contentcreator.iam.gserviceaccount.com");
    sa.addProperty("client_id", "1");
    sa.addProperty("token_uri", "http://127.0.0.1:1/token");
    Path file = data.resolve("service-account.json");
    Files.writeString(file, sa.toString());
    return file;
  }

  private static void revoke(String uid) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("localId", uid);
    body.addProperty("validSince", Long.toString(System.currentTimeMillis() / 1000));
    Emulator.post("/identitytoolkit.googleapis.com/v1/projects/demo-contentcreator/accounts:update", body, "owner");
  }

  private static void disable(String uid) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("localId", uid);
    body.addProperty("disableUser", true);
    Emulator.post("/identitytoolkit.googleapis.com/v1/projects/demo-contentcreator/accounts:update", body, "owner");
  }

  /** The first structured request log line with this status, or null. */
  private static JsonObject logLine(String log, int status) {
    for (String line : log.split("\n")) {
      if (!line.startsWith("{") || !line.contains("\"httpRequest\"")) {
        continue;
      }
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      if (o.getAsJsonObject("httpRequest").get("status").getAsInt() == status) {
        return o;
      }
    }
    return null;
  }

  /** A redis-server of its own on loopback that takes only TLS, with a password and its own CA. */
  static final class TlsRedis implements AutoCloseable {
    static final String PASSWORD = "s3cret-" + UUID.randomUUID().toString().substring(0, 8);
    private final Process process;
    private final int port;
    private final Path dir;

    private TlsRedis(Process process, int port, Path dir) {
      this.process = process;
      this.port = port;
      this.dir = dir;
    }

    static TlsRedis start(Path dir) throws Exception {
      Files.createDirectories(dir);
      run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test-redis-ca",
          "-keyout", "ca.key", "-out", "ca.pem");
      run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
          "-keyout", "server.key", "-out", "server.csr");
      Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
      run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
          "-CAcreateserial", "-days", "1", "-extfile", "san.ext", "-out", "server.pem");
      int port = ServerProcess.freePort();
      Process p = new ProcessBuilder("redis-server", "--port", "0", "--tls-port", Integer.toString(port),
          "--tls-cert-file", "server.pem", "--tls-key-file", "server.key", "--tls-ca-cert-file", "ca.pem",
          "--tls-auth-clients", "no", "--requirepass", PASSWORD, "--save", "", "--appendonly", "no",
          "--bind", "127.0.0.1")
          .directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile()).start();
      TlsRedis redis = new TlsRedis(p, port, dir);
      for (int i = 0; i < 100; i++) {
        if (redis.cli("PING").contains("PONG")) {
          return redis;
        }
        Thread.sleep(100);
      }
      redis.close();
      throw new IllegalStateException("the TLS redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
    }

    int port() {
      return port;
    }

    Path caFile() {
      return dir.resolve("ca.pem");
    }

    String cli(String... args) throws Exception {
      List<String> cmd = new ArrayList<>(List.of("redis-cli", "--tls", "--cacert", caFile().toString(),
          "-h", "127.0.0.1", "-p", Integer.toString(port), "--no-auth-warning", "-a", PASSWORD));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    }

    private static void run(Path dir, String... cmd) throws Exception {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor();
    }
  }
}
