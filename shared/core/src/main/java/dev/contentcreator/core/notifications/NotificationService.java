package dev.contentcreator.core.notifications;

import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Notification;
import dev.contentcreator.core.domain.User;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.mail.MailService;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.users.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * People's inboxes: one {@code notifications} document per recipient and event, read only by its
 * recipient (the API here, or the web app's listener under the Firestore rules). Any service tells
 * people about something with one call, {@link #notify}; kinds that e-mail
 * ({@link NotificationKind#emails()}) also queue a message to the recipient's address through the
 * {@link MailService}, with an absolute link back to the target, unless the recipient's e-mail
 * preference ({@code /api/me} {@code emailNotifications}: all, mentions, none) says otherwise. Nobody is told about their own
 * action.
 */
public final class NotificationService {
  public static final String COLLECTION = "notifications";
  /** Unread notifications are counted exactly up to this many; past it the count says "more". */
  public static final int UNREAD_CAP = 99;
  /** The most recipients one call reaches: a project's largest membership. */
  public static final int MAX_RECIPIENTS = 100;
  public static final int MAX_TEXT = 300;
  private static final int PAGE = 200;

  private final DocumentStore documents;
  private final UserService users;
  private final MailService mail;
  private final Clock clock;

  public NotificationService(DocumentStore documents, UserService users, MailService mail, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.users = Objects.requireNonNull(users, "users");
    this.mail = Objects.requireNonNull(mail, "mail");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Puts one notification of {@code kind} in the inbox of each recipient (the actor and uids that
   * cannot be anyone's are left out; duplicates count once) and, for kinds that e-mail, queues a
   * message to each recipient's address. {@code text} is one short line (cut at {@value #MAX_TEXT}
   * characters); {@code target.link()} is a web app path. Never throws for a storage or queue
   * failure: telling people is never worth failing the action they are told about; the failure is
   * logged. Returns how many inbox entries it wrote.
   */
  public int notify(Collection<String> recipients, NotificationKind kind, Notification.Actor actor, String projectId,
      Notification.Target target, String text) {
    Objects.requireNonNull(recipients, "recipients");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(text, "text");
    List<String> to = recipientsOf(recipients, actor.uid());
    if (to.isEmpty()) {
      return 0;
    }
    String line = shorten(text.replaceAll("\\s+", " ").strip(), MAX_TEXT);
    Instant now = clock.instant();
    List<Notification> made = to.stream().map(uid -> new Notification(Ids.newId(), uid, projectId, kind.wireName(),
        actor, target, line, false, now)).toList();
    try {
      documents.transaction(tx -> {
        for (Notification n : made) {
          tx.create(COLLECTION, n.id(), Json.toTree(n).getAsJsonObject());
        }
        return null;
      });
    } catch (RuntimeException e) {
      Log.error("could not store " + made.size() + " " + kind.wireName() + " notification(s); they are lost", e);
      return 0;
    }
    if (kind.emails()) {
      for (Notification n : made) {
        try {
          users.find(n.uid()).filter(u -> wantsEmail(u, kind)).map(User::email).filter(a -> a != null && !a.isBlank())
              .ifPresent(address -> mail.trySend(email(n, address)));
        } catch (RuntimeException e) {
          Log.error("could not e-mail the notification " + n.id(), e);
        }
      }
    }
    return made.size();
  }

  /** Whether the person's preference lets a notification of this kind be e-mailed: all, mentions only, or none. */
  static boolean wantsEmail(User u, NotificationKind kind) {
    return switch (u.emailPreference()) {
      case User.EMAIL_NONE -> false;
      case User.EMAIL_MENTIONS -> kind == NotificationKind.MENTION;
      default -> true;
    };
  }

  /** The recipients that count: well-formed uids, not the actor, each once, at most {@value #MAX_RECIPIENTS}. */
  static List<String> recipientsOf(Collection<String> recipients, String actorUid) {
    Set<String> out = new LinkedHashSet<>();
    for (String uid : recipients) {
      if (uid != null && Ids.isWellFormed(uid) && !uid.equals(actorUid) && out.size() < MAX_RECIPIENTS) {
        out.add(uid);
      }
    }
    return List.copyOf(out);
  }

  /** The e-mail of a notification: its line as subject and body, and the absolute link to its target. */
  Mail email(Notification n, String address) {
    String link = mail.link(n.target().link());
    String text = n.text() + "\n\nOpen it in Content Creator:\n" + link + "\n\n"
        + "You get this e-mail because of your notifications in Content Creator.\n";
    String html = "<p>" + MailService.escapeHtml(n.text()) + "</p>\n<p><a href=\"" + MailService.escapeHtml(link) + "\">Open it in Content Creator</a></p>\n"
        + "<p style=\"color:#666;font-size:12px\">You get this e-mail because of your notifications in Content Creator.</p>\n";
    return new Mail("n-" + n.id(), address, shorten(n.text(), 120), text, html);
  }

  /** The caller's notifications, newest first; with {@code read}, only those read (true) or unread (false). */
  public Listing<NotificationView> list(String uid, Optional<Boolean> read, int limit, String cursor) {
    Query.Builder q = Query.on(COLLECTION).whereEqualTo("uid", uid);
    read.ifPresent(r -> q.whereEqualTo("read", r));
    Page page;
    try {
      page = documents.query(q.orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    return new Listing<>(page.items().stream().map(NotificationService::notification).map(NotificationView::of).toList(),
        page.nextCursor());
  }

  /** How many of the caller's notifications are unread, exactly up to {@value #UNREAD_CAP}. */
  public UnreadCount unread(String uid) {
    int n = documents.query(Query.on(COLLECTION).whereEqualTo("uid", uid).whereEqualTo("read", false)
        .orderBy("createdAt", Query.Direction.DESCENDING).limit(UNREAD_CAP + 1).build()).items().size();
    return new UnreadCount(Math.min(n, UNREAD_CAP), n > UNREAD_CAP);
  }

  /** Marks one of the caller's notifications read or unread; anyone else's is 404. */
  public NotificationView mark(String uid, String notificationId, boolean read) {
    if (!Ids.isWellFormed(notificationId)) {
      throw notFound();
    }
    return documents.transaction(tx -> {
      Notification n = tx.get(COLLECTION, notificationId).map(NotificationService::notification)
          .filter(x -> x.uid().equals(uid)).orElseThrow(NotificationService::notFound);
      Notification changed = new Notification(n.id(), n.uid(), n.projectId(), n.kind(), n.actor(), n.target(), n.text(),
          read, n.createdAt());
      if (n.read() != read) {
        tx.set(COLLECTION, n.id(), Json.toTree(changed).getAsJsonObject());
      }
      return NotificationView.of(changed);
    });
  }

  /** Marks every unread notification of the caller read, page by page; returns how many changed. */
  public int markAllRead(String uid) {
    int changed = 0;
    while (true) {
      Page page = documents.query(Query.on(COLLECTION).whereEqualTo("uid", uid).whereEqualTo("read", false)
          .orderBy("createdAt", Query.Direction.DESCENDING).limit(PAGE).build());
      if (page.items().isEmpty()) {
        return changed;
      }
      int done = documents.transaction(tx -> {
        List<Notification> fresh = new ArrayList<>();
        for (Document d : page.items()) {
          tx.get(COLLECTION, d.id()).map(NotificationService::notification).filter(n -> !n.read()).ifPresent(fresh::add);
        }
        for (Notification n : fresh) {
          tx.set(COLLECTION, n.id(), Json.toTree(new Notification(n.id(), n.uid(), n.projectId(), n.kind(), n.actor(),
              n.target(), n.text(), true, n.createdAt())).getAsJsonObject());
        }
        return fresh.size();
      });
      changed += done;
      if (page.items().size() < PAGE) {
        return changed;
      }
    }
  }

  static Notification notification(Document d) {
    return Json.fromTree(d.data(), Notification.class);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such notification.");
  }
}
