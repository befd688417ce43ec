package dev.contentcreator.core.keys;

import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;

/**
 * An API key as its person sees it ({@code ApiKey} in docs/openapi.yaml): never its secret, only
 * the first characters that name it ({@code prefix}); {@code projectId} is absent for a key that
 * reaches all the person's projects; {@code status} is {@code active}, {@code expired} or
 * {@code revoked} at the time of the answer.
 */
@OmitNulls
public record ApiKeyView(String id, String name, String prefix, String projectId, String role, String status,
    Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

  static ApiKeyView of(ApiKey k, Instant now) {
    String status = k.revokedAt() != null ? "revoked" : now.isBefore(k.expiresAt()) ? "active" : "expired";
    return new ApiKeyView(k.id(), k.name(), ApiKeyFormat.prefixOf(k.id()), k.projectId(), k.role(), status,
        k.createdAt(), k.expiresAt(), k.revokedAt(), k.lastUsedAt());
  }
}
