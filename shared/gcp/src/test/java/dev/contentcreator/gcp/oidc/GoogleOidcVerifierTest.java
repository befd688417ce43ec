package dev.contentcreator.gcp.oidc;

import dev.contentcreator.core.config.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.auth.http.HttpTransportFactory;
import com.google.gson.JsonObject;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ServiceAccount;
import dev.contentcreator.testkit.oidc.TestSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The checks of a Google-signed OIDC token, with a key the test makes and serves in process. */
class GoogleOidcVerifierTest {
  static final String AUDIENCE = "https://tasks-abc-ew.a.run.app";
  static final String INVOKER = "tasks-invoker@demo-project.iam.gserviceaccount.com";
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static final TestSigner google = TestSigner.generate("key-1");
  private final AtomicInteger keyFetches = new AtomicInteger();

  private HttpTransportFactory serving(String jwks) {
    return () -> new MockHttpTransport() {
      @Override
      public LowLevelHttpRequest buildRequest(String method, String url) {
        keyFetches.incrementAndGet();
        return new MockLowLevelHttpRequest(url)
            .setResponse(new MockLowLevelHttpResponse().setContentType("application/json").setContent(jwks));
      }
    };
  }

  private GoogleOidcVerifier verifier(String jwks) {
    return GoogleOidcVerifier.builder().audience(AUDIENCE).allowedEmails(List.of(INVOKER))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .publicKeys("https://keys.test/certs", serving(jwks)).build();
  }

  private GoogleOidcVerifier verifier() {
    return verifier(google.jwks());
  }

  private static JsonObject claims() {
    return TestSigner.claims(AUDIENCE, INVOKER, NOW.minusSeconds(60));
  }

  private static Optional<String> bearer(String token) {
    return Optional.of("Bearer " + token);
  }

  private static ApiException refused(GoogleOidcVerifier v, Optional<String> header) {
    return assertThrows(ApiException.class, () -> v.verify(header));
  }

  private static void assertUnauthorized(ApiException e) {
    assertEquals(401, e.status(), e.detail());
    assertTrue(e.headers().get("WWW-Authenticate").startsWith("Bearer "), e.headers().toString());
  }

  @Test
  void aValidTokenOfAnAllowedServiceAccountPasses() {
    assertEquals(INVOKER, verifier().verify(bearer(google.sign(claims()))));
  }

  @Test
  void asAnAuthenticatorItProvesTheServiceAccountFromTheRequestsHeader() {
    String token = google.sign(claims());
    ServiceAccount who = verifier().authenticate(name -> name.equals("Authorization")
        ? Optional.of("Bearer " + token) : Optional.empty());
    assertEquals(new ServiceAccount(INVOKER), who);
    assertFalse(verifier().isOpen());
    assertUnauthorized(assertThrows(ApiException.class, () -> verifier().authenticate(name -> Optional.empty())));
  }

  @Test
  void googlesKeysAreFetchedOnceForManyTokens() {
    GoogleOidcVerifier v = verifier();
    for (int i = 0; i < 5; i++) {
      v.verify(bearer(google.sign(claims())));
    }
    assertEquals(1, keyFetches.get());
  }

  @Test
  void noHeaderIsUnauthorized() {
    assertUnauthorized(refused(verifier(), Optional.empty()));
  }

  @Test
  void aHeaderThatIsNotBearerIsUnauthorized() {
    assertUnauthorized(refused(verifier(), Optional.of("Basic dXNlcjpwYXNz")));
  }

  @Test
  void garbageIsUnauthorized() {
    assertUnauthorized(refused(verifier(), bearer("not.a.token")));
    assertUnauthorized(refused(verifier(), bearer("abc")));
  }

  @Test
  void anotherAudienceIsUnauthorized() {
    JsonObject c = claims();
    c.addProperty("aud", "https://someone-else.example");
    ApiException e = refused(verifier(), bearer(google.sign(c)));
    assertUnauthorized(e);
    assertTrue(e.detail().contains("audience"), e.detail());
  }

