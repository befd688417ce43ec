package dev.contentcreator.core.http;

import java.util.Optional;

/**
 * Checks an API key sent as {@code Authorization: Bearer <key>}: the person it speaks for, with
 * the key's {@link KeyScope}, or empty for a key that is unknown, revoked, expired or wrong. An
 * API key starts with {@link #PREFIX}, which no Firebase ID token (a JWT, {@code eyJ...}) does, so
 * the gateway tells the two apart before checking either. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ApiKeyCheck {
  /** How every API key begins. */
  String PREFIX = "cck_";

  /** The caller {@code key} speaks for, or empty when it opens nothing. */
  Optional<Caller> check(String key);

  /** Whether {@code token} is meant as an API key (it may still be a bad one). */
  static boolean looksLikeKey(String token) {
    return token != null && token.startsWith(PREFIX);
  }

  /**
   * The id a key-shaped token names ({@code cck_<20 letters and digits>_...}), for the log of a
   * refused one; empty for anything else. Nothing of the secret is read.
   */
  static Optional<String> claimedId(String token) {
    int start = PREFIX.length();
    int end = start + 20;
    if (!looksLikeKey(token) || token.length() <= end || token.charAt(end) != '_') {
      return Optional.empty();
    }
    String id = token.substring(start, end);
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return Optional.empty();
      }
    }
    return Optional.of(id);
  }

  /** Refuses every key: for gateways with no key store. */
  static ApiKeyCheck none() {
    return key -> Optional.empty();
  }
}
