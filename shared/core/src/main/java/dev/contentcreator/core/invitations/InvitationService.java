package dev.contentcreator.core.invitations;

import com.google.gson.JsonObject;
import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.domain.Emails;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Invitation;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.User;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.mail.MailService;
import dev.contentcreator.core.domain.Notification;
import dev.contentcreator.core.notifications.NotificationKind;
import dev.contentcreator.core.notifications.NotificationService;
import dev.contentcreator.core.ports.Mail;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.MemberView;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.users.UserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Invitations to join a project, by e-mail address. Nobody joins a project without saying yes: an
 * owner invites an address, and the invitation stays pending until someone signed in with that
 * address, verified by the identity provider, accepts it. Inviting answers the same whether or
 * not an account uses the address, and never names the account. Invitations live in
 * {@code invitations}; accepting makes the membership in the same transaction that closes the
 * invitation. Each invitation (and each resend) e-mails its accept link to the invited address
 * through the {@link MailService}, and puts an {@code invitation} notification in the inbox of an
 * account that already verified that address.
 */
public final class InvitationService {
  public static final String COLLECTION = "invitations";
  /** The most invitations one project may have open at once. */
  public static final int MAX_PENDING = 100;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DocumentStore documents;
  private final ProjectService projects;
  private final UserService users;
  private final InvitationSettings settings;
  private final Supplier<MailService> mail;
  private final Supplier<NotificationService> notifications;
  private final Clock clock;

