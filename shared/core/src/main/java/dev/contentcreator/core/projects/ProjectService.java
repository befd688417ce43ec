package dev.contentcreator.core.projects;

import com.google.gson.JsonObject;
import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.deletion.PurgeService;
import dev.contentcreator.core.domain.BrandVoice;
import dev.contentcreator.core.domain.Emails;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Project;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.User;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.http.Etags;
import dev.contentcreator.core.http.KeyScope;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.users.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Projects and their members. Every call names the caller and checks their role: someone who is
 * not a member learns nothing, not even that the project exists (404); a member whose role is too
 * low gets 403. Projects live in {@code projects}, memberships in {@code members} (one document
 * per project and person, so a person's projects are one query away). A request signed with an API
 * key ({@link KeyScope}) reaches only the key's projects (others answer the stranger's 404) and acts
 * with the lower of the key's role and the member's. People join a project only by
 * accepting an invitation ({@code InvitationService}), never by being added.
 */
public final class ProjectService {
  public static final String PROJECTS = "projects";
  public static final String MEMBERS = "members";
  /** The most members one project may have. */
  public static final int MAX_MEMBERS = 100;

  private final DocumentStore documents;
  private final UserService users;
  private final Clock clock;

  public ProjectService(DocumentStore documents, UserService users, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.users = Objects.requireNonNull(users, "users");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Creates a project with the caller as its only owner. */
  public ProjectView create(Caller caller, String name, String description) {
    Instant now = clock.instant();
    Project project = new Project(Ids.newId(), name, description, false, null, caller.uid(), now, now, 1, false);
    User user = users.find(caller.uid()).orElse(null);
    Member owner = new Member(project.id(), caller.uid(), Role.OWNER, Emails.normalise(caller.email()),
        user == null ? caller.name() : user.displayName(), caller.uid(), now, now);
    documents.transaction(tx -> {
      tx.create(PROJECTS, project.id(), tree(project));
      tx.create(MEMBERS, Member.documentId(project.id(), caller.uid()), tree(owner));
      return null;
    });
    return ProjectView.of(project, Role.OWNER);
  }

  /** The caller's projects, newest first. */
  public Listing<ProjectView> list(String uid, int limit, String cursor) {
    Page page = query(Query.on(MEMBERS).whereEqualTo("uid", uid)
        .orderBy("projectCreatedAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor));
    List<ProjectView> items = new ArrayList<>();
    KeyScope key = KeyScope.current();
    for (Document d : page.items()) {
      Member m = member(d);
      if (key != null && !key.reaches(m.projectId())) {
        continue; // a key for one project lists that one
      }
      Role role = key == null ? m.role() : key.cap(m.role());
      documents.get(PROJECTS, m.projectId()).map(ProjectService::project)
          .ifPresent(p -> items.add(ProjectView.of(p, role)));
    }
    return new Listing<>(items, page.nextCursor());
  }

  public ProjectView get(String uid, String projectId) {
    Member me = requireRole(uid, projectId, Role.VIEWER);
    Project p = documents.get(PROJECTS, projectId).map(ProjectService::project).orElseThrow(ProjectService::notFound);
    return ProjectView.of(p, me.role());
  }

  /** Changes the fields given; editors and owners may. {@code ifMatch} may be null. */
  public ProjectView update(String uid, String projectId, String ifMatch, Optional<String> name,
      Optional<String> description, Optional<Boolean> archived) {
    return update(uid, projectId, ifMatch, name, description, archived, Optional.empty(), false, Optional.empty());
  }

  /**
   * Changes the fields given, the brand voice too ({@code clearBrandVoice} removes it); editors and
   * owners may, except {@code batchRunsChargeCreator}: whose allowance batch runs spend is an
   * owner's decision. {@code ifMatch} may be null.
   */
  public ProjectView update(String uid, String projectId, String ifMatch, Optional<String> name,
      Optional<String> description, Optional<Boolean> archived, Optional<BrandVoice> brandVoice,
      boolean clearBrandVoice, Optional<Boolean> batchRunsChargeCreator) {
    return documents.transaction(tx -> {
      Member me = requireRole(tx, uid, projectId, batchRunsChargeCreator.isPresent() ? Role.OWNER : Role.EDITOR);
      Project p = tx.get(PROJECTS, projectId).map(ProjectService::project).orElseThrow(ProjectService::notFound);
      Etags.check(ifMatch, p.version());
      // The project's voice is its default brand kit's: a change of one is a change of the other.
      Optional<dev.contentcreator.core.brand.BrandKit> defaultKit = brandVoice.isPresent() || clearBrandVoice
          ? dev.contentcreator.core.brand.BrandKitService.defaultKit(tx, projectId) : Optional.empty();
      Project changed = new Project(p.id(), name.orElse(p.name()), description.orElse(p.description()),
          archived.orElse(p.archived()), clearBrandVoice ? null : brandVoice.orElse(p.brandVoice()),
          p.createdBy(), p.createdAt(), clock.instant(), p.version() + 1,
          batchRunsChargeCreator.orElse(p.batchRunsChargeCreator()));
      tx.set(PROJECTS, projectId, tree(changed));
      defaultKit.ifPresent(k -> dev.contentcreator.core.brand.BrandKitService.mirrored(tx, k, changed.brandVoice(),
          changed.updatedAt()));
      if (!changed.name().equals(p.name())) {
        ActivityLog.record(tx, projectId, changed.updatedAt(), Actor.of(me), ActivityAction.PROJECT_RENAMED,
            Target.of("project", projectId, changed.name()), Map.of("from", p.name(), "to", changed.name()));
      }
      return ProjectView.of(changed, me.role());
    });
  }

  /**
   * Deletes the project and every membership of it, so it answers 404 for everyone at once, and
   * marks it for the background purge of everything else that belongs to it ({@code ticket}, whose
   * first page the caller has enqueued); owners only.
   */
  public void delete(String uid, String projectId, String ifMatch, PurgeService.Ticket ticket) {
    java.util.Objects.requireNonNull(ticket, "ticket");
    documents.transaction(tx -> {
      requireRole(tx, uid, projectId, Role.OWNER);
      Project p = tx.get(PROJECTS, projectId).map(ProjectService::project).orElseThrow(ProjectService::notFound);
      Etags.check(ifMatch, p.version());
      Page members = tx.query(Query.on(MEMBERS).whereEqualTo("projectId", projectId).limit(MAX_MEMBERS).build());
      for (Document d : members.items()) {
        tx.delete(MEMBERS, d.id());
      }
      tx.delete(PROJECTS, projectId);
      ticket.mark(tx, uid, clock.instant());
      return null;
    });
  }

  public Listing<MemberView> members(String uid, String projectId, int limit, String cursor) {
    requireRole(uid, projectId, Role.VIEWER);
    Page page = query(Query.on(MEMBERS).whereEqualTo("projectId", projectId)
        .orderBy("addedAt", Query.Direction.ASCENDING).limit(limit).startAfter(cursor));
    return new Listing<>(page.items().stream().map(ProjectService::member).map(MemberView::of).toList(),
        page.nextCursor());
  }

  /** Changes a member's role; owners only; the last owner cannot step down. */
  public MemberView changeRole(String uid, String projectId, String targetUid, Role role) {
    return changeMember(uid, projectId, targetUid, Optional.of(role), Optional.empty());
  }

  /**
   * Changes a member's role, whether they are a reviewer (who may approve content or ask for
   * changes, whatever their role), or both; owners only; the last owner cannot step down. Each
   * change is recorded in the activity log.
   */
  public MemberView changeMember(String uid, String projectId, String targetUid, Optional<Role> role,
      Optional<Boolean> reviewer) {
    return documents.transaction(tx -> {
      Member me = requireRole(tx, uid, projectId, Role.OWNER);
      Member target = member(tx, projectId, targetUid)
          .orElseThrow(() -> ApiException.notFound("That person is not a member of this project."));
      Role newRole = role.orElse(target.role());
      if (target.role() == Role.OWNER && newRole != Role.OWNER) {
        requireAnotherOwner(tx, projectId, "The last owner cannot step down; make someone else an owner first.");
      }
      Member changed = new Member(target.projectId(), target.uid(), newRole, target.email(), target.displayName(),
          target.addedBy(), target.addedAt(), target.projectCreatedAt(), reviewer.orElse(target.reviewer()));
      tx.set(MEMBERS, Member.documentId(projectId, targetUid), tree(changed));
      Instant now = clock.instant();
      if (changed.role() != target.role()) {
        ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.MEMBER_ROLE_CHANGED, Target.member(changed),
            Map.of("from", target.role().wireName(), "to", changed.role().wireName()));
      }
      if (changed.reviewer() != target.reviewer()) {
        ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.MEMBER_REVIEWER_CHANGED,
            Target.member(changed), Map.of("reviewer", Boolean.toString(changed.reviewer())));
      }
      return MemberView.of(changed);
    });
  }

  /** Removes a member: owners may remove anyone, and anyone may leave; the last owner cannot. */
  public void removeMember(String uid, String projectId, String targetUid) {
    documents.transaction(tx -> {
      Member me = requireRole(tx, uid, projectId, Role.VIEWER);
      boolean leaving = uid.equals(targetUid);
      if (!leaving && me.role() != Role.OWNER) {
        throw ApiException.forbidden("Only owners may remove other members.");
      }
      Member target = member(tx, projectId, targetUid)
          .orElseThrow(() -> ApiException.notFound("That person is not a member of this project."));
      if (target.role() == Role.OWNER) {
        requireAnotherOwner(tx, projectId, leaving
            ? "The last owner cannot leave; make someone else an owner first, or delete the project."
            : "The last owner cannot be removed.");
      }
      tx.delete(MEMBERS, Member.documentId(projectId, targetUid));
      ActivityLog.record(tx, projectId, clock.instant(), Actor.of(me), leaving ? ActivityAction.MEMBER_LEFT
          : ActivityAction.MEMBER_REMOVED, Target.member(target), Map.of("role", target.role().wireName()));
      return null;
    });
  }

  /** A member of the project by uid; none for a uid that no one could have (a slash, say), which names no document. */
  private static Optional<Member> member(Transaction tx, String projectId, String uid) {
    if (!Ids.isWellFormed(uid)) {
      return Optional.empty();
    }
    return tx.get(MEMBERS, Member.documentId(projectId, uid)).map(ProjectService::member);
  }

  /** The caller's membership if their role is at least {@code needed}; 404 for non-members, 403 if too low. */
  public Member requireRole(String uid, String projectId, Role needed) {
    KeyScope key = KeyScope.current();
    if (!Ids.isWellFormed(projectId) || key != null && !key.reaches(projectId)) {
      throw notFound();
    }
    Member m = documents.get(MEMBERS, Member.documentId(projectId, uid)).map(ProjectService::member)
        .orElseThrow(ProjectService::notFound);
    return checkRole(m, needed, key);
  }

  /** As {@link #requireRole(String, String, Role)}, read inside a transaction. */
  public Member requireRole(Transaction tx, String uid, String projectId, Role needed) {
    KeyScope key = KeyScope.current();
    if (!Ids.isWellFormed(projectId) || key != null && !key.reaches(projectId)) {
      throw notFound();
    }
    Member m = tx.get(MEMBERS, Member.documentId(projectId, uid)).map(ProjectService::member)
        .orElseThrow(ProjectService::notFound);
    return checkRole(m, needed, key);
  }

  /**
   * {@code m} if its role, capped by the API key that signed the request ({@code key}, null for
   * none), is at least {@code needed}: the member is returned with that capped role, so what the
   * caller decides from it (owners only, say) holds the key to its role too.
   */
  private static Member checkRole(Member m, Role needed, KeyScope key) {
    if (key != null) {
      Role capped = key.cap(m.role());
      if (!capped.atLeast(needed)) {
        throw ApiException.forbidden("This needs the " + needed.wireName() + " role; this API key acts as "
            + (capped == Role.EDITOR ? "an " : "a ") + capped.wireName() + " of this project.");
      }
      return new Member(m.projectId(), m.uid(), capped, m.email(), m.displayName(), m.addedBy(), m.addedAt(),
          m.projectCreatedAt(), m.reviewer());
    }
    if (!m.role().atLeast(needed)) {
      throw ApiException.forbidden("This needs the " + needed.wireName() + " role; you are "
          + (m.role() == Role.EDITOR ? "an " : "a ") + m.role().wireName() + " of this project.");
    }
    return m;
  }

  private static void requireAnotherOwner(Transaction tx, String projectId, String message) {
    Page owners = tx.query(Query.on(MEMBERS).whereEqualTo("projectId", projectId)
        .whereEqualTo("role", Role.OWNER.wireName()).limit(2).build());
    if (owners.items().size() < 2) {
      throw ApiException.conflict(message);
    }
  }

  private Page query(Query.Builder q) {
    try {
      return documents.query(q.build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such project, or you are not a member of it.");
  }

  private static JsonObject tree(Object o) {
    return Json.toTree(o).getAsJsonObject();
  }

  /** The project with {@code voice} as its brand voice (its default brand kit's), one version on. */
  public static Project withVoice(Project p, BrandVoice voice, java.time.Instant now) {
    return new Project(p.id(), p.name(), p.description(), p.archived(), voice, p.createdBy(), p.createdAt(), now,
        p.version() + 1, p.batchRunsChargeCreator());
  }

  public static Project project(Document d) {
    return Json.fromTree(d.data(), Project.class);
  }

  static Member member(Document d) {
    return Json.fromTree(d.data(), Member.class);
  }
}
