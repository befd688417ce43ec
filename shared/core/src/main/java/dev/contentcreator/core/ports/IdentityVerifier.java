package dev.contentcreator.core.ports;

import java.time.Instant;
import java.util.Optional;

/**
 * The identity port: checks a Firebase ID token and looks up accounts. Adapter: Firebase Auth
 * through firebase-admin, pointed at the Auth emulator on one machine.
 */
public interface IdentityVerifier {

  /**
   * The caller named by a valid token; throws {@link InvalidTokenException} for any other. An
   * adapter may answer from what it verified a short while ago (see the platform's token cache).
   */
  VerifiedIdentity verify(String idToken) throws InvalidTokenException;

  /**
   * Like {@link #verify} but asked of the identity provider now: a token whose account was revoked
   * (signed out everywhere, password changed) or disabled since it was issued is refused, and no
   * cache answers. For sensitive routes. The default suits an adapter with nothing to revoke.
   */
  default VerifiedIdentity verifyFresh(String idToken) throws InvalidTokenException {
    return verify(idToken);
  }

  /**
   * Makes ready, off a request's path, what the first verification would otherwise make on it (the
   * identity provider's HTTP client and connection). A new function instance calls it at launch
   * (WARM_START). The default does nothing; a failure is thrown, for the caller to log.
   */
  default void warmUp() {}

  /**
   * What this verifier proved about the token a short while ago and still trusts, found without
   * asking anyone; empty when {@link #verify} would have to check it. Lets the gateway take a known
   * person's rate-limit token together with their address's, in one step. The default remembers
   * nothing.
   */
  default Optional<VerifiedIdentity> recall(String idToken) {
    return Optional.empty();
  }

  /**
   * Whether the account {@code uid} is disabled or no longer exists, so that what it made to act for
   * it (API keys) stops with it. An adapter may answer from what it learnt a short while ago. The
   * default suits an adapter with nothing to disable.
   */
  default boolean isDisabled(String uid) {
    return false;
  }

  /** Like {@link #isDisabled} but asked of the identity provider now, for sensitive routes. */
  default boolean isDisabledFresh(String uid) {
    return isDisabled(uid);
  }

  /** The account with this e-mail address, if the identity provider has one. */
  Optional<VerifiedIdentity> findByEmail(String email);

  /**
   * Who the token speaks for, and until when the token is valid (null for an account looked up
   * by e-mail). Email, name and picture may be null. {@code emailVerified} is the provider's word
   * that the person proved they own the address (the token's {@code email_verified} claim).
   */
  record VerifiedIdentity(String uid, String email, String name, String picture, Instant expiresAt,
      boolean emailVerified) {

    /** An identity whose address is not known to be verified. */
    public VerifiedIdentity(String uid, String email, String name, String picture, Instant expiresAt) {
      this(uid, email, name, picture, expiresAt, false);
    }
  }

  /** The token is missing, malformed, expired, revoked or meant for another project. */
  final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
