package dev.contentcreator.core.comments;

import dev.contentcreator.core.domain.Comment;
import dev.contentcreator.core.ports.DocumentStore.Transaction;

/**
 * Told of every comment write, inside the transaction that makes it, after that transaction's
 * reads: the place for an activity log entry that must exist exactly when the change does.
 * {@code before} is null for a new comment, {@code after} null for one removed outright;
 * {@code actorUid} and {@code actorName} (null when unknown) are who made the change (an owner may
 * delete someone else's comment, and any member resolves a thread).
 */
@FunctionalInterface
public interface CommentHook {
  CommentHook NONE = (tx, action, actorUid, actorName, before, after) -> { };

  /** What happened: {@code posted}, {@code edited}, {@code deleted}, {@code resolved} or {@code reopened}. */
  void written(Transaction tx, String action, String actorUid, String actorName, Comment before, Comment after);
}
