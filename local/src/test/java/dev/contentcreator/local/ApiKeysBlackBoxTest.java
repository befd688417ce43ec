package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.local.Api.Answer;
import dev.contentcreator.local.Emulator.Person;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys (issue 13) from outside: made, listed and revoked by their person; a key signs requests
 * as its person, held to its project (another project answers the stranger's 404 byte for byte) and
 * to the lower of its role and the person's (a viewer's key writes nothing; a demoted person's key
 * loses power); a revoked, expired or unknown key gets 401; keys cannot manage keys; bad input on
 * the key routes is a problem+json 4xx; the server's log names the key's id, never the key.
 */
class ApiKeysBlackBoxTest {
  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static Person alice;
  static Person bob;
  static Person vic;
  static Person zed;
  static Person rae;
  static Person uma;
  static boolean onSqlite;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    Emulator.ensureRunning();
    onSqlite = OnEmulators.adaptersFor(test).isEmpty();
    server = ServerProcess.start(data, OnEmulators.with(OnEmulators.adaptersFor(test),
        // The person's bucket is the tightest, so RateLimit-Remaining reports it.
        "RATE_LIMIT_PER_USER", "400/1h", "RATE_LIMIT_PER_IP", "10000/1m", "RATE_LIMIT_PER_PEER", "10000/1m"));
    api = new Api(server.base());
    alice = Emulator.signUp("alice");
    bob = Emulator.signUp("bob");
    vic = Emulator.signUp("vic");
    zed = Emulator.signUp("zed");
    rae = Emulator.signUp("rae");
    uma = Emulator.signUp("uma");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String project(Person owner, String name) throws Exception {
    return api.post("/api/projects", owner.idToken(), "{\"name\":\"" + name + "\"}").expect(201).object()
        .get("id").getAsString();
  }

  /** Makes a key and answers the whole of it (its secret). */
  private static JsonObject key(Person who, String projectId, String role) throws Exception {
    String scope = projectId == null ? "" : ",\"projectId\":\"" + projectId + "\"";
    return api.post("/api/me/keys", who.idToken(), "{\"name\":\"ci\",\"role\":\"" + role + "\"" + scope + "}")
        .expect(201).object();
  }

  private static String secret(JsonObject issued) {
    return issued.get("secret").getAsString();
  }

  @Test
  void aKeyIsShownOnceAndListedWithoutItsSecretThenWithItsLastUse() throws Exception {
    String p = project(alice, "Listed");
    JsonObject issued = key(alice, p, "editor");
    String k = secret(issued);
    assertTrue(k.startsWith("cck_" + issued.get("id").getAsString() + "_"), k);
    api.get("/api/projects/" + p, k).expect(200);
    Answer list = api.get("/api/me/keys", alice.idToken()).expect(200);
    assertFalse(list.raw().body().contains(k.substring(k.length() - 43)), "the list shows no secret");
    JsonObject listed = null;
    for (JsonElement e : list.object().getAsJsonArray("items")) {
      if (e.getAsJsonObject().get("id").getAsString().equals(issued.get("id").getAsString())) {
        listed = e.getAsJsonObject();
      }
    }
    assertTrue(listed != null && listed.has("lastUsedAt"), () -> list.raw().body());
    assertEquals(p, listed.get("projectId").getAsString());
    assertEquals("active", listed.get("status").getAsString());
  }

  @Test
  void aViewersKeyReadsButCannotWrite() throws Exception {
    String p = project(alice, "Viewer key");
    vic = Invitations.join(api, alice, p, vic, "viewer");
    String k = secret(key(vic, p, "viewer"));
    api.get("/api/projects/" + p, k).expect(200);
    api.get("/api/projects/" + p + "/contents", k).expect(200);
    api.patch("/api/projects/" + p, k, "{\"name\":\"Taken\"}").expect(403);
    api.delete("/api/projects/" + p, k).expect(403);
    api.post("/api/projects", k, "{\"name\":\"Mine\"}").expect(403);
  }

  @Test
  void anOwnersViewerKeyActsAsAViewer() throws Exception {
    String p = project(alice, "Capped");
    String k = secret(key(alice, null, "viewer"));
    api.get("/api/projects/" + p, k).expect(200);
    api.patch("/api/projects/" + p, k, "{\"name\":\"Renamed\"}").expect(403);
    api.delete("/api/projects/" + p, k).expect(403);
    String editor = secret(key(alice, null, "editor"));
    api.patch("/api/projects/" + p, editor, "{\"name\":\"Renamed\"}").expect(200);
    api.delete("/api/projects/" + p, editor).expect(403);
  }

