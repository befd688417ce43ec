package dev.contentcreator.core.http;

/**
 * The signed-in person behind a request, as their verified token names them. {@code emailVerified}
 * is the token's {@code email_verified} claim: whether the identity provider has seen the person
 * prove they own {@code email}. Anything granted to an address (invitations) needs it true.
 * {@code key} is the scope of the API key the request was signed with, or null when the person
 * signed it with their own ID token.
 */
public record Caller(String uid, String email, String name, String picture, boolean emailVerified, KeyScope key)
    implements Principal {

  /** A person signed in with their own ID token. */
  public Caller(String uid, String email, String name, String picture, boolean emailVerified) {
    this(uid, email, name, picture, emailVerified, null);
  }

  /** A caller whose address is not known to be verified. */
  public Caller(String uid, String email, String name, String picture) {
    this(uid, email, name, picture, false);
  }

  /** Whether the request was signed with an API key rather than the person's own token. */
  public boolean viaKey() {
    return key != null;
  }
}
