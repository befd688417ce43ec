package dev.contentcreator.core.keys;

import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Secrets;
import dev.contentcreator.core.http.ApiKeyCheck;
import java.util.Optional;

/**
 * The text of an API key: {@code cck_<id>_<secret>}, the prefix ({@link ApiKeyCheck#PREFIX}) that
 * tells it from an ID token, the key's 20-character id (its document id, safe to log and show) and a
 * {@link Secrets} secret (256 random bits, base64url). 68 characters in all.
 */
final class ApiKeyFormat {
  static final int ID_LENGTH = 20;
  static final int LENGTH = ApiKeyCheck.PREFIX.length() + ID_LENGTH + 1 + Secrets.LENGTH;

  private ApiKeyFormat() {}

  /** The key's id and its secret, as one parsed from a key. */
  record Parts(String id, String secret) {}

  static String format(String id, String secret) {
    return ApiKeyCheck.PREFIX + id + "_" + secret;
  }

  /** What a list shows of a key: its prefix and id, enough to tell keys apart, nothing to sign with. */
  static String prefixOf(String id) {
    return ApiKeyCheck.PREFIX + id;
  }

  /** The parts of {@code key}, or empty when it is not shaped like a key this product makes. */
  static Optional<Parts> parse(String key) {
    if (key == null || key.length() != LENGTH || !key.startsWith(ApiKeyCheck.PREFIX)) {
      return Optional.empty();
    }
    int idStart = ApiKeyCheck.PREFIX.length();
    String id = key.substring(idStart, idStart + ID_LENGTH);
    if (key.charAt(idStart + ID_LENGTH) != '_' || !id.matches("[A-Za-z0-9]{" + ID_LENGTH + "}")) {
      return Optional.empty();
    }
    String secret = key.substring(idStart + ID_LENGTH + 1);
    return Secrets.isWellFormed(secret) && Ids.isWellFormed(id) ? Optional.of(new Parts(id, secret)) : Optional.empty();
  }
}