  @Test
  void aKeyCannotHaveAHigherRoleThanItsPersonsInTheProject() throws Exception {
    String p = project(alice, "No climbing");
    vic = Invitations.join(api, alice, p, vic, "viewer");
    api.post("/api/me/keys", vic.idToken(), "{\"name\":\"x\",\"role\":\"editor\",\"projectId\":\"" + p + "\"}")
        .expect(403);
    api.post("/api/me/keys", zed.idToken(), "{\"name\":\"x\",\"role\":\"viewer\",\"projectId\":\"" + p + "\"}")
        .expect(404);
  }

  @Test
  void aDemotedPersonsKeyLosesPowerWithThem() throws Exception {
    String p = project(alice, "Demotion");
    bob = Invitations.join(api, alice, p, bob, "editor");
    String k = secret(key(bob, p, "editor"));
    api.patch("/api/projects/" + p, k, "{\"description\":\"one\"}").expect(200);
    api.patch("/api/projects/" + p + "/members/" + bob.uid(), alice.idToken(), "{\"role\":\"viewer\"}").expect(200);
    api.patch("/api/projects/" + p, k, "{\"description\":\"two\"}").expect(403);
  }

  @Test
  void aKeyForProjectAGetsTheStrangersNotFoundOnProjectB() throws Exception {
    String a = project(alice, "A");
    String b = project(alice, "B");
    String k = secret(key(alice, a, "owner"));
    api.get("/api/projects/" + a, k).expect(200);
    Answer asKey = api.get("/api/projects/" + b, k).expect(404);
    Answer asStranger = api.get("/api/projects/" + b, zed.idToken()).expect(404);
    assertEquals(asStranger.raw().body().replace(asStranger.object().get("instance").getAsString(), ""),
        asKey.raw().body().replace(asKey.object().get("instance").getAsString(), ""),
        "the key learns no more of project B than a stranger");
    api.get("/api/projects/" + b + "/contents", k).expect(404);
    api.patch("/api/projects/" + b, k, "{\"name\":\"x\"}").expect(404);
    JsonObject list = api.get("/api/projects", k).expect(200).object();
    assertEquals(1, list.getAsJsonArray("items").size(), list.toString());
    assertEquals(a, list.getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void aRevokedKeyGets401AtOnce() throws Exception {
    String p = project(alice, "Revoked");
    JsonObject issued = key(alice, p, "owner");
    api.get("/api/projects/" + p, secret(issued)).expect(200);
    JsonObject revoked = api.post("/api/me/keys/" + issued.get("id").getAsString() + "/revoke", alice.idToken(), null)
        .expect(200).object();
    assertEquals("revoked", revoked.get("status").getAsString());
    Answer r = api.get("/api/projects/" + p, secret(issued)).expect(401);
    assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
    JsonObject other = key(alice, p, "owner");
    api.delete("/api/me/keys/" + other.get("id").getAsString(), alice.idToken()).expect(204);
    api.get("/api/projects/" + p, secret(other)).expect(401);
  }

  @Test
  void anExpiredKeyGets401() throws Exception {
    Assumptions.assumeTrue(onSqlite, "the expiry is moved in the SQLite file");
    String p = project(alice, "Expired");
    JsonObject issued = key(alice, p, "owner");
    api.get("/api/projects/" + p, secret(issued)).expect(200);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("contentcreator.db"));
        PreparedStatement st = c.prepareStatement("UPDATE documents SET data = json_set(data, '$.expiresAt', ?)"
            + " WHERE collection = 'apikeys' AND id = ?")) {
      c.createStatement().execute("PRAGMA busy_timeout = 5000");
      st.setString(1, "2020-01-01T00:00:00.000Z");
      st.setString(2, issued.get("id").getAsString());
      assertEquals(1, st.executeUpdate());
    }
    api.get("/api/projects/" + p, secret(issued)).expect(401);
  }

  @Test
  void anUnknownOrMangledKeyGets401() throws Exception {
    String p = project(alice, "Unknown");
    String k = secret(key(alice, p, "owner"));
    api.get("/api/projects/" + p, k.substring(0, k.length() - 2) + (k.endsWith("AA") ? "BB" : "AA")).expect(401);
    api.get("/api/projects/" + p, "cck_nothing").expect(401);
    api.get("/api/projects/" + p, k + "x").expect(401);
  }

  @Test
  void theKeyOfADisabledAccountGets401() throws Exception {
    Person dora = Emulator.signUp("dora");
    String p = project(dora, "Disabled");
    String k = secret(key(dora, null, "owner"));
    api.get("/api/projects/" + p, k).expect(200);
    JsonObject body = new JsonObject();
    body.addProperty("localId", dora.uid());
    body.addProperty("disableUser", true);
    Emulator.post("/identitytoolkit.googleapis.com/v1/projects/demo-contentcreator/accounts:update", body, "owner");
    // A sensitive route asks the identity provider at once; the others within TOKEN_CACHE_TTL.
    api.delete("/api/projects/" + p, k).expect(401);
  }

