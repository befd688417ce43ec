package dev.contentcreator.core.publishing;

import java.time.Instant;
import java.util.List;

/**
 * One content item's publication through one connection ({@code publications}): which version, as
 * a draft or published, when, and how it went.
 *
 * <p>{@code status}: {@code scheduled} (waiting for {@code publishAt}), {@code publishing} (a try
 * holds it until {@code leaseUntil}, or it waits for its next try at {@code nextAttemptAt} after a
 * failure that may pass), {@code published} (with {@code remoteId} and {@code remoteUrl}),
 * {@code failed} (with {@code error}, a reason a person reads) or {@code canceled}. {@code round}
 * grows when the time is changed or a failed publication is tried again, so tasks of an earlier
 * round do nothing; {@code attempts} counts tries in the round.
 */
public record Publication(String id, String projectId, String contentId, String contentTitle, int versionNumber,
    String connectionId, String channel, String connectionName, String mode, String status, Instant publishAt,
    int round, int attempts, Instant leaseUntil, Instant nextAttemptAt, String remoteId, String remoteUrl, String error,
    List<String> tags, String imageContentId, String createdBy, Instant createdAt, Instant updatedAt,
    Instant publishedAt) {

  public static final String SCHEDULED = "scheduled";
  public static final String PUBLISHING = "publishing";
  public static final String PUBLISHED = "published";
  public static final String FAILED = "failed";
  public static final String CANCELED = "canceled";
  public static final String DRAFT = "draft";
  public static final String PUBLISH = "publish";

  public Publication {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  boolean ended() {
    return status.equals(PUBLISHED) || status.equals(FAILED) || status.equals(CANCELED);
  }

  Publication with(String status, int round, int attempts, Instant publishAt, Instant leaseUntil,
      Instant nextAttemptAt, String remoteId, String remoteUrl, String error, Instant now, Instant publishedAt) {
    return new Publication(id, projectId, contentId, contentTitle, versionNumber, connectionId, channel, connectionName,
        mode, status, publishAt, round, attempts, leaseUntil, nextAttemptAt, remoteId, remoteUrl, error, tags,
        imageContentId, createdBy, createdAt, now, publishedAt);
  }
}
