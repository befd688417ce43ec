package dev.contentcreator.core.http;

/**
 * Who sent a request, as the {@link Authenticator} of its route established it: a signed-in
 * person ({@link Caller}), one of Google's services calling an internal endpoint
 * ({@link ServiceAccount}), or nobody in particular on a route declared open to anyone.
 */
public sealed interface Principal permits Caller, ServiceAccount, Principal.Anonymous {
  /** The caller of an open route: nothing is known of them. */
  record Anonymous() implements Principal {}
}