  @Test
  void aKeyCannotMakeListOrRevokeKeys() throws Exception {
    JsonObject issued = key(alice, null, "owner");
    String k = secret(issued);
    api.get("/api/me/keys", k).expect(403);
    api.post("/api/me/keys", k, "{\"name\":\"child\",\"role\":\"owner\"}").expect(403);
    api.post("/api/me/keys/" + issued.get("id").getAsString() + "/revoke", k, null).expect(403);
    api.get("/api/me", k).expect(200);
  }

  @Test
  void anotherPersonsKeyIsNotFound() throws Exception {
    JsonObject issued = key(alice, null, "viewer");
    api.post("/api/me/keys/" + issued.get("id").getAsString() + "/revoke", zed.idToken(), null).expect(404);
    api.delete("/api/me/keys/" + issued.get("id").getAsString(), zed.idToken()).expect(404);
    api.get("/api/me", secret(issued)).expect(200);
  }

  @Test
  void badInputOnTheKeyRoutesIsAProblem4xx() throws Exception {
    String t = alice.idToken();
    api.post("/api/me/keys", t, "{").expect(400);
    api.post("/api/me/keys", t, "[]").expect(400);
    api.post("/api/me/keys", t, "{}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\"}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"admin\"}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":7}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"\",\"role\":\"viewer\"}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"" + "n".repeat(101) + "\",\"role\":\"viewer\"}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"extra\":1}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"projectId\":\"a/b\"}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"projectId\":\"nope\"}").expect(404);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"ttlDays\":0}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"ttlDays\":366}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"ttlDays\":1.5}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"expiresAt\":\"soon\"}").expect(400);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
        .expect(422);
    api.post("/api/me/keys", t, "{\"name\":\"x\",\"role\":\"viewer\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}")
        .expect(422);
    api.post("/api/me/keys", t,
        "{\"name\":\"x\",\"role\":\"viewer\",\"ttlDays\":5,\"expiresAt\":\"2030-01-01T00:00:00Z\"}").expect(400);
    api.post("/api/me/keys/nothing-here/revoke", t, null).expect(404);
    api.post("/api/me/keys/a%2Fb/revoke", t, null).status();
    api.post("/api/me/keys/AAAAAAAAAAAAAAAAAAAA/revoke", t, "{\"x\":1}").expect(400);
    api.delete("/api/me/keys/nothing-here", t).expect(404);
    api.get("/api/me/keys", null).expect(401);
  }

  @Test
  void aKeySpendsItsPersonsRateLimit() throws Exception {
    String k = secret(key(rae, null, "viewer"));
    long before = Long.parseLong(api.get("/api/me", rae.idToken()).expect(200).header("RateLimit-Remaining"));
    long viaKey = Long.parseLong(api.get("/api/me", k).expect(200).header("RateLimit-Remaining"));
    long after = Long.parseLong(api.get("/api/me", rae.idToken()).expect(200).header("RateLimit-Remaining"));
    assertTrue(viaKey < before && after < viaKey, before + " > " + viaKey + " > " + after);
  }

  @Test
  void whatAKeyGeneratesIsChargedToItsPerson() throws Exception {
    String p = project(uma, "Charged");
    String viewer = secret(key(uma, p, "viewer"));
    String editor = secret(key(uma, p, "editor"));
    String body = "{\"kind\":\"text\",\"prompt\":\"A line about keys\"}";
    api.send("POST", "/api/projects/" + p + "/generations", viewer, body,
        java.util.Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())).expect(403);
    String job = api.send("POST", "/api/projects/" + p + "/generations", editor, body,
        java.util.Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())).expect(202).object()
        .get("id").getAsString();
    String status = "queued";
    for (int i = 0; i < 600 && java.util.List.of("queued", "running").contains(status); i++) {
      Thread.sleep(100);
      status = api.get("/api/projects/" + p + "/generations/" + job, editor).expect(200).object()
          .get("status").getAsString();
    }
    assertEquals("completed", status);
    JsonObject me = api.get("/api/me", uma.idToken()).expect(200).object();
    assertEquals(1, me.getAsJsonObject("usage").get("items").getAsLong(), me.toString());
  }

  @Test
  void theServersLogNamesTheKeysIdNeverTheKey() throws Exception {
    String p = project(alice, "Logged");
    JsonObject issued = key(alice, p, "owner");
    String k = secret(issued);
    api.get("/api/projects/" + p, k).expect(200);
    api.get("/api/projects/" + k, k).status();
    String out = server.output();
    assertTrue(out.contains("\"keyId\":\"" + issued.get("id").getAsString() + "\""), "the request line names the key");
    assertFalse(out.contains(k.substring(k.length() - 43)), "the key's secret is in no log line");
  }
}
