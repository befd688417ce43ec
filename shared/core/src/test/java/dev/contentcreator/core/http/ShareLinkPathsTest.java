package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.RateLimiter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A share link's token in the path: redacted in the logs and problem bodies, a bucket of its own, noindex. */
class ShareLinkPathsTest {
  private static final String TOKEN = "hZGVqeLI4K_UaCkDElCX0TjH_f7G4cj4oXfQ_TzRwmg";
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final List<String> buckets = new ArrayList<>();
  private boolean allow = true;

  private Gateway gateway() {
    Router router = Router.builder()
        .publicGet("/api/shares/{token}", r -> {
          throw ApiException.notFound("There is no share link here.");
        }).limitPerAddress("share", Optional.of(new RateLimiter.Limit(5, Duration.ofMinutes(1))))
        .publicGet("/api/shares/{token}/boom", r -> {
          throw new IllegalStateException("failure");
        })
        .publicGet("/api/health", r -> ApiResponse.ok(Map.of("status", "ok")))
        .build();
    IdentityVerifier none = new IdentityVerifier() {
      @Override
      public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
        throw new InvalidTokenException("no", null);
      }

      @Override
      public Optional<VerifiedIdentity> findByEmail(String email) {
        return Optional.empty();
      }
    };
    return Gateway.builder().router(router).identity(() -> none)
        .rateLimiter(() -> (key, limit) -> {
          buckets.add(key);
          return new RateLimiter.Decision(allow, 5, allow ? 4 : 0, allow ? Duration.ZERO : Duration.ofSeconds(7),
              Duration.ofSeconds(12));
        })
        .settings(GatewaySettings.from(Config.of(Map.of("TRUSTED_PROXY_HOPS", "1"))))
        .log(new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "proj"))
        .build();
  }

  private FakeHttp.Response get(String path) {
    FakeHttp.Response res = new FakeHttp.Response();
    FakeHttp.Request req = new FakeHttp.Request("GET", path).header("X-Forwarded-For", "203.0.113.9");
    gateway().service(req, res);
    return res;
  }

  @Test
  void redactsOnlyTheTokenSegment() {
    assertEquals("/api/shares/<redacted>", SecretPaths.redact("/api/shares/" + TOKEN));
    assertEquals("/api/shares/<redacted>/media", SecretPaths.redact("/api/shares/" + TOKEN + "/media"));
    assertEquals("/api/shares/", SecretPaths.redact("/api/shares/"));
    assertEquals("/api/projects/p/shares/abc", SecretPaths.redact("/api/projects/p/shares/abc"));
    assertEquals("/api/health", SecretPaths.redact("/api/health"));
  }

  @Test
  void theRequestLogAndTheProblemNeverCarryTheToken() {
    FakeHttp.Response r = get("/api/shares/" + TOKEN);
    assertEquals(404, r.status);
    String log = logBytes.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("/api/shares/<redacted>"), log);
    assertFalse(log.contains(TOKEN), log);
    assertFalse(r.text().contains(TOKEN), r.text());
    assertTrue(r.text().contains("\"instance\":\"/api/shares/<redacted>\""), r.text());
  }

  @Test
  void theFailureLogNeverCarriesTheToken() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(500, get("/api/shares/" + TOKEN + "/boom").status);
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    String all = captured.toString(StandardCharsets.UTF_8) + logBytes.toString(StandardCharsets.UTF_8);
    assertTrue(all.contains("<redacted>"), all);
    assertFalse(all.contains(TOKEN), all);
  }

  @Test
  void aPublicRouteWithABucketIsLimitedPerAddressAndAnOpenRouteWithoutOneIsNot() {
    get("/api/shares/" + TOKEN);
    assertEquals(List.of("share:ip:203.0.113.9"), buckets);
    get("/api/health");
    assertEquals(1, buckets.size(), "health has no bucket");
    allow = false;
    FakeHttp.Response r = get("/api/shares/" + TOKEN);
    assertEquals(429, r.status);
    assertEquals("7", r.header("Retry-After"));
    assertEquals("noindex, nofollow", r.header("X-Robots-Tag"), "refusals are not indexed either");
  }

  @Test
  void answersOnShareLinksAreNotIndexedOthersAreLeftAlone() {
    assertEquals("noindex, nofollow", get("/api/shares/" + TOKEN).header("X-Robots-Tag"));
    assertEquals(null, get("/api/health").header("X-Robots-Tag"));
  }
}
