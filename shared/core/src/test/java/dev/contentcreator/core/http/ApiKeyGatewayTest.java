package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.ports.IdentityVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the gateway takes API keys: told from ID tokens by their prefix, held to their scope, logged by id. */
class ApiKeyGatewayTest {
  private static final String ALL_EDITOR = ApiKeyCheck.PREFIX + "AAAAAAAAAAAAAAAAAAAA_secret-one";
  private static final String ONE_PROJECT = ApiKeyCheck.PREFIX + "BBBBBBBBBBBBBBBBBBBB_secret-two";
  private static final String ALL_VIEWER = ApiKeyCheck.PREFIX + "CCCCCCCCCCCCCCCCCCCC_secret-three";
  private static final String DISABLED = ApiKeyCheck.PREFIX + "DDDDDDDDDDDDDDDDDDDD_secret-four";

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final List<Caller> signedIn = new ArrayList<>();
  private final AtomicInteger identityAsked = new AtomicInteger();
  private final List<KeyScope> scopesSeen = new ArrayList<>();

  private final IdentityVerifier identity = new IdentityVerifier() {
    @Override
    public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
      identityAsked.incrementAndGet();
      if (idToken.equals("person")) {
        return new VerifiedIdentity("uid-1", "a@example.com", "A", null, null);
      }
      throw new InvalidTokenException("not a token", null);
    }

    @Override
    public boolean isDisabled(String uid) {
      return uid.equals("uid-off");
    }

