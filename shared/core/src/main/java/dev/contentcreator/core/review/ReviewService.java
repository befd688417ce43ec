package dev.contentcreator.core.review;

import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.contents.ContentView;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Etags;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The review state of content items ({@link ReviewStatus}) and its history. A change is checked by
 * {@link ReviewRules}, honours {@code If-Match} on the item's version, and is written in one
 * transaction with its history record ({@code reviews/<id>}) and its activity record. A new version
 * of an approved item sends it back to draft ({@link #afterNewVersion}), recorded the same way.
 */
public final class ReviewService {
  public static final String REVIEWS = "reviews";
  /** The longest note a change may carry. */
  public static final int MAX_NOTE = 2_000;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Clock clock;
  private final ReviewListener listener;

  public ReviewService(DocumentStore documents, ProjectService projects, Clock clock) {
    this(documents, projects, ReviewListener.NONE, clock);
  }

  /** {@code listener} hears of each move a person made, once it is stored (notifications). */
  public ReviewService(DocumentStore documents, ProjectService projects, ReviewListener listener, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Moves the item to {@code to}, with an optional note; {@code ifMatch} on the item's version may
   * be null. Returns the item with its current version.
   */
  public ContentView change(String uid, String projectId, String contentId, String ifMatch, ReviewStatus to,
      String note) {
    Objects.requireNonNull(to, "to");
    if (!Ids.isWellFormed(contentId)) {
      projects.requireRole(uid, projectId, Role.VIEWER);
      throw notFound();
    }
    Moved moved = documents.transaction(tx -> {
      Member me = projects.requireRole(tx, uid, projectId, Role.VIEWER);
      ContentItem c = tx.get(ContentService.CONTENTS, contentId).map(ContentService::content)
          .filter(x -> x.projectId().equals(projectId)).orElseThrow(ReviewService::notFound);
      Etags.check(ifMatch, c.version());
      ReviewRules.check(me, c.reviewStatus(), to);
      ContentVersion current = tx.get(ContentService.VERSIONS, ContentVersion.documentId(contentId,
          c.currentVersion())).map(ContentService::version).orElse(null);
      Instant now = clock.instant();
      ContentItem changed = c.withReviewStatus(to, now);
      tx.set(ContentService.CONTENTS, contentId, Json.toTree(changed).getAsJsonObject());
      write(tx, c, to, note, Actor.of(me), now, false);
      return new Moved(c, me, ContentService.view(changed, current));
    });
    listener.moved(moved.before(), to, moved.by(), note);
    return moved.view();
  }

  /** What a move changed: the item before it, who made it, and the item's answer after it. */
  private record Moved(ContentItem before, Member by, ContentView view) {}

  /**
   * A guest's verdict through a share link that may approve: moves an item of {@code projectId}
   * from {@code in_review} to {@code approved} or {@code changes_requested} as {@link
   * ReviewRules#checkGuest} allows, recorded in its history and the activity log as {@code guest}
   * (the guest's name and the link they used), and told to the listener like a member's move (the
   * item's creator and whoever sent it for review hear of it). The share service checked the link
   * and that it opens this item. Returns the item with its current version.
   */
  public ContentView changeAsGuest(String projectId, String contentId, ReviewStatus to, String note, Actor guest) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(guest, "guest");
    if (!Ids.isWellFormed(contentId)) {
      throw notFound();
    }
    Instant now = clock.instant();
    // Not a member: the listener is told of the guest as a reviewer by their shown name only.
    Member asGuest = new Member(projectId, guest.uid(), Role.VIEWER, null, guest.name(), null, now, now, true);
    Moved moved = documents.transaction(tx -> {
      ContentItem c = tx.get(ContentService.CONTENTS, contentId).map(ContentService::content)
          .filter(x -> x.projectId().equals(projectId)).orElseThrow(ReviewService::notFound);
      ReviewRules.checkGuest(c.reviewStatus(), to);
      ContentVersion current = tx.get(ContentService.VERSIONS, ContentVersion.documentId(contentId,
          c.currentVersion())).map(ContentService::version).orElse(null);
      ContentItem changed = c.withReviewStatus(to, now);
      tx.set(ContentService.CONTENTS, contentId, Json.toTree(changed).getAsJsonObject());
      write(tx, c, to, note, guest, now, false);
      return new Moved(c, asGuest, ContentService.view(changed, current));
    });
    listener.moved(moved.before(), to, moved.by(), note);
    return moved.view();
  }

  /**
   * For a service that makes a new version of {@code before} inside {@code tx} (after its reads):
   * an approved item goes back to draft, recorded as a change by {@code actor}. Returns the status
   * the changed item must be written with.
   */
  public static ReviewStatus afterNewVersion(Transaction tx, ContentItem before, int newVersion, Actor actor,
      Instant now) {
    if (before.reviewStatus() != ReviewStatus.APPROVED) {
      return before.reviewStatus();
    }
    ContentItem at = new ContentItem(before.id(), before.projectId(), before.kind(), before.title(), newVersion,
        newVersion, before.preview(), before.jobId(), before.demo(), before.createdBy(), before.createdAt(), now,
        before.version(), before.reviewStatus());
    write(tx, at, ReviewStatus.DRAFT, "A new version (" + newVersion + ") was made after approval.", actor, now, true);
    return ReviewStatus.DRAFT;
  }

  private static void write(Transaction tx, ContentItem c, ReviewStatus to, String note, Actor actor, Instant now,
      boolean automatic) {
    String noteOrNull = note == null || note.isBlank() ? null : note;
    Review r = new Review(Ids.newId(), c.projectId(), c.id(), c.reviewStatus(), to, noteOrNull, actor.uid(),
        actor.name(), now, c.currentVersion(), automatic);
    tx.create(REVIEWS, r.id(), Json.toTree(r).getAsJsonObject());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", c.reviewStatus().wireName());
    details.put("to", to.wireName());
    if (noteOrNull != null) {
      details.put("note", noteOrNull);
    }
    if (automatic) {
      details.put("automatic", "true");
    }
    ActivityLog.record(tx, c.projectId(), now, actor, ActivityAction.CONTENT_STATUS_CHANGED, Target.content(c),
        details);
  }

  /** The item's review history, newest first; members may read it. */
  public Listing<ReviewView> history(String uid, String projectId, String contentId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    if (!Ids.isWellFormed(contentId) || documents.get(ContentService.CONTENTS, contentId).map(ContentService::content)
        .filter(c -> c.projectId().equals(projectId)).isEmpty()) {
      throw notFound();
    }
    Page page;
    try {
      page = documents.query(Query.on(REVIEWS).whereEqualTo("contentId", contentId)
          .orderBy("at", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    return new Listing<>(page.items().stream().map(d -> Json.fromTree(d.data(), Review.class)).map(ReviewView::of)
        .toList(), page.nextCursor());
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such content item in this project.");
  }
}
