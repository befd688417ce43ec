package dev.contentcreator.core.activity;

import dev.contentcreator.core.comments.CommentHook;
import dev.contentcreator.core.domain.Comment;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Records each comment change in the project's activity log, in the transaction that makes it: a
 * comment posted (a new thread or a reply), edited, deleted, and a thread resolved or reopened. The
 * record's title is the start of the comment, which every member may read anyway; removing a
 * "comment deleted" placeholder once its last reply has gone is part of that delete, not a record of
 * its own.
 */
public final class CommentActivity implements CommentHook {
  /** How much of a comment the record keeps as its title. */
  static final int EXCERPT = 80;

  private final Clock clock;

  public CommentActivity(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void written(Transaction tx, String action, String actorUid, String actorName, Comment before, Comment after) {
    Comment c = after != null ? after : before;
    if (before != null && before.deleted()) {
      return;
    }
    ActivityAction what = switch (action) {
      case "posted" -> ActivityAction.COMMENT_POSTED;
      case "edited" -> ActivityAction.COMMENT_EDITED;
      case "deleted" -> ActivityAction.COMMENT_DELETED;
      case "resolved" -> ActivityAction.COMMENT_RESOLVED;
      case "reopened" -> ActivityAction.COMMENT_REOPENED;
      default -> throw new IllegalArgumentException("no activity for a comment " + action);
    };
    Actor actor = Actor.person(actorUid, actorName != null ? actorName : actorUid.equals(c.authorUid()) ? c.authorName() : null);
    String text = (before != null && !before.deleted() ? before : c).body();
    Target target = new Target("comment", c.id(), excerpt(text), c.contentId());
    ActivityLog.record(tx, c.projectId(), clock.instant(), actor, what, target,
        Map.of("thread", c.threadId(), "version", Integer.toString(c.version()), "reply", Boolean.toString(!c.root())));
  }

  static String excerpt(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
  }
}
