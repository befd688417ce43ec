package dev.contentcreator.functions.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.contentcreator.core.comments.CommentService;
import dev.contentcreator.core.comments.CommentService.NewComment;
import dev.contentcreator.core.comments.CommentView;
import dev.contentcreator.core.comments.ThreadView;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.Anchor;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Notification;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.mail.MailService;
import dev.contentcreator.core.mail.MailSettings;
import dev.contentcreator.core.notifications.NotificationKind;
import dev.contentcreator.core.notifications.NotificationService;
import dev.contentcreator.core.notifications.NotificationView;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments and the notifications they make, on a real SQLite store; mail is queued into a list. */
class CommentServiceTest {
  private static final String TEXT = "Spring launch: the quick brown fox jumps over the lazy dog.";

  @TempDir Path dir;
  private SqliteDocumentStore store;
  private CommentService comments;
  private NotificationService notifications;
  private ContentService contents;
  private final List<TaskQueue.Task> mail = new ArrayList<>();
  private final AtomicLong tick = new AtomicLong();
  /** A clock a millisecond later at each reading, so order by time is the order of calls. */
  private final Clock clock = new Clock() {
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return Instant.parse("2026-12-01T09:00:00Z").plusMillis(tick.incrementAndGet()); }
  };
  private final Caller ana = new Caller("ana", "ana@example.com", "Ana", null, true);
  private final Caller bo = new Caller("bo", "bo@example.com", "Bo", null, true);
  private final Caller vi = new Caller("vi", "vi@example.com", "Vi", null, true);
  private final Caller stranger = new Caller("zed", "zed@example.com", "Zed", null, true);
  private String project;
  private String text;
  private String image;

  @BeforeEach
  void open() {
    store = SqliteDocumentStore.open(dir.resolve("t.db"));
    UserService users = new UserService(store, clock);
    ProjectService projects = new ProjectService(store, users, clock);
    MailService mailer = new MailService(() -> task -> mail.add(task), () -> m -> { },
        MailSettings.of("https://studio.example"), clock);
    notifications = new NotificationService(store, users, mailer, clock);
    comments = new CommentService(store, projects, users, notifications, dev.contentcreator.core.comments.CommentHook.NONE,
        clock);
    contents = new ContentService(store, projects, () -> null, clock);
    for (Caller c : List.of(ana, bo, vi, stranger)) {
      users.ensure(c);
    }
    project = projects.create(ana, "Launch", "").id();
    add(bo, Role.EDITOR);
    add(vi, Role.VIEWER);
    text = item(ContentKind.TEXT, TEXT, "bo");
    image = item(ContentKind.IMAGE, null, "ana");
  }

  private void add(Caller who, Role role) {
    Member m = new Member(project, who.uid(), role, who.email(), who.name(), "ana", clock.instant(), clock.instant());
    store.set(ProjectService.MEMBERS, Member.documentId(project, who.uid()), Json.toTree(m).getAsJsonObject());
  }

  private String item(ContentKind kind, String body, String by) {
    ContentVersion v = new ContentVersion(null, project, 1, body, body == null ? "k/" + by : null,
        body == null ? "image/png" : "text/markdown", null, null, null, "generated", null, null, null, by, clock.instant(),
        null);
    return store.transaction(tx -> ContentService.addGenerated(tx, null, project, "job", kind, "Launch post", v, false,
        by, clock.instant()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private CommentView post(Caller who, String content, NewComment c) {
    return comments.post(who, project, content, null, c).comment();
  }

  private static NewComment say(String body) {
    return new NewComment(body, List.of(), null, null, null);
  }

  private static int status(Runnable r) {
    return assertThrows(ApiException.class, r::run).status();
  }

  private List<NotificationView> inbox(Caller who) {
    return notifications.list(who.uid(), Optional.empty(), 50, null).items();
  }

  @Test
  void repliesJoinTheirThreadOneLevelDeepAndThreadsComeOldestFirst() {
    CommentView first = post(ana, text, say("First thought"));
    CommentView second = post(bo, text, say("Second thought"));
    CommentView reply = post(bo, text, new NewComment("Agreed", List.of(), null, null, first.id()));
    CommentView replyToReply = post(vi, text, new NewComment("Me too", List.of(), null, null, reply.id()));
    assertEquals(first.id(), replyToReply.threadId());
    assertEquals(first.id(), replyToReply.parentId());
    Listing<ThreadView> threads = comments.threads("vi", project, text, Optional.empty(), Optional.empty(), 10, null);
    assertEquals(List.of(first.id(), second.id()), threads.items().stream().map(t -> t.root().id()).toList());
    assertEquals(List.of(reply.id(), replyToReply.id()),
        threads.items().get(0).replies().stream().map(CommentView::id).toList());
    assertEquals(Boolean.FALSE, threads.items().get(0).root().resolved());
    assertNull(threads.items().get(0).replies().get(0).resolved(), "only roots carry resolved");
  }

  @Test
  void threadsPageByThreadAndFilterByResolved() {
    CommentView a = post(ana, text, say("a"));
    CommentView b = post(ana, text, say("b"));
    post(ana, text, new NewComment("reply", List.of(), null, null, a.id()));
    comments.resolve("vi", project, text, b.id(), true);
    Listing<ThreadView> page1 = comments.threads("ana", project, text, Optional.empty(), Optional.empty(), 1, null);
    assertEquals(List.of(a.id()), page1.items().stream().map(t -> t.root().id()).toList());
    Listing<ThreadView> page2 = comments.threads("ana", project, text, Optional.empty(), Optional.empty(), 1,
        page1.nextCursor());
    assertEquals(List.of(b.id()), page2.items().stream().map(t -> t.root().id()).toList());
    assertEquals(List.of(b.id()), comments.threads("ana", project, text, Optional.empty(), Optional.of(true), 10, null)
        .items().stream().map(t -> t.root().id()).toList());
    assertEquals(List.of(a.id()), comments.threads("ana", project, text, Optional.empty(), Optional.of(false), 10, null)
        .items().stream().map(t -> t.root().id()).toList());
    CommentView resolved = comments.threads("ana", project, text, Optional.empty(), Optional.of(true), 10, null)
        .items().get(0).root();
    assertEquals("vi", resolved.resolvedBy());
    CommentView reopened = comments.resolve("ana", project, text, b.id(), false);
    assertFalse(reopened.resolved());
    assertNull(reopened.resolvedBy());
  }

  @Test
  void textAnchorsFollowTheirPassageIntoAnEditedVersionOrDetach() {
    int at = TEXT.indexOf("lazy dog");
    CommentView c = post(ana, text, new NewComment("dog?", List.of(), Anchor.text("lazy dog", at, at + 8), null, null));
    CommentView gone = post(ana, text, new NewComment("fox?", List.of(), Anchor.text("brown fox", TEXT.indexOf("brown fox"),
        TEXT.indexOf("brown fox") + 9), null, null));
    String v2 = "New intro. " + TEXT.replace("brown fox", "red panda");
    contents.update("bo", project, text, null, Optional.empty(), Optional.of(v2), Optional.empty());
    List<ThreadView> onV2 = comments.threads("ana", project, text, Optional.empty(), Optional.empty(), 10, null).items();
    Anchor moved = onV2.get(0).root().anchor();
    assertEquals(c.id(), onV2.get(0).root().id());
    assertEquals("lazy dog", v2.substring(moved.start(), moved.end()));
    assertEquals(Boolean.TRUE, onV2.get(1).root().anchor().detached());
    assertEquals(gone.id(), onV2.get(1).root().id());
    List<ThreadView> onV1 = comments.threads("ana", project, text, Optional.of(1), Optional.empty(), 10, null).items();
    assertEquals(at, onV1.get(0).root().anchor().start());
    assertEquals(404, status(() -> comments.threads("ana", project, text, Optional.of(9), Optional.empty(), 10, null)));
  }

  @Test
  void anAnchorIsCheckedAgainstTheVersionAndTheKindOfItem() {
    assertEquals(422, status(() -> post(ana, text, new NewComment("x", List.of(), Anchor.text("quick", 0, 5), null, null))));
    assertEquals(422, status(() -> post(ana, text, new NewComment("x", List.of(), Anchor.point(0.5, 0.5), null, null))));
    assertEquals(422, status(() -> post(ana, image, new NewComment("x", List.of(), Anchor.text("a", 0, 1), null, null))));
    assertEquals(422, status(() -> post(ana, text, new NewComment("x", List.of(), null, 7, null))));
    CommentView root = post(ana, image, new NewComment("here", List.of(), Anchor.point(0.25, 0.75), null, null));
    assertEquals(0.25, root.anchor().x());
    assertEquals(422, status(() -> post(ana, image, new NewComment("x", List.of(), Anchor.point(0.1, 0.1), null, root.id()))));
    assertEquals(422, status(() -> post(ana, image, new NewComment("x", List.of(), null, null, "nosuchcomment"))));
  }

  @Test
  void strangersSeeNothingAndEveryMemberMayComment() {
    assertEquals(404, status(() -> post(stranger, text, say("hi"))));
    assertEquals(404, status(() -> comments.threads("zed", project, text, Optional.empty(), Optional.empty(), 10, null)));
    assertEquals(404, status(() -> post(ana, "nosuchitem", say("hi"))));
    assertEquals("vi", post(vi, text, say("a viewer's note")).author().uid());
  }

  @Test
  void peopleEditTheirOwnCommentsAndOwnersMayDeleteAnyone() {
    CommentView c = post(bo, text, say("typo"));
    assertEquals(403, status(() -> comments.edit(ana, project, text, c.id(), "fixed", Optional.empty())));
    CommentView edited = comments.edit(bo, project, text, c.id(), "fixed", Optional.empty());
    assertEquals("fixed", edited.body());
    assertTrue(edited.editedAt() != null);
    CommentView v = post(vi, text, say("viewer"));
    assertEquals(403, status(() -> comments.delete("bo", project, text, v.id())));
    comments.delete("ana", project, text, v.id());
    comments.delete("bo", project, text, c.id());
    assertTrue(comments.threads("ana", project, text, Optional.empty(), Optional.empty(), 10, null).items().isEmpty());
    assertEquals(404, status(() -> comments.delete("bo", project, text, c.id())));
  }

  @Test
  void aDeletedRootWithRepliesStaysAsAPlaceholderUntilItsLastReplyGoes() {
    CommentView root = post(ana, text, say("root"));
    CommentView reply = post(bo, text, new NewComment("reply", List.of(), null, null, root.id()));
    comments.delete("ana", project, text, root.id());
    ThreadView t = comments.threads("bo", project, text, Optional.empty(), Optional.empty(), 10, null).items().get(0);
    assertTrue(t.root().deleted());
    assertNull(t.root().body());
    assertNull(t.root().author());
    assertEquals(1, t.replies().size());
    assertEquals(404, status(() -> comments.edit(ana, project, text, root.id(), "back", Optional.empty())));
    comments.delete("bo", project, text, reply.id());
    assertTrue(comments.threads("bo", project, text, Optional.empty(), Optional.empty(), 10, null).items().isEmpty());
    assertTrue(store.get(CommentService.COLLECTION, root.id()).isEmpty(), "the placeholder went with its last reply");
  }

  @Test
  void onlyAThreadRootResolves() {
    CommentView root = post(ana, text, say("root"));
    CommentView reply = post(bo, text, new NewComment("reply", List.of(), null, null, root.id()));
    assertEquals(422, status(() -> comments.resolve("ana", project, text, reply.id(), true)));
    assertTrue(comments.resolve("vi", project, text, root.id(), true).resolved());
  }

  @Test
  void aRepeatedIdempotencyKeyAnswersTheFirstCommentAndMakesNoSecond() {
    CommentService.Posted first = comments.post(ana, project, text, "key-1", say("once"));
    CommentService.Posted again = comments.post(ana, project, text, "key-1", say("once"));
    assertTrue(first.created());
    assertFalse(again.created());
    assertEquals(first.comment().id(), again.comment().id());
    assertEquals(1, comments.threads("ana", project, text, Optional.empty(), Optional.empty(), 10, null).items().size());
    assertEquals(422, status(() -> comments.post(ana, project, text, "key-1", say("other words"))));
    assertTrue(comments.post(bo, project, text, "key-1", say("once")).created(), "keys are each person's own");
    assertEquals(400, status(() -> comments.post(ana, project, text, "bad key", say("x"))));
    assertEquals(1, inbox(bo).size(), "the retried post told the item's creator once");
  }

  @Test
  void mentionsKeepOnlyMembersAndTellThemByInboxAndEmail() {
    CommentView c = post(ana, image, new NewComment("@Bo look", List.of("bo", "zed", "ana", "bo", "not/a uid"), null,
        null, null));
    assertEquals(List.of("bo", "ana"), c.mentions());
    List<NotificationView> bos = inbox(bo);
    assertEquals(1, bos.size());
    NotificationView n = bos.get(0);
    assertEquals(NotificationKind.MENTION.wireName(), n.kind());
    assertEquals(new Notification.Actor("ana", "Ana"), n.actor());
    assertEquals("/projects/" + project + "/contents/" + image + "?comment=" + c.id(), n.target().link());
    assertTrue(inbox(ana).isEmpty(), "the actor is never told of their own action");
    assertTrue(inbox(stranger).isEmpty());
    assertEquals(1, mail.size());
    JsonObject m = mail.get(0).payload();
    assertEquals("bo@example.com", m.get("to").getAsString());
    assertTrue(m.get("text").getAsString().contains("https://studio.example" + n.target().link()), m.toString());
    assertEquals(MailService.HANDLER, mail.get(0).handler());
  }

  @Test
  void aNewThreadTellsTheItemsCreatorInTheInboxOnlyAndARepliesTellTheThreadByMail() {
    CommentView root = post(vi, text, say("Nice"));
    assertEquals(List.of("comment"), inbox(bo).stream().map(NotificationView::kind).toList());
    assertTrue(mail.isEmpty(), "a comment on one's item is not e-mailed");
    post(ana, text, new NewComment("Thanks", List.of(), null, null, root.id()));
    assertEquals(List.of("reply"), inbox(vi).stream().map(NotificationView::kind).toList());
    assertEquals(1, mail.size());
    assertEquals("vi@example.com", mail.get(0).payload().get("to").getAsString());
  }

  @Test
  void theEmailPreferenceDecidesWhatIsMailedButNotWhatReachesTheInbox() {
    UserService users = new UserService(store, clock);
    users.update("vi", null, Optional.empty(), Optional.empty(), false, false, Optional.of("mentions"));
    users.update("bo", null, Optional.empty(), Optional.empty(), false, false, Optional.of("none"));
    CommentView root = post(vi, image, say("root by vi"));
    post(ana, image, new NewComment("reply with @Bo", List.of("bo"), null, null, root.id()));
    assertEquals(List.of("reply"), inbox(vi).stream().map(NotificationView::kind).toList());
    assertEquals(List.of("mention"), inbox(bo).stream().map(NotificationView::kind).toList());
    assertTrue(mail.isEmpty(), "vi wants mentions only and bo no e-mail: nothing is mailed");
    post(ana, image, new NewComment("@Vi", List.of("vi"), null, null, null));
    assertEquals(1, mail.size());
    assertEquals("vi@example.com", mail.get(0).payload().get("to").getAsString());
  }

  @Test
  void editingTellsOnlyTheNewlyMentioned() {
    CommentView c = post(ana, image, new NewComment("@Bo", List.of("bo"), null, null, null));
    comments.edit(ana, project, image, c.id(), "@Bo @Vi", Optional.of(List.of("bo", "vi")));
    assertEquals(1, inbox(bo).size());
    assertEquals(List.of("mention"), inbox(vi).stream().map(NotificationView::kind).toList());
  }

  @Test
  void theInboxCountsMarksAndFiltersUnread() {
    for (int i = 0; i < 3; i++) {
      post(ana, image, new NewComment("@Bo " + i, List.of("bo"), null, null, null));
    }
    assertEquals(3, notifications.unread("bo").count());
    List<NotificationView> all = inbox(bo);
    assertEquals("@Bo 2", all.get(0).text().substring(all.get(0).text().indexOf(": ") + 2), "newest first");
    notifications.mark("bo", all.get(0).id(), true);
    assertEquals(2, notifications.unread("bo").count());
    assertEquals(2, notifications.list("bo", Optional.of(false), 10, null).items().size());
    assertEquals(404, status(() -> notifications.mark("vi", all.get(1).id(), true)), "someone else's is not found");
    assertEquals(2, notifications.markAllRead("bo"));
    assertEquals(0, notifications.unread("bo").count());
    assertFalse(notifications.mark("bo", all.get(1).id(), false).read());
    assertEquals(1, notifications.unread("bo").count());
    assertEquals(400, status(() -> notifications.list("bo", Optional.empty(), 10, "not-a-cursor")));
  }
}
