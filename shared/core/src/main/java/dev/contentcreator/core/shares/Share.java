package dev.contentcreator.core.shares;

import java.time.Instant;
import java.util.List;

/**
 * A share link as stored ({@code shares/<id>}), where {@code id} is the SHA-256 (hex) of the link's
 * secret ({@link ShareTokens}). It opens {@code contentIds} of one project: one item, or a gallery
 * the sharer picked; {@code contentId} is set for a one-item link, so deleting that item finds it.
 * {@code passwordHash} ({@link SharePasswords}) is null for a link without a password;
 * {@code sessionKey} (base64url, 32 random bytes) signs the guest sessions an unlock hands out, so
 * they end with the link. Closed to clients: guests and members reach it through the API only.
 */
public record Share(String id, String projectId, String contentId, List<String> contentIds,
    SharePermission permission, String label, String passwordHash, String sessionKey, String createdBy,
    String createdByName, Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy, long views,
    Instant lastViewedAt, long version) {

  public Share {
    contentIds = List.copyOf(contentIds);
  }

  /** Whether a guest may open it at {@code now}: neither revoked nor expired. */
  public boolean isLive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  Share revoked(String by, Instant now) {
    return new Share(id, projectId, contentId, contentIds, permission, label, passwordHash, sessionKey, createdBy,
        createdByName, createdAt, expiresAt, now, by, views, lastViewedAt, version + 1);
  }

  /** The link after {@code count} more views, the last at {@code last}. */
  Share viewed(long count, Instant last) {
    Instant latest = lastViewedAt == null || last.isAfter(lastViewedAt) ? last : lastViewedAt;
    return new Share(id, projectId, contentId, contentIds, permission, label, passwordHash, sessionKey, createdBy,
        createdByName, createdAt, expiresAt, revokedAt, revokedBy, views + count, latest, version + 1);
  }
}