    @Override
    public Optional<VerifiedIdentity> findByEmail(String email) {
      return Optional.empty();
    }
  };

  private final ApiKeyCheck keys = key -> switch (key) {
    case ALL_EDITOR -> Optional.of(keyCaller("AAAAAAAAAAAAAAAAAAAA", null, Role.EDITOR));
    case ONE_PROJECT -> Optional.of(keyCaller("BBBBBBBBBBBBBBBBBBBB", "projA", Role.OWNER));
    case ALL_VIEWER -> Optional.of(keyCaller("CCCCCCCCCCCCCCCCCCCC", null, Role.VIEWER));
    case DISABLED -> Optional.of(new Caller("uid-off", null, null, null, false,
        new KeyScope("DDDDDDDDDDDDDDDDDDDD", null, Role.OWNER)));
    default -> Optional.empty();
  };

  private static Caller keyCaller(String id, String projectId, Role role) {
    return new Caller("uid-1", "a@example.com", "A", null, false, new KeyScope(id, projectId, role));
  }

  private Gateway gateway() {
    Handler seeScope = r -> {
      scopesSeen.add(KeyScope.current());
      return ApiResponse.ok(Map.of("uid", r.caller().uid()));
    };
    Router router = Router.builder()
        .get("/api/me", seeScope)
        .patch("/api/me", seeScope)
        .get("/api/me/keys", seeScope)
        .get("/api/projects", seeScope)
        .get("/api/projects/{projectId}", seeScope)
        .post("/api/templates", seeScope)
        .get("/api/projects/{projectId}/stream", r -> ApiResponse.streaming("text/plain", out -> {
          scopesSeen.add(KeyScope.current());
          out.write('x');
        }))
        .build();
    return Gateway.builder()
        .router(router)
        .identity(() -> identity)
        .apiKeys(() -> keys)
        .rateLimiter(() -> (key, limit) -> new dev.contentcreator.core.ports.RateLimiter.Decision(true, 10, 9,
            java.time.Duration.ZERO, java.time.Duration.ofSeconds(6)))
        .onSignedIn(signedIn::add)
        .settings(GatewaySettings.from(Config.of(Map.of())))
        .log(new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "proj"))
        .build();
  }

  private FakeHttp.Response call(String method, String path, String token) {
    FakeHttp.Request req = new FakeHttp.Request(method, path).header("Authorization", "Bearer " + token);
    if (!method.equals("GET")) {
      req.json("{}");
    }
    FakeHttp.Response res = new FakeHttp.Response();
    gateway().service(req, res);
    return res;
  }

  private static JsonObject json(FakeHttp.Response r) {
    return JsonParser.parseString(r.text()).getAsJsonObject();
  }

  private String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aKeySignsAsItsPersonWithItsScopeOnTheThreadAndNeverAsksTheIdentityProvider() {
    FakeHttp.Response r = call("GET", "/api/projects/p1", ALL_EDITOR);
    assertEquals(200, r.status);
    assertEquals("uid-1", json(r).get("uid").getAsString());
    assertEquals("AAAAAAAAAAAAAAAAAAAA", scopesSeen.get(0).keyId());
    assertEquals(0, identityAsked.get());
    assertTrue(signedIn.isEmpty(), "a key's person is not signed in again");
    assertNull(KeyScope.current(), "the scope ends with the request");
  }

  @Test
  void aStreamedAnswerKeepsTheKeysScopeWhileItStreams() {
    FakeHttp.Response r = call("GET", "/api/projects/p1/stream", ALL_VIEWER);
    assertEquals(200, r.status);
    assertEquals("CCCCCCCCCCCCCCCCCCCC", scopesSeen.get(0).keyId());
    assertNull(KeyScope.current());
  }

  @Test
  void aPersonsOwnTokenCarriesNoKeyScope() {
    FakeHttp.Response r = call("GET", "/api/projects/p1", "person");
    assertEquals(200, r.status);
    assertNull(scopesSeen.get(0));
    assertEquals(1, signedIn.size());
  }

  @Test
  void anUnknownKeyIsUnauthorizedProblemJson() {
    FakeHttp.Response r = call("GET", "/api/projects/p1", ApiKeyCheck.PREFIX + "nope");
    assertEquals(401, r.status);
    assertEquals("application/problem+json", r.header("Content-Type"));
    assertTrue(json(r).get("detail").getAsString().contains("API key"));
    assertEquals(0, identityAsked.get());
  }

  @Test
  void theKeyOfADisabledAccountIsUnauthorized() {
    FakeHttp.Response r = call("GET", "/api/projects/p1", DISABLED);
    assertEquals(401, r.status);
    assertTrue(json(r).get("detail").getAsString().contains("disabled"));
    assertTrue(scopesSeen.isEmpty());
  }

  @Test
  void aRefusedKeyIsLoggedByTheIdItNamesNeverItsSecret() {
    call("GET", "/api/projects/p1", ApiKeyCheck.PREFIX + "EEEEEEEEEEEEEEEEEEEE_not-the-secret");
    call("GET", "/api/projects/p1", ApiKeyCheck.PREFIX + "short");
    String log = log();
    assertTrue(log.contains("\"keyId\":\"EEEEEEEEEEEEEEEEEEEE\""), log);
    assertFalse(log.contains("not-the-secret"), log);
    assertEquals(2, log.split("\"status\":401").length - 1, log);
  }

  @Test
  void aKeyCannotReachTheRoutesThatManageKeys() {
    FakeHttp.Response r = call("GET", "/api/me/keys", ALL_EDITOR);
    assertEquals(403, r.status);
    assertTrue(scopesSeen.isEmpty());
  }

  @Test
  void aKeyForOneProjectGetsTheStrangersNotFoundOnAnother() {
    assertEquals(200, call("GET", "/api/projects/projA", ONE_PROJECT).status);
    FakeHttp.Response r = call("GET", "/api/projects/projB", ONE_PROJECT);
    assertEquals(404, r.status);
    assertEquals(1, scopesSeen.size(), "the handler never ran for project B");
  }

  @Test
  void aKeyForOneProjectReachesOnlyTheProjectListAndMeOutsideIt() {
    assertEquals(200, call("GET", "/api/projects", ONE_PROJECT).status);
    assertEquals(200, call("GET", "/api/me", ONE_PROJECT).status);
    assertEquals(403, call("PATCH", "/api/me", ONE_PROJECT).status);
    assertEquals(403, call("POST", "/api/templates", ONE_PROJECT).status);
  }

  @Test
  void aViewersKeyWritesNothingOutsideProjects() {
    assertEquals(200, call("GET", "/api/me", ALL_VIEWER).status);
    assertEquals(403, call("POST", "/api/templates", ALL_VIEWER).status);
    assertEquals(200, call("POST", "/api/templates", ALL_EDITOR).status);
  }

  @Test
  void theLogNamesTheKeysIdAndNeverTheKey() {
    call("GET", "/api/projects/p1", ALL_EDITOR);
    call("GET", "/api/projects/x" + ALL_VIEWER, ALL_VIEWER);
    String log = log();
    assertTrue(log.contains("\"keyId\":\"AAAAAAAAAAAAAAAAAAAA\""), log);
    assertFalse(log.contains("secret-one"), log);
    assertFalse(log.contains("secret-three"), log);
  }
}
