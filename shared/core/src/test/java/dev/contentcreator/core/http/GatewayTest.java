package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.core.ports.StoreBusyException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatewayTest {
  private static final String GOOD = "good-token";

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final List<Caller> signedIn = new ArrayList<>();
  private final AtomicInteger identityMade = new AtomicInteger();
  private RateLimiter.Decision nextDecision = new RateLimiter.Decision(true, 10, 9, Duration.ZERO, Duration.ofSeconds(6));

  private final IdentityVerifier identity = new IdentityVerifier() {
    @Override
    public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
      if (idToken.equals(GOOD)) {
        return new VerifiedIdentity("uid-1", "a@example.com", "A", null, null);
      }
      if (idToken.equals("explode")) {
        throw new IllegalStateException("provider down");
      }
      throw new InvalidTokenException("it is malformed", null);
    }

    @Override
    public Optional<VerifiedIdentity> findByEmail(String email) {
      return Optional.empty();
    }
  };

  private Gateway gateway(Map<String, String> settings) {
    Router router = Router.builder()
        .publicGet("/api/health", r -> ApiResponse.ok(Map.of("status", "ok")))
        .get("/api/things/{id}", r -> ApiResponse.ok(Map.of("id", r.pathParam("id"), "uid", r.caller().uid())))
        .post("/api/things", r -> {
          JsonBody b = r.json();
          String name = b.requiredString("name", 1, 10);
          b.finish();
          return ApiResponse.created("/api/things/1", Map.of("name", name));
        })
        .get("/api/boom", r -> {
          throw new IllegalStateException("secret internals");
        })
        .get("/api/busy", r -> {
          throw new StoreBusyException("transaction lost 10 times on jobs/j1", null);
        })
        .build();
    return Gateway.builder()
        .router(router)
        .identity(() -> {
          identityMade.incrementAndGet();
          return identity;
        })
        .rateLimiter(() -> (key, limit) -> nextDecision)
        .onSignedIn(signedIn::add)
        .settings(GatewaySettings.from(Config.of(settings)))
        .log(new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "proj"))
        .build();
  }

  private FakeHttp.Response call(FakeHttp.Request req) {
    return call(gateway(Map.of("MAX_BODY_BYTES", "64")), req);
  }

  private static FakeHttp.Response call(Gateway g, FakeHttp.Request req) {
    FakeHttp.Response res = new FakeHttp.Response();
    g.service(req, res);
    return res;
  }

  private static JsonObject json(FakeHttp.Response r) {
    return JsonParser.parseString(r.text()).getAsJsonObject();
  }

  @Test
  void aPublicRouteNeedsNoTokenAndLoadsNoIdentity() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/health"));
    assertEquals(200, r.status);
    assertEquals(0, identityMade.get());
  }

  @Test
  void aMissingTokenIsUnauthorizedWithAChallenge() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/things/7"));
    assertEquals(401, r.status);
    assertEquals("application/problem+json", r.header("Content-Type"));
    assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
  }

  @Test
  void aBadTokenIsUnauthorized() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/things/7").header("Authorization", "Bearer nope"));
    assertEquals(401, r.status);
    assertTrue(json(r).get("detail").getAsString().contains("malformed"));
  }

  @Test
  void anIdentityOutageIsServiceUnavailableNotAnError() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/things/7").header("Authorization", "Bearer explode"));
    assertEquals(503, r.status);
    assertEquals("5", r.header("Retry-After"));
  }

  @Test
  void aGoodTokenReachesTheHandlerWithItsCaller() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/things/7").header("Authorization", "Bearer " + GOOD));
    assertEquals(200, r.status);
    assertEquals("uid-1", json(r).get("uid").getAsString());
    assertEquals("7", json(r).get("id").getAsString());
    assertEquals("uid-1", signedIn.get(0).uid());
    assertEquals("no-store", r.header("Cache-Control"));
  }

  @Test
  void aRefusedRateLimitIsTooManyWithRetryAfterAndHeaders() {
    nextDecision = new RateLimiter.Decision(false, 10, 0, Duration.ofMillis(1500), Duration.ofSeconds(60));
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/things/7").header("Authorization", "Bearer " + GOOD));
    assertEquals(429, r.status);
    assertEquals("2", r.header("Retry-After"));
    assertEquals("10", r.header("RateLimit-Limit"));
    assertEquals("0", r.header("RateLimit-Remaining"));
    assertEquals("60", r.header("RateLimit-Reset"));
  }

  private Gateway withLimiter(RateLimiter limiter, Map<String, String> settings) {
    return Gateway.builder()
        .router(Router.builder().get("/api/x", r -> ApiResponse.ok(Map.of()))
            .delete("/api/x/{id}", r -> ApiResponse.noContent()).sensitive().build())
        .identity(() -> identity)
        .rateLimiter(() -> limiter)
        .settings(GatewaySettings.from(Config.of(settings)))
        .log(new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "proj"))
        .build();
  }

  @Test
  void aFailingRateLimiterRefusesRequestsNotYetAuthenticatedWithServiceUnavailable() {
    Gateway g = withLimiter((key, limit) -> {
      throw new IllegalStateException("redis down");
    }, Map.of());
    FakeHttp.Response r = call(g, new FakeHttp.Request("GET", "/api/x"));
    assertEquals(503, r.status);
    assertEquals("5", r.header("Retry-After"));
    assertEquals("rate-limiter-unavailable", json(r).get("type").getAsString().replaceAll(".*/", ""));
  }

  @Test
  void aFailingPerUserLimitLetsASignedInCallerThrough() {
    Gateway g = withLimiter((key, limit) -> {
      if (key.startsWith("user:")) {
        throw new IllegalStateException("redis down");
      }
      return nextDecision;
    }, Map.of());
    assertEquals(200, call(g, new FakeHttp.Request("GET", "/api/x").header("Authorization", "Bearer " + GOOD)).status);
  }

  @Test
  void theNearestPeerIsLimitedTooWhenMoreThanOneProxyIsTrusted() {
    List<String> keys = new ArrayList<>();
    Gateway g = withLimiter((key, limit) -> {
      keys.add(key);
      return nextDecision;
    }, Map.of("TRUSTED_PROXY_HOPS", "2"));
    call(g, new FakeHttp.Request("GET", "/api/x").header("X-Forwarded-For", "6.6.6.6, 1.2.3.4, 9.9.9.9"));
    assertEquals(List.of("ip:1.2.3.4", "peer:9.9.9.9"), keys);
  }

  @Test
  void aPersonTheCacheRecallsIsLimitedWithTheirAddressInOneCallOfTheLimiter() {
    List<List<String>> calls = new ArrayList<>();
    RateLimiter recording = new RateLimiter() {
      @Override
      public RateLimiter.Decision tryAcquire(String key, RateLimiter.Limit limit) {
        throw new AssertionError("the gateway takes its buckets together");
      }

      @Override
      public List<RateLimiter.Decision> tryAcquireAll(List<RateLimiter.Bucket> buckets) {
        calls.add(buckets.stream().map(RateLimiter.Bucket::key).toList());
        return buckets.stream().map(b -> nextDecision).toList();
      }
    };
    IdentityVerifier cached = new dev.contentcreator.core.platform.CachingIdentityVerifier(identity,
        java.time.Clock.systemUTC(), Duration.ofMinutes(5), 100);
    Gateway g = Gateway.builder()
        .router(Router.builder().get("/api/x", r -> ApiResponse.ok(Map.of()))
            .delete("/api/x/{id}", r -> ApiResponse.noContent()).sensitive().build())
        .identity(() -> cached)
        .rateLimiter(() -> recording)
        .settings(GatewaySettings.from(Config.of(Map.of())))
        .log(new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "proj"))
        .build();
    FakeHttp.Request first = new FakeHttp.Request("GET", "/api/x").header("Authorization", "Bearer " + GOOD);
    assertEquals(200, call(g, first).status);
    assertEquals(List.of(List.of("ip:unknown"), List.of("user:uid-1")), calls, "a token not seen yet: address first");
    calls.clear();
    assertEquals(200, call(g, new FakeHttp.Request("GET", "/api/x").header("Authorization", "Bearer " + GOOD)).status);
    assertEquals(List.of(List.of("ip:unknown", "user:uid-1")), calls, "a token the cache holds: one call");
    calls.clear();
    assertEquals(204, call(g, new FakeHttp.Request("DELETE", "/api/x/1").header("Authorization", "Bearer " + GOOD))
        .status);
    assertEquals(List.of(List.of("ip:unknown"), List.of("user:uid-1")), calls,
        "a sensitive route trusts no cache, so the person is limited once proved");
  }

  @Test
  void aRefusalByAnyOfTheBucketsTakenTogetherIsA429WithTheEmptyBucketsHeaders() {
    RateLimiter.Decision empty = new RateLimiter.Decision(false, 5, 0, Duration.ofMillis(2500), Duration.ofSeconds(60));
    Gateway g = withLimiter(new RateLimiter() {
      @Override
      public RateLimiter.Decision tryAcquire(String key, RateLimiter.Limit limit) {
        throw new AssertionError("the gateway takes its buckets together");
      }

      @Override
      public List<RateLimiter.Decision> tryAcquireAll(List<RateLimiter.Bucket> buckets) {
        return buckets.stream().map(b -> b.key().startsWith("peer:") ? empty : nextDecision).toList();
      }
    }, Map.of("TRUSTED_PROXY_HOPS", "2"));
    FakeHttp.Response r = call(g, new FakeHttp.Request("GET", "/api/x").header("X-Forwarded-For", "1.2.3.4, 9.9.9.9"));
    assertEquals(429, r.status);
    assertEquals("3", r.header("Retry-After"));
    assertEquals("5", r.header("RateLimit-Limit"));
    assertEquals("0", r.header("RateLimit-Remaining"));
  }

  @Test
  void aSensitiveRouteAsksTheProviderAndOthersMayUseTheCache() {
    List<String> asked = new ArrayList<>();
    IdentityVerifier counting = new IdentityVerifier() {
      @Override
      public VerifiedIdentity verify(String idToken) {
        asked.add("verify");
        return new VerifiedIdentity("uid-1", null, null, null, null);
      }

      @Override
      public VerifiedIdentity verifyFresh(String idToken) throws InvalidTokenException {
        asked.add("fresh");
        throw new InvalidTokenException("it has been revoked; sign in again", null);
      }

      @Override
      public Optional<VerifiedIdentity> findByEmail(String email) {
        return Optional.empty();
      }
    };
    Gateway g = Gateway.builder()
        .router(Router.builder().get("/api/x", r -> ApiResponse.ok(Map.of()))
            .delete("/api/x/{id}", r -> ApiResponse.noContent()).sensitive().build())
        .identity(() -> counting)
        .rateLimiter(() -> (key, limit) -> nextDecision)
        .settings(GatewaySettings.from(Config.of(Map.of())))
        .log(new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "proj"))
        .build();
    assertEquals(200, call(g, new FakeHttp.Request("GET", "/api/x").header("Authorization", "Bearer t")).status);
    FakeHttp.Response r = call(g, new FakeHttp.Request("DELETE", "/api/x/1").header("Authorization", "Bearer t"));
    assertEquals(401, r.status);
    assertTrue(json(r).get("detail").getAsString().contains("revoked"));
    assertEquals(List.of("verify", "fresh"), asked);
  }

  @Test
  void aRefusedRequestIsLoggedWithItsStatusRouteProblemAndAddress() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/things/7").header("Authorization", "Bearer nope")
        .header("X-Forwarded-For", "1.2.3.4"));
    assertEquals(401, r.status);
    JsonObject line = JsonParser.parseString(logBytes.toString(StandardCharsets.UTF_8).strip()).getAsJsonObject();
    assertEquals(401, line.getAsJsonObject("httpRequest").get("status").getAsInt());
    assertEquals("1.2.3.4", line.getAsJsonObject("httpRequest").get("remoteIp").getAsString());
    assertEquals("/api/things/{id}", line.get("route").getAsString());
    assertEquals("unauthorized", line.get("problem").getAsString());
    assertFalse(logBytes.toString(StandardCharsets.UTF_8).contains("nope"));
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    FakeHttp.Request req = new FakeHttp.Request("POST", "/api/things").header("Authorization", "Bearer " + GOOD)
        .json("{\"name\":\"" + "x".repeat(100) + "\"}");
    assertEquals(413, call(req).status);
  }

  @Test
  void aBodyOverTheLimitWithoutContentLengthIsTooLarge() {
    FakeHttp.Request req = new FakeHttp.Request("POST", "/api/things").header("Authorization", "Bearer " + GOOD)
        .json("{\"name\":\"" + "x".repeat(100) + "\"}");
    req.headers.remove("Content-Length");
    req.header("Transfer-Encoding", "chunked");
    assertEquals(413, call(req).status);
  }

  @Test
  void aBodyOfAnotherTypeIsUnsupported() {
    FakeHttp.Request req = new FakeHttp.Request("POST", "/api/things").header("Authorization", "Bearer " + GOOD)
        .json("{\"name\":\"x\"}");
    req.headers.put("Content-Type", List.of("text/plain"));
    assertEquals(415, call(req).status);
  }

  @Test
  void malformedJsonNamesTheField() {
    FakeHttp.Response r = call(new FakeHttp.Request("POST", "/api/things").header("Authorization", "Bearer " + GOOD)
        .json("{\"name\": tru"));
    assertEquals(400, r.status);
    assertEquals("name", json(r).getAsJsonArray("errors").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void anUnknownFieldIsABadRequest() {
    FakeHttp.Response r = call(new FakeHttp.Request("POST", "/api/things").header("Authorization", "Bearer " + GOOD)
        .json("{\"name\":\"x\",\"admin\":true}"));
    assertEquals(400, r.status);
    assertTrue(r.text().contains("admin"));
  }

  @Test
  void aHandlerFailureIsALoggedInternalErrorThatRevealsNothing() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/boom").header("Authorization", "Bearer " + GOOD));
    assertEquals(500, r.status);
    assertFalse(r.text().contains("secret internals"));
    assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("\"severity\":\"ERROR\""));
  }

  @Test
  void aBusyStoreIsATemporaryProblemToRetryNotAnInternalError() {
    FakeHttp.Response r = call(new FakeHttp.Request("GET", "/api/busy").header("Authorization", "Bearer " + GOOD));
    assertEquals(503, r.status);
    assertEquals("1", r.header("Retry-After"));
    assertTrue(r.text().contains("try again"), r.text());
    assertFalse(r.text().contains("jobs/j1"), r.text());
  }

  @Test
  void anUnknownPathIsNotFoundAndAWrongMethodIsNotAllowed() {
    assertEquals(404, call(new FakeHttp.Request("GET", "/api/nope")).status);
    FakeHttp.Response r = call(new FakeHttp.Request("DELETE", "/api/things"));
    assertEquals(405, r.status);
    assertEquals("POST", r.header("Allow"));
  }

  @Test
  void theLogLineIsStructuredWithTraceAndUidButNoToken() {
    call(new FakeHttp.Request("GET", "/api/things/7").header("Authorization", "Bearer " + GOOD)
        .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        .header("X-Forwarded-For", "203.0.113.9"));
    String line = logBytes.toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, line.lines().count());
    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
    assertEquals("INFO", o.get("severity").getAsString());
    assertEquals("projects/proj/traces/0af7651916cd43dd8448eb211c80319c",
        o.get("logging.googleapis.com/trace").getAsString());
    assertEquals("uid-1", o.get("uid").getAsString());
    assertEquals(200, o.getAsJsonObject("httpRequest").get("status").getAsInt());
    assertEquals("203.0.113.9", o.getAsJsonObject("httpRequest").get("remoteIp").getAsString());
    assertTrue(o.getAsJsonObject("httpRequest").get("latency").getAsString().endsWith("s"));
    assertFalse(line.contains(GOOD));
  }

  @Test
  void aCallerTheLimitsRecalledIsNotVerifiedAgainButASensitiveRouteAsksEveryTime() {
    AtomicInteger verified = new AtomicInteger();
    AtomicInteger recalled = new AtomicInteger();
    IdentityVerifier remembering = new IdentityVerifier() {
      private volatile boolean known;

      @Override
      public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
        verified.incrementAndGet();
        known = true;
        return new VerifiedIdentity("uid-1", "a@example.com", "A", null, null);
      }

      @Override
      public Optional<VerifiedIdentity> recall(String idToken) {
        recalled.incrementAndGet();
        return known ? Optional.of(new VerifiedIdentity("uid-1", "a@example.com", "A", null, null))
            : Optional.empty();
      }

      @Override
      public Optional<VerifiedIdentity> findByEmail(String email) {
        return Optional.empty();
      }
    };
    Router router = Router.builder()
        .get("/api/things/{id}", r -> ApiResponse.ok(Map.of("uid", r.caller().uid())))
        .delete("/api/things/{id}", r -> ApiResponse.noContent()).sensitive()
        .build();
    Gateway g = Gateway.builder().router(router).identity(() -> remembering)
        .rateLimiter(() -> (key, limit) -> nextDecision).onSignedIn(signedIn::add)
        .settings(GatewaySettings.from(Config.of(Map.of())))
        .log(new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "proj")).build();

    FakeHttp.Response first = call(g, new FakeHttp.Request("GET", "/api/things/1").header("Authorization", "Bearer t"));
    assertEquals(200, first.status);
    assertEquals(1, verified.get(), "not known yet: verified");
    FakeHttp.Response second = call(g, new FakeHttp.Request("GET", "/api/things/1").header("Authorization", "Bearer t"));
    assertEquals(200, second.status);
    assertEquals("uid-1", json(second).get("uid").getAsString());
    assertEquals(2, recalled.get());
    assertEquals(1, verified.get(), "recalled by the limits: not verified a second time");

    FakeHttp.Response removed =
        call(g, new FakeHttp.Request("DELETE", "/api/things/1").header("Authorization", "Bearer t"));
    assertEquals(204, removed.status);
    assertEquals(2, verified.get(), "a sensitive route asks the provider even for a known token");
  }
}
