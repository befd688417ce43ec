package dev.contentcreator.core.comments;

import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.Anchor;
import dev.contentcreator.core.domain.Comment;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Notification;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.notifications.NotificationKind;
import dev.contentcreator.core.notifications.NotificationService;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Comments on content items, in threads, written on a version and optionally anchored to a passage
 * of a text or a point of an image. Every member may read, write, resolve and reopen (viewers too);
 * people edit and delete their own comments, and owners may delete anyone's. Strangers get the
 * 404 of an item that does not exist. Mentions keep only uids of the project's members (others
 * are dropped without error: a member may have left while the comment was being written).
 * Every write goes through {@link #write}, which tells the {@link CommentHook}; people are told
 * through the {@link NotificationService} after the write commits.
 */
public final class CommentService {
  public static final String COLLECTION = "comments";
  public static final int MAX_BODY = 5_000;
  public static final int MAX_MENTIONS = 50;
  /** Replies shown per thread (the oldest); a thread rarely has more. */
  public static final int MAX_REPLIES = Query.MAX_LIMIT - 1;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final UserService users;
  private final NotificationService notifications;
  private final CommentHook hook;
  private final Clock clock;
  private final java.util.function.Consumer<Comment> posted;

  public CommentService(DocumentStore documents, ProjectService projects, UserService users,
      NotificationService notifications, CommentHook hook, Clock clock) {
    this(documents, projects, users, notifications, hook, clock, c -> { });
  }

  /**
   * As the other constructor; {@code posted} is told of each new comment after it committed (it
   * must not throw: the comment has been made).
   */
  public CommentService(DocumentStore documents, ProjectService projects, UserService users,
      NotificationService notifications, CommentHook hook, Clock clock, java.util.function.Consumer<Comment> posted) {
    this.posted = Objects.requireNonNull(posted, "posted");
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.users = Objects.requireNonNull(users, "users");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.hook = Objects.requireNonNull(hook, "hook");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a new comment says. {@code version} (default: the item's current one) is ignored for a
   * reply, which is on its thread's version; {@code parentId} makes it a reply (to a reply: to
   * that reply's thread). {@code anchor} is for thread roots only.
   */
  public record NewComment(String body, List<String> mentions, Anchor anchor, Integer version, String parentId) {
    public NewComment {
      Objects.requireNonNull(body, "body");
      mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
  }

  /** The result of a post: the comment, and whether this call made it (false: an earlier post with the same key did). */
  public record Posted(CommentView comment, boolean created) {}

  /**
   * Posts a comment; viewers and up. With an {@code idempotencyKey}, posting again with the same
   * key answers the first comment instead of making a second (a different body with the same key
   * is 422).
   */
  public Posted post(Caller caller, String projectId, String contentId, String idempotencyKey, NewComment req) {
    projects.requireRole(caller.uid(), projectId, Role.VIEWER);
    return post(new Author(caller.uid(), users.nameOf(caller), true), projectId, contentId, idempotencyKey, req);
  }

  /**
   * Posts a comment as the holder of a share link that may comment, whom the shares service has
   * checked and named ({@code guestUid}: a uid of the link, {@code guest:...}, and a name made of the
   * one the holder typed). A guest mentions nobody (they cannot see the members) and keeps no right to edit or
   * delete: they have no account to prove it is them again.
   */
  public Posted postAsGuest(String guestUid, String guestName, String projectId, String contentId,
      String idempotencyKey, NewComment req) {
    NewComment plain = new NewComment(req.body(), List.of(), req.anchor(), req.version(), req.parentId());
    return post(new Author(guestUid, guestName, false), projectId, contentId, idempotencyKey, plain);
  }

  /** Who writes a comment, and whether they are a member (checked again where it is written). */
  private record Author(String uid, String name, boolean member) {}

  private Posted post(Author author, String projectId, String contentId, String idempotencyKey, NewComment req) {
    ContentItem item = item(projectId, contentId);
    Comment root = null;
    int version;
    if (req.parentId() != null) {
      if (req.anchor() != null) {
        throw ApiException.unprocessable("anchor", "a reply has no anchor of its own: it belongs to its thread's");
      }
      Comment parent = find(contentId, req.parentId())
          .orElseThrow(() -> ApiException.unprocessable("parentId", "no such comment on this item"));
      root = parent.root() ? parent : find(contentId, parent.threadId())
          .orElseThrow(() -> ApiException.unprocessable("parentId", "no such comment on this item"));
      version = root.version();
    } else {
      version = req.version() != null ? req.version() : item.currentVersion();
      ContentVersion v = documents.get(ContentService.VERSIONS, ContentVersion.documentId(contentId, version))
          .map(ContentService::version)
          .orElseThrow(() -> ApiException.unprocessable("version", "this item has no version " + req.version()));
      if (req.anchor() != null) {
        Anchors.check(req.anchor(), item.kind(), v.text());
      }
    }
    List<String> mentions = members(projectId, req.mentions());
    String id = idempotencyKey == null ? Ids.newId() : keyedId(author.uid(), projectId, contentId, idempotencyKey);
    Instant now = clock.instant();
    boolean reply = root != null;
    Comment c = new Comment(id, projectId, contentId, version, reply ? root.id() : id, reply ? root.id() : null, !reply,
        author.uid(), author.name(), req.body(), mentions, req.anchor(), now, null, false, false, null, null);
    Comment earlier = documents.transaction(tx -> {
      // Checked again where the comment is written: an item deleted (or a membership ended) since
      // the checks above takes no comment that its purge might already have passed.
      if (author.member()) {
        projects.requireRole(tx, author.uid(), projectId, Role.VIEWER);
      }
      if (tx.get(ContentService.CONTENTS, contentId).isEmpty()) {
        throw ApiException.notFound("No such content item in this project.");
      }
      Optional<Comment> same = idempotencyKey == null ? Optional.empty() : tx.get(COLLECTION, id).map(CommentService::comment);
      if (same.isPresent()) {
        if (!same.get().body().equals(c.body()) || !Objects.equals(same.get().parentId(), c.parentId())) {
          throw ApiException.unprocessable("Idempotency-Key", "was already used for a different comment; "
              + "use a new key for a new comment");
        }
        return same.get();
      }
      write(tx, "posted", c.authorUid(), c.authorName(), null, c);
      return null;
    });
    if (earlier != null) {
      return new Posted(CommentView.of(earlier, earlier.anchor()), false);
    }
    tellAbout(c, item, reply ? thread(root.id()) : List.of(c));
    try {
      posted.accept(c);
    } catch (RuntimeException e) {
      Log.error("could not pass on the new comment " + c.id(), e);
    }
    return new Posted(CommentView.of(c, c.anchor()), true);
  }

  /**
   * The item's threads, oldest first, paged by thread, each with its replies; text anchors as they
   * fall in {@code version} (default: the current one), relocated there when written on another.
   * {@code resolved} keeps only resolved (true) or open (false) threads.
   */
  public Listing<ThreadView> threads(String uid, String projectId, String contentId, Optional<Integer> version,
      Optional<Boolean> resolved, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return threads(projectId, contentId, version, resolved, limit, cursor);
  }

  /**
   * The item's threads for the holder of a share link that may comment, whom the shares service has
   * checked: as members see them, without who was mentioned (the holder does not know the members).
   */
  public Listing<ThreadView> threadsForGuest(String projectId, String contentId, Optional<Integer> version,
      Optional<Boolean> resolved, int limit, String cursor) {
    Listing<ThreadView> all = threads(projectId, contentId, version, resolved, limit, cursor);
    return new Listing<>(all.items().stream().map(ThreadView::withoutMentions).toList(), all.nextCursor());
  }

  private Listing<ThreadView> threads(String projectId, String contentId, Optional<Integer> version,
      Optional<Boolean> resolved, int limit, String cursor) {
    ContentItem item = item(projectId, contentId);
    int shown = version.orElse(item.currentVersion());
    ContentVersion v = documents.get(ContentService.VERSIONS, ContentVersion.documentId(contentId, shown))
        .map(ContentService::version).orElseThrow(() -> ApiException.notFound("This item has no version " + shown + "."));
    String text = item.kind() == ContentKind.TEXT ? v.text() : null;
    Query.Builder q = Query.on(COLLECTION).whereEqualTo("contentId", contentId).whereEqualTo("root", true);
    resolved.ifPresent(r -> q.whereEqualTo("resolved", r));
    Page page;
    try {
      page = documents.query(q.orderBy("createdAt", Query.Direction.ASCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    List<ThreadView> out = new ArrayList<>();
    for (Document d : page.items()) {
      Comment r = comment(d);
      List<CommentView> replies = thread(r.id()).stream().filter(c -> !c.root() && !c.deleted())
          .map(c -> CommentView.of(c, null)).toList();
      if (r.deleted() && replies.isEmpty()) {
        continue;
      }
      Anchor anchor = r.version() == shown ? r.anchor() : Anchors.relocate(r.anchor(), text);
      out.add(new ThreadView(CommentView.of(r, anchor), replies));
    }
    return new Listing<>(out, page.nextCursor());
  }

  /** Changes the body (and, when given, the mentions) of the caller's own comment; new mentions are told. */
  public CommentView edit(Caller caller, String projectId, String contentId, String commentId, String body,
      Optional<List<String>> mentions) {
    projects.requireRole(caller.uid(), projectId, Role.VIEWER);
    ContentItem item = item(projectId, contentId);
    Optional<List<String>> kept = mentions.map(m -> members(projectId, m));
    Instant now = clock.instant();
    Comment[] change = documents.transaction(tx -> {
      Comment c = live(tx, contentId, commentId);
      if (!c.authorUid().equals(caller.uid())) {
        throw ApiException.forbidden("You can edit only your own comments.");
      }
      Comment edited = new Comment(c.id(), c.projectId(), c.contentId(), c.version(), c.threadId(), c.parentId(),
          c.root(), c.authorUid(), c.authorName(), body, kept.orElse(c.mentions()), c.anchor(), c.createdAt(), now,
          false, c.resolved(), c.resolvedBy(), c.resolvedAt());
      write(tx, "edited", c.authorUid(), c.authorName(), c, edited);
      return new Comment[] {c, edited};
    });
    Set<String> added = new LinkedHashSet<>(change[1].mentions());
    change[0].mentions().forEach(added::remove);
    if (!added.isEmpty()) {
      notifications.notify(added, NotificationKind.MENTION, actor(change[1]), projectId, target(change[1]),
          change[1].authorName() + " mentioned you on “" + item.title() + "”: " + change[1].body());
    }
    return CommentView.of(change[1], change[1].anchor());
  }

  /**
   * Deletes a comment: the author may, and the project's owners may delete anyone's. A reply goes;
   * a thread root with replies stays as a placeholder ("comment deleted") until its last reply goes.
   */
  public void delete(String uid, String projectId, String contentId, String commentId) {
    item(projectId, contentId);
    String name = users.nameOf(uid).orElse(null);
    documents.transaction(tx -> {
      Member me = projects.requireRole(tx, uid, projectId, Role.VIEWER);
      Comment c = live(tx, contentId, commentId);
      if (!c.authorUid().equals(uid) && me.role() != Role.OWNER) {
        throw ApiException.forbidden("You can delete only your own comments; owners may delete any.");
      }
      // The thread is the root, this comment and others: three of its documents show whether others exist.
      List<Comment> others = tx.query(Query.on(COLLECTION).whereEqualTo("threadId", c.threadId()).limit(3).build())
          .items().stream().map(CommentService::comment).filter(x -> !x.id().equals(c.id())).toList();
      Optional<Comment> root = c.root() ? Optional.empty()
          : tx.get(COLLECTION, c.threadId()).map(CommentService::comment);
      if (c.root()) {
        boolean hasReplies = others.stream().anyMatch(x -> !x.root());
        write(tx, "deleted", uid, name, c, hasReplies ? placeholder(c) : null);
      } else {
        write(tx, "deleted", uid, name, c, null);
        if (root.isPresent() && root.get().deleted() && others.stream().noneMatch(x -> !x.root())) {
          // The placeholder's last reply is gone: so is the placeholder.
          write(tx, "deleted", uid, name, root.get(), null);
        }
      }
      return null;
    });
  }

  /** Resolves ({@code resolved} true) or reopens a thread, by its root; any member. */
  public CommentView resolve(String uid, String projectId, String contentId, String commentId, boolean resolved) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    item(projectId, contentId);
    Instant now = clock.instant();
    String name = users.nameOf(uid).orElse(null);
    Comment after = documents.transaction(tx -> {
      Comment c = tx.get(COLLECTION, wellFormed(commentId)).map(CommentService::comment)
          .filter(x -> x.contentId().equals(contentId)).orElseThrow(CommentService::notFound);
      if (!c.root()) {
        throw ApiException.unprocessable("commentId", "only a thread's first comment resolves or reopens the thread");
      }
      if (c.resolved() == resolved) {
        return c;
      }
      Comment changed = new Comment(c.id(), c.projectId(), c.contentId(), c.version(), c.threadId(), c.parentId(),
          true, c.authorUid(), c.authorName(), c.body(), c.mentions(), c.anchor(), c.createdAt(), c.editedAt(),
          c.deleted(), resolved, resolved ? uid : null, resolved ? now : null);
      write(tx, resolved ? "resolved" : "reopened", uid, name, c, changed);
      return changed;
    });
    return CommentView.of(after, after.anchor());
  }

  /** The one place comments are written: stores (or removes, {@code after} null) and tells the hook. */
  private void write(Transaction tx, String action, String actorUid, String actorName, Comment before, Comment after) {
    if (after == null) {
      tx.delete(COLLECTION, before.id());
    } else if (before == null) {
      tx.create(COLLECTION, after.id(), Json.toTree(after).getAsJsonObject());
    } else {
      tx.set(COLLECTION, after.id(), Json.toTree(after).getAsJsonObject());
    }
    hook.written(tx, action, actorUid, actorName, before, after);
  }

  private void tellAbout(Comment c, ContentItem item, Collection<Comment> thread) {
    try {
      Set<String> people = new LinkedHashSet<>(c.mentions());
      people.add(item.createdBy());
      thread.forEach(x -> people.add(x.authorUid()));
      Set<String> members = new LinkedHashSet<>(members(c.projectId(), new ArrayList<>(people)));
      Map<String, NotificationKind> who = CommentNotifications.recipients(c, item.createdBy(), thread, members);
      for (NotificationKind kind : NotificationKind.values()) {
        List<String> of = who.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
        if (!of.isEmpty()) {
          notifications.notify(of, kind, actor(c), c.projectId(), target(c), line(kind, c, item));
        }
      }
    } catch (RuntimeException e) {
      Log.error("could not tell people about the comment " + c.id(), e);
    }
  }

  private static String line(NotificationKind kind, Comment c, ContentItem item) {
    String did = switch (kind) {
      case MENTION -> " mentioned you on “";
      case REPLY -> " replied on “";
      default -> " commented on “";
    };
    return c.authorName() + did + item.title() + "”: " + c.body();
  }

  private static Notification.Actor actor(Comment c) {
    return new Notification.Actor(c.authorUid(), c.authorName());
  }

  private static Notification.Target target(Comment c) {
    return new Notification.Target(c.contentId(), c.id(),
        "/projects/" + c.projectId() + "/contents/" + c.contentId() + "?comment=" + c.id());
  }

  /** The uids among {@code uids} of the project's members, each once, in order. */
  private List<String> members(String projectId, List<String> uids) {
    Set<String> out = new LinkedHashSet<>();
    for (String uid : uids) {
      if (Ids.isWellFormed(uid) && !out.contains(uid)
          && documents.get(ProjectService.MEMBERS, Member.documentId(projectId, uid)).isPresent()) {
        out.add(uid);
      }
    }
    return List.copyOf(out);
  }

  /** A thread's comments, root included, oldest first. */
  private List<Comment> thread(String threadId) {
    return documents.query(Query.on(COLLECTION).whereEqualTo("threadId", threadId)
        .orderBy("createdAt", Query.Direction.ASCENDING).limit(MAX_REPLIES + 1).build())
        .items().stream().map(CommentService::comment).toList();
  }

  private Optional<Comment> find(String contentId, String commentId) {
    if (!Ids.isWellFormed(commentId)) {
      return Optional.empty();
    }
    return documents.get(COLLECTION, commentId).map(CommentService::comment)
        .filter(c -> c.contentId().equals(contentId) && !c.deleted() || c.contentId().equals(contentId) && c.root());
  }

  /** A comment of the item that is not a deleted placeholder; 404 otherwise. */
  private static Comment live(Transaction tx, String contentId, String commentId) {
    return tx.get(COLLECTION, wellFormed(commentId)).map(CommentService::comment)
        .filter(c -> c.contentId().equals(contentId) && !c.deleted()).orElseThrow(CommentService::notFound);
  }

  private static String wellFormed(String id) {
    if (!Ids.isWellFormed(id)) {
      throw notFound();
    }
    return id;
  }

  private ContentItem item(String projectId, String contentId) {
    if (!Ids.isWellFormed(contentId)) {
      throw ApiException.notFound("No such content item in this project.");
    }
    return documents.get(ContentService.CONTENTS, contentId).map(ContentService::content)
        .filter(c -> c.projectId().equals(projectId))
        .orElseThrow(() -> ApiException.notFound("No such content item in this project."));
  }

  private static Comment placeholder(Comment c) {
    return new Comment(c.id(), c.projectId(), c.contentId(), c.version(), c.threadId(), c.parentId(), c.root(),
        c.authorUid(), c.authorName(), "", List.of(), c.anchor(), c.createdAt(), c.editedAt(), true, c.resolved(),
        c.resolvedBy(), c.resolvedAt());
  }

  /** A comment id made from the caller's Idempotency-Key: the same key in the same place names the same comment. */
  static String keyedId(String uid, String projectId, String contentId, String key) {
    if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw ApiException.badRequest("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest((uid + "\n" + projectId + "\n" + contentId + "\n" + key)
          .getBytes(StandardCharsets.UTF_8));
      return "k" + HexFormat.of().formatHex(d).substring(0, 39);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static Comment comment(Document d) {
    return Json.fromTree(d.data(), Comment.class);
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such comment on this item.");
  }
}
