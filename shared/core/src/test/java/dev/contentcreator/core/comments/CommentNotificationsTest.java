package dev.contentcreator.core.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.contentcreator.core.domain.Comment;
import dev.contentcreator.core.notifications.NotificationKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentNotificationsTest {
  private static final Set<String> MEMBERS = Set.of("ana", "bo", "cy", "dee", "creator");

  private static Comment root(String id, String author, List<String> mentions) {
    return new Comment(id, "p", "c", 1, id, null, true, author, author, "hi", mentions, null, Instant.EPOCH, null, false,
        false, null, null);
  }

  private static Comment reply(String id, String thread, String author, List<String> mentions, boolean deleted) {
    return new Comment(id, "p", "c", 1, thread, thread, false, author, author, "re", mentions, null, Instant.EPOCH, null,
        deleted, false, null, null);
  }

  @Test
  void aNewThreadTellsTheItemsCreatorAndMentionsTheMentioned() {
    Comment c = root("t", "ana", List.of("bo"));
    assertEquals(Map.of("bo", NotificationKind.MENTION, "creator", NotificationKind.COMMENT),
        CommentNotifications.recipients(c, "creator", List.of(c), MEMBERS));
  }

  @Test
  void aMentionOutranksTheOtherKinds() {
    Comment c = root("t", "ana", List.of("creator"));
    assertEquals(Map.of("creator", NotificationKind.MENTION), CommentNotifications.recipients(c, "creator", List.of(c), MEMBERS));
    Comment t = root("t", "bo", List.of());
    Comment r = reply("r", "t", "ana", List.of("bo"), false);
    assertEquals(Map.of("bo", NotificationKind.MENTION), CommentNotifications.recipients(r, "creator", List.of(t, r), MEMBERS));
  }

  @Test
  void aReplyTellsEveryoneElseWhoWroteInTheThreadButNotTheItemsCreator() {
    Comment t = root("t", "bo", List.of());
    Comment r1 = reply("r1", "t", "cy", List.of(), false);
    Comment r2 = reply("r2", "t", "dee", List.of(), true);
    Comment mine = reply("r3", "t", "ana", List.of(), false);
    assertEquals(Map.of("bo", NotificationKind.REPLY, "cy", NotificationKind.REPLY),
        CommentNotifications.recipients(mine, "creator", List.of(t, r1, r2, mine), MEMBERS));
  }

  @Test
  void theAuthorIsNeverToldOfTheirOwnComment() {
    Comment c = root("t", "creator", List.of("creator"));
    assertEquals(Map.of(), CommentNotifications.recipients(c, "creator", List.of(c), MEMBERS));
    Comment t = root("t", "ana", List.of());
    Comment r = reply("r", "t", "ana", List.of(), false);
    assertEquals(Map.of(), CommentNotifications.recipients(r, "creator", List.of(t, r), MEMBERS));
  }

  @Test
  void peopleWhoAreNoLongerMembersAreNotTold() {
    Comment t = root("t", "left", List.of());
    Comment r = reply("r", "t", "ana", List.of("gone"), false);
    assertEquals(Map.of(), CommentNotifications.recipients(r, "creator", List.of(t, r), MEMBERS));
    Comment n = root("n", "ana", List.of());
    assertEquals(Map.of(), CommentNotifications.recipients(n, "left", List.of(n), MEMBERS));
  }
}
