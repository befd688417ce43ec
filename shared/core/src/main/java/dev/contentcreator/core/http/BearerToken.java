package dev.contentcreator.core.http;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the token of an {@code Authorization: Bearer <token>} header, for the authenticators that
 * take one. Anything else (no header, another scheme, an empty or oversized token) is refused with
 * the authenticator's own 401, whose text names the token it wants.
 *
 * @param tokenName what the token is, as a caller is told to send it ({@code Firebase ID token})
 * @param shortName what it is called when found wanting ({@code ID token})
 * @param refusal the authenticator's 401 with this detail
 */
public record BearerToken(String tokenName, String shortName, Function<String, ApiException> refusal) {
  /** Longer than any token Google or Firebase mints; a longer one is refused unread. */
  static final int MAX_CHARS = 8192;

  /** The token of this header value; throws the refusal. */
  public String read(Optional<String> authorization) {
    String value = authorization.map(String::trim).orElseThrow(
        () -> refusal.apply("Send an Authorization: Bearer <" + tokenName + "> header."));
    if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw refusal.apply("The Authorization header must be: Bearer <" + tokenName + ">.");
    }
    String token = value.substring(7).trim();
    if (token.isEmpty() || token.length() > MAX_CHARS) {
      throw refusal.apply("The " + shortName + " is not valid.");
    }
    return token;
  }
}
