package dev.contentcreator.core.comments;

import dev.contentcreator.core.domain.Anchor;
import dev.contentcreator.core.domain.Comment;
import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;
import java.util.List;

/**
 * A comment as the API shows it ({@code Comment} in docs/openapi.yaml). A deleted thread root
 * shows as a placeholder: {@code deleted} true, no body, author or mentions. {@code resolved} (and
 * who resolved it, when) is on thread roots only. Absent fields are left out.
 */
@OmitNulls
public record CommentView(String id, String projectId, String contentId, int version, String threadId, String parentId,
    Author author, String body, List<String> mentions, Anchor anchor, Instant createdAt, Instant editedAt,
    boolean deleted, Boolean resolved, String resolvedBy, Instant resolvedAt) {

  /** Who wrote a comment. */
  public record Author(String uid, String name) {}

  /** This comment without the uids it mentioned. */
  CommentView withoutMentions() {
    return new CommentView(id, projectId, contentId, version, threadId, parentId, author, body, null, anchor,
        createdAt, editedAt, deleted, resolved, resolvedBy, resolvedAt);
  }

  static CommentView of(Comment c, Anchor shown) {
    boolean gone = c.deleted();
    return new CommentView(c.id(), c.projectId(), c.contentId(), c.version(), c.threadId(), c.parentId(),
        gone ? null : new Author(c.authorUid(), c.authorName()), gone ? null : c.body(),
        gone ? null : c.mentions(), shown, c.createdAt(), gone ? null : c.editedAt(), gone,
        c.root() ? c.resolved() : null, c.root() ? c.resolvedBy() : null, c.root() ? c.resolvedAt() : null);
  }
}
