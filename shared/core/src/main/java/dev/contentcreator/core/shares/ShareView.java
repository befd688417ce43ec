package dev.contentcreator.core.shares;

import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;
import java.util.List;

/**
 * A share link as members see it ({@code Share} in docs/openapi.yaml): never its secret or its
 * password, only whether it has one; {@code status} is {@code active}, {@code expired} or
 * {@code revoked} at the time of the answer.
 */
@OmitNulls
public record ShareView(String id, String projectId, List<String> contentIds, String permission, String label,
    boolean hasPassword, String status, String createdBy, String createdByName, Instant createdAt, Instant expiresAt,
    Instant revokedAt, long views, Instant lastViewedAt) {

  static ShareView of(Share s, Instant now) {
    String status = s.revokedAt() != null ? "revoked" : now.isBefore(s.expiresAt()) ? "active" : "expired";
    return new ShareView(s.id(), s.projectId(), s.contentIds(), s.permission().wireName(), s.label(), s.hasPassword(),
        status, s.createdBy(), s.createdByName(), s.createdAt(), s.expiresAt(), s.revokedAt(), s.views(),
        s.lastViewedAt());
  }
}
