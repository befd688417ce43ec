package dev.contentcreator.core.keys;

import dev.contentcreator.core.domain.Role;
import java.time.Instant;

/**
 * An API key as stored in {@code apikeys/<id>}: whose it is, what it reaches ({@code projectId},
 * null for all of the person's projects) and with which highest {@code role} (a wire name), until
 * when, and the SHA-256 of its secret ({@code secretHash}); never the secret. {@code email} and
 * {@code displayName} are the person's when they made it, for the requests the key signs.
 */
public record ApiKey(String id, String uid, String name, String projectId, String role, String secretHash, String email,
    String displayName, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

  Role roleValue() {
    return Role.parse(role).orElse(Role.VIEWER);
  }

  /** Whether it opens anything at {@code now}: not revoked, not expired. */
  boolean isActive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  ApiKey revoked(Instant now) {
    return new ApiKey(id, uid, name, projectId, role, secretHash, email, displayName, createdAt, expiresAt, now,
        lastUsedAt);
  }

  ApiKey used(Instant now) {
    return new ApiKey(id, uid, name, projectId, role, secretHash, email, displayName, createdAt, expiresAt, revokedAt,
        now);
  }
}