  @Test
  void anExpiredTokenIsUnauthorized() {
    JsonObject c = claims();
    c.addProperty("exp", NOW.minusSeconds(1).getEpochSecond());
    ApiException e = refused(verifier(), bearer(google.sign(c)));
    assertUnauthorized(e);
    assertTrue(e.detail().contains("expired"), e.detail());
  }

  @Test
  void aTokenWithoutExpiryIsUnauthorized() {
    JsonObject c = claims();
    c.remove("exp");
    assertUnauthorized(refused(verifier(), bearer(google.sign(c))));
  }

  @Test
  void anotherIssuerIsUnauthorized() {
    JsonObject c = claims();
    c.addProperty("iss", "https://evil.example");
    ApiException e = refused(verifier(), bearer(google.sign(c)));
    assertUnauthorized(e);
    assertTrue(e.detail().contains("Google"), e.detail());
  }

  @Test
  void aSignatureByAnotherKeyIsUnauthorized() {
    TestSigner impostor = TestSigner.generate("key-1");
    ApiException e = refused(verifier(), bearer(impostor.sign(claims())));
    assertUnauthorized(e);
    assertTrue(e.detail().contains("signature"), e.detail());
  }

  @Test
  void aTamperedPayloadIsUnauthorized() {
    String[] parts = google.sign(claims()).split("\\.");
    JsonObject c = claims();
    c.addProperty("email", "someone@demo-project.iam.gserviceaccount.com");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(c.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    assertUnauthorized(refused(verifier(), bearer(forged)));
  }

  @Test
  void aKeyIdGoogleDoesNotPublishIsUnauthorized() {
    TestSigner other = TestSigner.generate("key-2");
    assertUnauthorized(refused(verifier(), bearer(other.sign(claims()))));
  }

  @Test
  void anUnverifiedEmailIsUnauthorized() {
    JsonObject c = claims();
    c.addProperty("email_verified", false);
    ApiException e = refused(verifier(), bearer(google.sign(c)));
    assertUnauthorized(e);
    assertTrue(e.detail().contains("verified"), e.detail());
  }

  @Test
  void aTokenWithoutEmailIsUnauthorized() {
    JsonObject c = claims();
    c.remove("email");
    assertUnauthorized(refused(verifier(), bearer(google.sign(c))));
  }

  @Test
  void anotherServiceAccountIsForbidden() {
    JsonObject c = claims();
    c.addProperty("email", "someone-else@demo-project.iam.gserviceaccount.com");
    ApiException e = refused(verifier(), bearer(google.sign(c)));
    assertEquals(403, e.status());
  }

  @Test
  void unreachableKeysAreAServiceUnavailableNotAnUnauthorized() {
    HttpTransportFactory down = () -> new MockHttpTransport() {
      @Override
      public LowLevelHttpRequest buildRequest(String method, String url)
          throws java.io.IOException {
        throw new java.net.ConnectException("no route to the keys");
      }
    };
    GoogleOidcVerifier v = GoogleOidcVerifier.builder().audience(AUDIENCE).allowedEmails(List.of(INVOKER))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).publicKeys("https://keys.test/certs", down).build();
    ApiException e = refused(v, bearer(google.sign(claims())));
    assertEquals(503, e.status());
    assertTrue(e.headers().containsKey("Retry-After"));
  }

  @Test
  void settingsNameTheAudienceAndTheInvokers() {
    GoogleOidcVerifier v = GoogleOidcVerifier.fromConfig(Config.of(Map.of("TASKS_AUDIENCE", AUDIENCE,
        "TASKS_INVOKER_SA", " a@x.iam.gserviceaccount.com , b@x.iam.gserviceaccount.com ")), Settings.TASKS_AUDIENCE,
        Settings.TASKS_INVOKER_SA);
    assertEquals(AUDIENCE, v.audience());
  }

  @Test
  void missingSettingsAreAClearStartupError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GoogleOidcVerifier.fromConfig(Config.of(Map.of("TASKS_AUDIENCE", AUDIENCE)), Settings.TASKS_AUDIENCE,
            Settings.TASKS_INVOKER_SA));
    assertTrue(e.getMessage().contains("TASKS_INVOKER_SA"), e.getMessage());
  }
}
