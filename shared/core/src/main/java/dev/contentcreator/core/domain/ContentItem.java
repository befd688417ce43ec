package dev.contentcreator.core.domain;

import java.time.Instant;

/**
 * A piece of content in a project: a text, an image or a video. Its body lives in versions;
 * {@code currentVersion} names the one shown, {@code latestVersion} the newest. {@code reviewStatus}
 * is never null: an item stored without one (before review existed) reads as draft.
 */
public record ContentItem(
    String id,
    String projectId,
    ContentKind kind,
    String title,
    int currentVersion,
    int latestVersion,
    String preview,
    String jobId,
    boolean demo,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version,
    ReviewStatus reviewStatus) {

  public ContentItem {
    reviewStatus = reviewStatus == null ? ReviewStatus.DRAFT : reviewStatus;
  }

  /** An item in draft. */
  public ContentItem(String id, String projectId, ContentKind kind, String title, int currentVersion,
      int latestVersion, String preview, String jobId, boolean demo, String createdBy, Instant createdAt,
      Instant updatedAt, long version) {
    this(id, projectId, kind, title, currentVersion, latestVersion, preview, jobId, demo, createdBy, createdAt,
        updatedAt, version, ReviewStatus.DRAFT);
  }

  /** This item in another review state, one write later. */
  public ContentItem withReviewStatus(ReviewStatus status, Instant now) {
    return new ContentItem(id, projectId, kind, title, currentVersion, latestVersion, preview, jobId, demo, createdBy,
        createdAt, now, version + 1, status);
  }
}
