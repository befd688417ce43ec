package dev.contentcreator.functions.users;

import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.keys.ApiKeyService;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the body of {@code POST /api/me/keys}: {@code name}, {@code role} (viewer, editor or owner),
 * {@code projectId} (absent or null for all of the person's projects), and an expiry, either
 * {@code expiresAt} (a date and time) or {@code ttlDays} (1 to 365), not both; neither for the
 * default. Anything else is a 400 naming the field.
 */
final class ApiKeys {
  private ApiKeys() {}

  static ApiKeyService.Request request(ApiRequest r) {
    JsonBody body = r.json();
    String name = body.requiredString("name", 1, ApiKeyService.MAX_NAME);
    Optional<String> roleText = body.string("role", 1, 20);
    Role role = roleText.flatMap(Role::parse).orElse(null);
    if (role == null) {
      body.reject("role", "must be viewer, editor or owner");
    }
    String projectId = body.string("projectId", 1, 128).orElse(null);
    if (projectId != null && !Ids.isWellFormed(projectId)) {
      body.reject("projectId", "is not a project id");
    }
    Instant expiresAt = body.string("expiresAt", 1, 40).map(t -> {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        body.reject("expiresAt", "must be a date and time such as 2030-01-31T12:00:00Z");
        return null;
      }
    }).orElse(null);
    boolean hasTtl = body.has("ttlDays");
    int ttlDays = body.integer("ttlDays", 0, 1, (int) ApiKeyService.MAX_TTL.toDays());
    if (hasTtl && body.has("expiresAt")) {
      body.reject("ttlDays", "give either expiresAt or ttlDays, not both");
    }
    body.finish();
    Duration ttl = hasTtl && ttlDays > 0 ? Duration.ofDays(ttlDays) : null;
    return new ApiKeyService.Request(name, projectId, role, expiresAt, ttl);
  }
}
