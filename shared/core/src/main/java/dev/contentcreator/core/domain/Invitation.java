package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * An invitation to join a project, addressed to an e-mail address (lower-case). It stays
 * {@code pending} until someone signed in with that address, verified, accepts or declines it, an
 * owner revokes it, or it passes {@code expiresAt}. The accept link's secret is kept only as its
 * SHA-256 ({@code tokenHash}).
 */
public record Invitation(
    String id,
    String projectId,
    String projectName,
    String email,
    Role role,
    String status,
    String invitedBy,
    String invitedByName,
    Instant createdAt,
    Instant expiresAt,
    String tokenHash,
    String respondedBy,
    Instant respondedAt,
    long version) {

  public static final String PENDING = "pending";
  public static final String ACCEPTED = "accepted";
  public static final String DECLINED = "declined";
  public static final String REVOKED = "revoked";
  /** Never stored: a pending invitation past its expiry is shown as expired. */
  public static final String EXPIRED = "expired";

  /** The status as of {@code now}: a pending invitation past its expiry has expired. */
  public String statusAt(Instant now) {
    return PENDING.equals(status) && !now.isBefore(expiresAt) ? EXPIRED : status;
  }
}
