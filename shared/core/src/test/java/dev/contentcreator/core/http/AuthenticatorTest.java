package dev.contentcreator.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.IdentityVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The authenticators a route can have, and the Bearer header they share. */
class AuthenticatorTest {
  private final List<String> asked = new ArrayList<>();

  private final IdentityVerifier identity = new IdentityVerifier() {
    @Override
    public VerifiedIdentity verify(String idToken) throws InvalidTokenException {
      asked.add("verify " + idToken);
      return answer(idToken);
    }

    @Override
    public VerifiedIdentity verifyFresh(String idToken) throws InvalidTokenException {
      asked.add("fresh " + idToken);
      return answer(idToken);
    }

    private VerifiedIdentity answer(String idToken) throws InvalidTokenException {
      if (idToken.equals("down")) {
        throw new IllegalStateException("provider down");
      }
      if (!idToken.equals("good")) {
        throw new InvalidTokenException("it has been revoked", null);
      }
      return new VerifiedIdentity("uid-1", "a@example.com", "A", null, null, true);
    }

    @Override
    public Optional<VerifiedIdentity> findByEmail(String email) {
      return Optional.empty();
    }
  };

  private static Authenticator.Headers authorization(String value) {
    Map<String, String> headers = value == null ? Map.of() : Map.of("Authorization", value);
    return name -> Optional.ofNullable(headers.get(name));
  }

  private static ApiException refused(Authenticator a, String header) {
    return assertThrows(ApiException.class, () -> a.authenticate(authorization(header)));
  }

  @Test
  void noneLetsAnyoneInAsNobodyAndIsTheOnlyOpenOne() {
    assertInstanceOf(Principal.Anonymous.class, Authenticator.none().authenticate(authorization(null)));
    assertTrue(Authenticator.none().isOpen());
    assertFalse(new FirebaseAuthenticator(() -> identity, false).isOpen());
    assertFalse(((Authenticator) h -> Authenticator.none().authenticate(h)).isOpen(), "open only where declared");
  }

  @Test
  void aFirebaseTokenProvesAPerson() {
    Principal who = new FirebaseAuthenticator(() -> identity, false).authenticate(authorization("Bearer good"));
    assertEquals(new Caller("uid-1", "a@example.com", "A", null, true), who);
    assertEquals(List.of("verify good"), asked);
  }

  @Test
  void aFreshAuthenticatorAsksTheProviderEveryTime() {
    Authenticator fresh = new FirebaseAuthenticator(() -> identity, true);
    fresh.authenticate(authorization("bearer  good "));
    ApiException e = refused(fresh, "Bearer revoked");
    assertEquals(401, e.status());
    assertTrue(e.detail().contains("revoked"), e.detail());
    assertEquals(List.of("fresh good", "fresh revoked"), asked);
  }

  @Test
  void aMissingOrMalformedHeaderIsA401WithAChallengeAndNeverReachesTheProvider() {
    Authenticator firebase = new FirebaseAuthenticator(() -> {
      throw new AssertionError("the provider is not asked");
    }, false);
    for (String header : new String[] {null, "", "Basic abc", "Bearer", "Bearer " + "x".repeat(8193)}) {
      ApiException e = refused(firebase, header);
      assertEquals(401, e.status(), String.valueOf(header));
      assertTrue(e.headers().get("WWW-Authenticate").startsWith("Bearer realm="));
    }
    assertEquals("Send an Authorization: Bearer <Firebase ID token> header.", refused(firebase, null).detail());
    assertEquals("The Authorization header must be: Bearer <Firebase ID token>.", refused(firebase, "Basic a").detail());
    assertEquals("The ID token is not valid.", refused(firebase, "Bearer " + "x".repeat(8193)).detail());
  }

  @Test
  void aFailingProviderIs503WithRetryAfterNotAnError() {
    ApiException e = refused(new FirebaseAuthenticator(() -> identity, false), "Bearer down");
    assertEquals(503, e.status());
    assertEquals("identity-unavailable", e.type());
    assertEquals("5", e.headers().get("Retry-After"));
  }

  @Test
  void theBearerHeaderNamesTheTokenItWants() {
    BearerToken oidc = new BearerToken("Google-signed OIDC token", "OIDC token", ApiException::forbidden);
    assertEquals("abc.def", oidc.read(Optional.of("  Bearer abc.def ")));
    assertEquals("Send an Authorization: Bearer <Google-signed OIDC token> header.",
        assertThrows(ApiException.class, () -> oidc.read(Optional.empty())).detail());
    assertEquals(403, assertThrows(ApiException.class, () -> oidc.read(Optional.of("Token x"))).status());
  }
}
