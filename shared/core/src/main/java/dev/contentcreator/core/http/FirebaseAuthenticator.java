package dev.contentcreator.core.http;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.IdentityVerifier.InvalidTokenException;
import dev.contentcreator.core.ports.IdentityVerifier.VerifiedIdentity;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Proves a person by their Firebase ID token. A fresh authenticator (a sensitive route's) asks the
 * identity provider on every call, so a token of an account revoked or disabled a moment ago is
 * refused at once; the other may trust a token it verified recently. An invalid token is a 401;
 * the provider failing is a logged 503 with Retry-After, never a 500.
 */
final class FirebaseAuthenticator implements Authenticator {
  static final BearerToken TOKEN = new BearerToken("Firebase ID token", "ID token", ApiException::unauthorized);

  private final Supplier<IdentityVerifier> identity;
  private final boolean fresh;

  /** {@code identity} is asked for only when the first token is checked. */
  FirebaseAuthenticator(Supplier<IdentityVerifier> identity, boolean fresh) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.fresh = fresh;
  }

  /** A sensitive route's (fresh) authenticator recalls nothing: it asks the provider every time. */
  @Override
  public Optional<Caller> recall(Headers headers) {
    if (fresh) {
      return Optional.empty();
    }
    String token;
    try {
      token = TOKEN.read(headers.first("Authorization"));
    } catch (ApiException e) {
      return Optional.empty(); // authenticate says why
    }
    return identity.get().recall(token).map(FirebaseAuthenticator::caller);
  }

  @Override
  public Caller authenticate(Headers headers) {
    String token = TOKEN.read(headers.first("Authorization"));
    VerifiedIdentity who;
    try {
      who = fresh ? identity.get().verifyFresh(token) : identity.get().verify(token);
    } catch (InvalidTokenException e) {
      throw ApiException.unauthorized("The ID token is not valid: " + e.getMessage());
    } catch (RuntimeException e) {
      Log.error("the identity provider failed; the request is answered 503", e);
      throw ApiException.of(503, "identity-unavailable", "Sign-in is unavailable",
          "The sign-in service did not answer; please try again shortly.").withHeaders(Map.of("Retry-After", "5"));
    }
    return caller(who);
  }

  private static Caller caller(VerifiedIdentity who) {
    return new Caller(who.uid(), who.email(), who.name(), who.picture(), who.emailVerified());
  }
}
