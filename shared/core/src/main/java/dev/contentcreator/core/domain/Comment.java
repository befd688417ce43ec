package dev.contentcreator.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * A comment on a content item, written on one of its versions. A thread's first comment is its
 * root ({@code threadId == id}, {@code root} true); replies share its {@code threadId} and have it
 * as {@code parentId} (one level). Only a root carries {@code resolved}, {@code resolvedBy} and
 * {@code resolvedAt}. A deleted root that still has replies stays as a placeholder without body.
 */
public record Comment(
    String id,
    String projectId,
    String contentId,
    int version,
    String threadId,
    String parentId,
    boolean root,
    String authorUid,
    String authorName,
    String body,
    List<String> mentions,
    Anchor anchor,
    Instant createdAt,
    Instant editedAt,
    boolean deleted,
    boolean resolved,
    String resolvedBy,
    Instant resolvedAt) {

  public Comment {
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }
}
