package dev.contentcreator.core.http;

import java.util.Optional;

/**
 * The step of the request pipeline that proves who sent a request, chosen per route: a Firebase ID
 * token for people, a Google-signed OIDC token for Google's services calling an internal endpoint,
 * or {@link #none()} for a route declared open to anyone. Runs before the body is read, so nobody
 * unproved gets a large body read. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Authenticator {
  /**
   * Who sent the request with these headers.
   *
   * @throws ApiException to refuse it: 401 (with {@code WWW-Authenticate}) when nothing valid was
   *     sent, 403 for a valid caller who may not call here, 503 with Retry-After when what checks
   *     it cannot be reached
   */
  Principal authenticate(Headers headers);

  /**
   * The person these headers' token proved a short while ago, if this authenticator still trusts
   * that without checking anything (no call, no signature): the rate limits use it to take the
   * person's token in the same step as the address's. {@link #authenticate} still runs after it.
   */
  default Optional<Caller> recall(Headers headers) {
    return Optional.empty();
  }

  /** Whether this lets anyone in; true only of {@link #none()}. */
  default boolean isOpen() {
    return false;
  }

  /**
   * The authenticator of a route open to anyone (health, a provider's webhook that proves itself
   * in its handler). Never a default: a route has it only where it is declared.
   */
  static Authenticator none() {
    return OpenAccess.INSTANCE;
  }

  /** The request's headers, by case-insensitive name. */
  @FunctionalInterface
  interface Headers {
    Optional<String> first(String name);
  }
}
