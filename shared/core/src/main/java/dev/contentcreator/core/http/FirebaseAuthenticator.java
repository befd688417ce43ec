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
 * Proves a person by their Firebase ID token, or by an API key they made ({@link ApiKeyCheck}: a
 * token with the key prefix is never sent to the identity provider, and is checked against the
 * store on every call, so a revoked key is refused at once). A fresh authenticator (a sensitive route's) asks the
 * identity provider on every call, so a token of an account revoked or disabled a moment ago is
 * refused at once; the other may trust a token it verified recently. An invalid token is a 401;
 * the provider failing is a logged 503 with Retry-After, never a 500.
 */
final class FirebaseAuthenticator implements Authenticator {
  static final BearerToken TOKEN = new BearerToken("Firebase ID token", "ID token", ApiException::unauthorized);

  private static final ApiException BAD_KEY = ApiException.unauthorized(
      "The API key is not valid: it is unknown, revoked or expired.");

  private final Supplier<IdentityVerifier> identity;
  private final Supplier<ApiKeyCheck> keys;
  private final boolean fresh;

  /** An authenticator that refuses every API key. */
  FirebaseAuthenticator(Supplier<IdentityVerifier> identity, boolean fresh) {
    this(identity, ApiKeyCheck::none, fresh);
  }

  /** {@code identity} and {@code keys} are asked for only when the first token or key is checked. */
  FirebaseAuthenticator(Supplier<IdentityVerifier> identity, Supplier<ApiKeyCheck> keys, boolean fresh) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.keys = Objects.requireNonNull(keys, "keys");
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
    if (ApiKeyCheck.looksLikeKey(token)) {
      return Optional.empty(); // a key is checked against the store every time: revoking it acts at once
    }
    return identity.get().recall(token).map(FirebaseAuthenticator::caller);
  }

  @Override
  public Caller authenticate(Headers headers) {
    String token = TOKEN.read(headers.first("Authorization"));
    if (ApiKeyCheck.looksLikeKey(token)) {
      return key(token);
    }
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

  /** The person an API key speaks for; never the identity provider, which knows nothing of keys. */
  private Caller key(String token) {
    Caller who;
    boolean disabled;
    try {
      who = keys.get().check(token).orElseThrow(() -> BAD_KEY);
      // The key stops with its person's account: disabled or deleted (on a sensitive route, asked now).
      disabled = fresh ? identity.get().isDisabledFresh(who.uid()) : identity.get().isDisabled(who.uid());
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      Log.error("the API key store or the identity provider failed; the request is answered 503", e);
      throw ApiException.of(503, "identity-unavailable", "Sign-in is unavailable",
          "API keys cannot be checked right now; please try again shortly.").withHeaders(Map.of("Retry-After", "5"));
    }
    if (disabled) {
      throw ApiException.unauthorized("The account this API key belongs to is disabled.");
    }
    return who;
  }

  private static Caller caller(VerifiedIdentity who) {
    return new Caller(who.uid(), who.email(), who.name(), who.picture(), who.emailVerified());
  }
}
