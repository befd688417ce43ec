package dev.contentcreator.core.comments;

import dev.contentcreator.core.json.Inline;
import java.util.List;

/** A thread: its root comment's fields, and its replies oldest first ({@code Thread} in docs/openapi.yaml). */
public record ThreadView(@Inline CommentView root, List<CommentView> replies) {

  /** The thread with no comment saying whom it mentioned, as a share link's guest sees it. */
  ThreadView withoutMentions() {
    return new ThreadView(root.withoutMentions(), replies.stream().map(CommentView::withoutMentions).toList());
  }
}
