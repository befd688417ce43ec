package dev.contentcreator.core.http;

/**
 * The signed-in person behind a request, as their verified token names them. {@code emailVerified}
 * is the token's {@code email_verified} claim: whether the identity provider has seen the person
 * prove they own {@code email}. Anything granted to an address (invitations) needs it true.
 */
public record Caller(String uid, String email, String name, String picture, boolean emailVerified)
    implements Principal {

  /** A caller whose address is not known to be verified. */
  public Caller(String uid, String email, String name, String picture) {
    this(uid, email, name, picture, false);
  }
}
