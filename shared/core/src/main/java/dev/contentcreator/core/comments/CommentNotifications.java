package dev.contentcreator.core.comments;

import dev.contentcreator.core.domain.Comment;
import dev.contentcreator.core.notifications.NotificationKind;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is told of a new comment, and as what, one kind per person, the strongest first: the
 * members it mentions ({@code mention}); for a reply, everyone else who wrote in the thread
 * (the root's author and the other repliers, {@code reply}); for a new thread, the item's creator
 * ({@code comment}). Only current members are told, and never the comment's author.
 */
final class CommentNotifications {
  private CommentNotifications() {}

  static Map<String, NotificationKind> recipients(Comment posted, String itemCreator, Collection<Comment> thread,
      Set<String> members) {
    Map<String, NotificationKind> out = new LinkedHashMap<>();
    for (String uid : posted.mentions()) {
      out.putIfAbsent(uid, NotificationKind.MENTION);
    }
    if (posted.root()) {
      if (itemCreator != null) {
        out.putIfAbsent(itemCreator, NotificationKind.COMMENT);
      }
    } else {
      for (Comment c : thread) {
        if (!c.deleted() && !c.id().equals(posted.id())) {
          out.putIfAbsent(c.authorUid(), NotificationKind.REPLY);
        }
      }
    }
    out.remove(posted.authorUid());
    out.keySet().retainAll(members);
    return out;
  }
}