  public InvitationService(DocumentStore documents, ProjectService projects, UserService users,
      InvitationSettings settings, Supplier<MailService> mail, Supplier<NotificationService> notifications,
      Clock clock) {
    this.mail = Objects.requireNonNull(mail, "mail");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.users = Objects.requireNonNull(users, "users");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Invites an address to the project with a role; owners only. An address already invited gets
   * its invitation renewed (new role, expiry and link) rather than a second one; an address that
   * is already a member's is a conflict (the owner sees the members' addresses anyway).
   */
  public IssuedInvitation invite(Caller inviter, String projectId, String email, Role role) {
    Objects.requireNonNull(role, "role");
    String address = Emails.normalise(Objects.requireNonNull(email, "email"));
    String inviterName = displayName(inviter);
    String token = newToken();
    Instant now = clock.instant();
    Invitation made = documents.transaction(tx -> {
      Member me = projects.requireRole(tx, inviter.uid(), projectId, Role.OWNER);
      Project p = tx.get(ProjectService.PROJECTS, projectId).map(ProjectService::project)
          .orElseThrow(InvitationService::projectNotFound);
      if (!tx.query(Query.on(ProjectService.MEMBERS).whereEqualTo("projectId", projectId)
          .whereEqualTo("email", address).limit(1).build()).items().isEmpty()) {
        throw ApiException.conflict("Someone with this address is already a member of this project.");
      }
      Page open = tx.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId)
          .whereEqualTo("status", Invitation.PENDING).limit(MAX_PENDING).build());
      Optional<Invitation> same = open.items().stream().map(InvitationService::invitation)
          .filter(i -> i.email().equals(address)).findFirst();
      Invitation i = same
          .map(old -> new Invitation(old.id(), projectId, p.name(), address, role, Invitation.PENDING, inviter.uid(),
              inviterName, old.createdAt(), now.plus(settings.ttl()), hash(token), null, null, old.version() + 1))
          .orElseGet(() -> new Invitation(Ids.newId(), projectId, p.name(), address, role, Invitation.PENDING,
              inviter.uid(), inviterName, now, now.plus(settings.ttl()), hash(token), null, null, 1));
      if (same.isEmpty() && open.items().size() >= MAX_PENDING) {
        throw ApiException.conflict("A project may have at most " + MAX_PENDING
            + " open invitations; revoke some before inviting more.");
      }
      tx.set(COLLECTION, i.id(), tree(i));
      ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.MEMBER_INVITED,
          Target.invitation(i.id(), address), java.util.Map.of("role", role.wireName(),
              "renewed", Boolean.toString(same.isPresent())));
      return i;
    });
    IssuedInvitation issued = IssuedInvitation.of(InvitationView.of(made, now), token);
    announce(made, issued, inviter.uid());
    return issued;
  }

  /** The project's open invitations (pending, and pending ones that expired), oldest first; owners only. */
  public Listing<InvitationView> ofProject(String uid, String projectId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.OWNER);
    Page page = query(Query.on(COLLECTION).whereEqualTo("projectId", projectId)
        .whereEqualTo("status", Invitation.PENDING).orderBy("createdAt", Query.Direction.ASCENDING)
        .limit(limit).startAfter(cursor));
    Instant now = clock.instant();
    return new Listing<>(page.items().stream().map(d -> InvitationView.of(invitation(d), now)).toList(),
        page.nextCursor());
  }

  /** Withdraws an invitation that nobody has answered yet; owners only. */
  public InvitationView revoke(String uid, String projectId, String invitationId) {
    Instant now = clock.instant();
    Invitation revoked = documents.transaction(tx -> {
      Member me = projects.requireRole(tx, uid, projectId, Role.OWNER);
      Invitation i = ofProject(tx, projectId, invitationId);
      requireUnanswered(i);
      Invitation changed = answered(i, Invitation.REVOKED, uid, now);
      tx.set(COLLECTION, i.id(), tree(changed));
      ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.INVITATION_REVOKED,
          Target.invitation(i.id(), i.email()), java.util.Map.of("role", i.role().wireName()));
      return changed;
    });
    return InvitationView.of(revoked, now);
  }

  /**
   * Gives an unanswered invitation (expired ones too) a new expiry and a new link; the old link no
   * longer works. Owners only.
   */
  public IssuedInvitation resend(Caller owner, String projectId, String invitationId) {
    String token = newToken();
    Instant now = clock.instant();
    String ownerName = displayName(owner);
    Invitation renewed = documents.transaction(tx -> {
      projects.requireRole(tx, owner.uid(), projectId, Role.OWNER);
      Invitation i = ofProject(tx, projectId, invitationId);
      requireUnanswered(i);
      Invitation changed = new Invitation(i.id(), i.projectId(), i.projectName(), i.email(), i.role(),
          Invitation.PENDING, owner.uid(), ownerName, i.createdAt(), now.plus(settings.ttl()), hash(token),
          null, null, i.version() + 1);
      tx.set(COLLECTION, i.id(), tree(changed));
      return changed;
    });
    IssuedInvitation issued = IssuedInvitation.of(InvitationView.of(renewed, now), token);
    announce(renewed, issued, owner.uid());
    return issued;
  }

  /**
   * Tells the invited address: an e-mail with the accept link (queued, so a slow mail server never
   * slows or fails the invitation; its id names the invitation's revision, so one is sent per link),
   * and an inbox entry for an account that verified the address. Failures are logged: the owner
   * still has the link to pass on.
   */
  private void announce(Invitation i, IssuedInvitation issued, String inviterUid) {
    String role = i.role().wireName();
    String line = i.invitedByName() + " invited you to the project “" + i.projectName() + "” as " + (role.equals("editor")
        || role.equals("owner") ? "an " : "a ") + role;
    try {
      MailService m = mail.get();
      String link = m.link(issued.acceptPath());
      String text = line + ".\n\nOpen this link to accept or decline (it works until "
          + Json.format(i.expiresAt()).substring(0, 10) + "):\n" + link + "\n\n"
          + "Sign in with this address (" + i.email() + ") to accept. If you did not expect this, ignore this e-mail.\n";
      String html = "<p>" + MailService.escapeHtml(line) + ".</p>\n<p><a href=\"" + MailService.escapeHtml(link)
          + "\">Accept or decline the invitation</a></p>\n<p>Sign in with this address ("
          + MailService.escapeHtml(i.email()) + ") to accept. If you did not expect this, ignore this e-mail.</p>\n";
      m.trySend(new Mail("inv-" + i.id() + "-" + i.version(), i.email(), shorten(line), text, html));
    } catch (RuntimeException e) {
      Log.error("could not e-mail the invitation " + i.id(), e);
    }
    try {
      users.findByEmail(i.email()).filter(User::emailVerified).ifPresent(u -> notifications.get().notify(
          List.of(u.uid()), NotificationKind.INVITATION, new Notification.Actor(inviterUid, i.invitedByName()),
          i.projectId(), new Notification.Target(null, null, "/invitations/" + i.id()), line));
    } catch (RuntimeException e) {
      Log.error("could not notify the account invited by " + i.id(), e);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 200 ? s : s.substring(0, 199) + "…";
  }

  /** The invitations waiting for the caller's verified address, oldest first. */
  public Listing<InvitationView> mine(Caller caller, int limit, String cursor) {
    requireVerified(caller, "to see the invitations sent to it");
    String address = Emails.normalise(caller.email());
    Instant now = clock.instant();
    Page page = query(Query.on(COLLECTION).whereEqualTo("email", address)
        .whereEqualTo("status", Invitation.PENDING).orderBy("createdAt", Query.Direction.ASCENDING)
        .limit(limit).startAfter(cursor));
    List<InvitationView> items = page.items().stream().map(InvitationService::invitation)
        .filter(i -> Invitation.PENDING.equals(i.statusAt(now)))
        .map(i -> InvitationView.of(i, now)).toList();
    return new Listing<>(items, page.nextCursor());
  }

  /**
   * Joins the project with the invitation's role. Only a caller signed in with the invited
   * address may; anyone else, with or without the link, gets the 404 of an invitation that does
   * not exist. {@code token}, when the link gave one, must be the link's current secret.
   */
  public MemberView accept(Caller caller, String invitationId, Optional<String> token) {
    String name = displayName(caller);
    Instant now = clock.instant();
    return documents.transaction(tx -> {
      Invitation i = addressedTo(tx, caller, invitationId, token);
      requireVerified(caller, "to accept an invitation sent to it");
      Optional<Project> project = tx.get(ProjectService.PROJECTS, i.projectId()).map(ProjectService::project);
      Optional<Member> already = tx.get(ProjectService.MEMBERS, Member.documentId(i.projectId(), caller.uid()))
          .map(d -> Json.fromTree(d.data(), Member.class));
      if (Invitation.ACCEPTED.equals(i.status())) {
        throw already.isPresent() ? ApiException.conflict("You have already accepted this invitation.")
            : ApiException.of(410, "invitation-closed", "Invitation closed",
                "This invitation has been used; ask an owner of the project to invite you again.");
      }
      requireOpen(i, now);
      if (project.isEmpty()) {
        throw ApiException.of(410, "invitation-closed", "Invitation closed",
            "The project this invitation is for no longer exists.");
      }
      if (already.isPresent()) {
        tx.set(COLLECTION, i.id(), tree(answered(i, Invitation.ACCEPTED, caller.uid(), now)));
        return MemberView.of(already.get());
      }
      Page members = tx.query(Query.on(ProjectService.MEMBERS).whereEqualTo("projectId", i.projectId())
          .limit(ProjectService.MAX_MEMBERS).build());
      if (members.items().size() >= ProjectService.MAX_MEMBERS) {
        throw ApiException.conflict("This project already has " + ProjectService.MAX_MEMBERS
            + " members, the most it may have; ask an owner to make room.");
      }
      Member m = new Member(i.projectId(), caller.uid(), i.role(), i.email(), name, i.invitedBy(), now,
          project.get().createdAt());
      tx.create(ProjectService.MEMBERS, Member.documentId(i.projectId(), caller.uid()), tree(m));
      tx.set(COLLECTION, i.id(), tree(answered(i, Invitation.ACCEPTED, caller.uid(), now)));
      ActivityLog.record(tx, i.projectId(), now, Actor.of(m), ActivityAction.MEMBER_JOINED, Target.member(m),
          java.util.Map.of("role", m.role().wireName(), "invitationId", i.id()));
      return MemberView.of(m);
    });
  }

  /** Says no to an invitation; the same people may as may accept it. */
  public void decline(Caller caller, String invitationId, Optional<String> token) {
    Instant now = clock.instant();
    documents.transaction(tx -> {
      Invitation i = addressedTo(tx, caller, invitationId, token);
      requireVerified(caller, "to decline an invitation sent to it");
      requireOpen(i, now);
      tx.set(COLLECTION, i.id(), tree(answered(i, Invitation.DECLINED, caller.uid(), now)));
      return null;
    });
  }

  /** The invitation if it is addressed to the caller's address (and the link's secret matches); else 404. */
  private static Invitation addressedTo(Transaction tx, Caller caller, String invitationId, Optional<String> token) {
    if (!Ids.isWellFormed(invitationId) || caller.email() == null) {
      throw invitationNotFound();
    }
    Invitation i = tx.get(COLLECTION, invitationId).map(InvitationService::invitation)
        .orElseThrow(InvitationService::invitationNotFound);
    if (!i.email().equals(Emails.normalise(caller.email()))) {
      throw invitationNotFound();
    }
    if (token.isPresent() && !MessageDigest.isEqual(hash(token.get()).getBytes(StandardCharsets.US_ASCII),
        i.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
      throw invitationNotFound();
    }
    return i;
  }

  private static Invitation ofProject(Transaction tx, String projectId, String invitationId) {
    if (!Ids.isWellFormed(invitationId)) {
      throw invitationNotFound();
    }
    return tx.get(COLLECTION, invitationId).map(InvitationService::invitation)
        .filter(i -> i.projectId().equals(projectId))
        .orElseThrow(InvitationService::invitationNotFound);
  }

  private static void requireVerified(Caller caller, String why) {
    if (!caller.emailVerified() || caller.email() == null) {
      throw ApiException.of(403, "email-unverified", "Verify your e-mail address",
          "Verify your e-mail address " + why + ": open the link in the verification e-mail (the app can "
              + "send it again), then sign in again.");
    }
  }

  private static void requireUnanswered(Invitation i) {
    if (!Invitation.PENDING.equals(i.status())) {
      throw ApiException.conflict("This invitation was already " + i.status() + "; invite the address again instead.");
    }
  }

  private static void requireOpen(Invitation i, Instant now) {
    switch (i.statusAt(now)) {
      case Invitation.PENDING -> { }
      case Invitation.ACCEPTED -> throw ApiException.conflict("This invitation has already been accepted.");
      case Invitation.EXPIRED -> throw ApiException.of(410, "invitation-closed", "Invitation closed",
          "This invitation has expired; ask an owner of the project to send it again.");
      case Invitation.REVOKED -> throw ApiException.of(410, "invitation-closed", "Invitation closed",
          "This invitation was withdrawn by an owner of the project.");
      default -> throw ApiException.of(410, "invitation-closed", "Invitation closed",
          "You already declined this invitation; ask an owner of the project to invite you again.");
    }
  }

  private static Invitation answered(Invitation i, String status, String uid, Instant now) {
    return new Invitation(i.id(), i.projectId(), i.projectName(), i.email(), i.role(), status, i.invitedBy(),
        i.invitedByName(), i.createdAt(), i.expiresAt(), i.tokenHash(), uid, now, i.version() + 1);
  }

  private String displayName(Caller caller) {
    return users.find(caller.uid()).map(User::displayName).filter(n -> n != null && !n.isBlank())
        .orElse(caller.name());
  }

  private Page query(Query.Builder q) {
    try {
      return documents.query(q.build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
  }

  /** 32 random bytes, URL-safe: the secret of an accept link. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static ApiException invitationNotFound() {
    return ApiException.notFound("No such invitation for the address you are signed in with.");
  }

  private static ApiException projectNotFound() {
    return ApiException.notFound("No such project, or you are not a member of it.");
  }

  private static JsonObject tree(Object o) {
    return Json.toTree(o).getAsJsonObject();
  }

  static Invitation invitation(Document d) {
    return Json.fromTree(d.data(), Invitation.class);
  }
}
