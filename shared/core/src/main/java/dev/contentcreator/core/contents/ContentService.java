package dev.contentcreator.core.contents;

import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.brand.BrandChecks;
import dev.contentcreator.core.brand.BrandRules;
import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.deletion.PurgeService;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Etags;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.DocumentStore.Transaction;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.review.ReviewService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Content items and their versions. Generating adds one (or a version to one); a person may edit
 * a text (a new version), restore an older version (a new version with its body), rename, or
 * delete an item (its versions and media go in a background purge, {@link PurgeService}). Reading needs the viewer role, changing the editor.
 * Documents: {@code contents/<id>}, {@code versions/<contentId>_<n>}.
 */
public final class ContentService {
  public static final String CONTENTS = "contents";
  public static final String VERSIONS = "versions";
  public static final int MAX_TEXT = 100_000;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Supplier<BlobStore> blobs;
  private final Clock clock;

  public ContentService(DocumentStore documents, ProjectService projects, Supplier<BlobStore> blobs, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static ContentItem content(Document d) {
    return Json.fromTree(d.data(), ContentItem.class);
  }

  public static ContentVersion version(Document d) {
    return Json.fromTree(d.data(), ContentVersion.class);
  }

  /** The project's content items, newest first, optionally of one kind. */
  public Listing<ContentView> list(String uid, String projectId, Optional<ContentKind> kind, int limit, String cursor) {
    return list(uid, projectId, kind, Optional.empty(), limit, cursor);
  }

  /**
   * The project's content items, newest first, optionally of one kind and in one review state. An
   * item stored before review existed has no {@code reviewStatus} field and reads as draft; the
   * SQLite file writes the field into such items when it opens, while on Firestore such an item is
   * listed under {@code draft} once it is next written (any change writes the field).
   */
  public Listing<ContentView> list(String uid, String projectId, Optional<ContentKind> kind,
      Optional<ReviewStatus> status, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    Query.Builder q = Query.on(CONTENTS).whereEqualTo("projectId", projectId);
    kind.ifPresent(k -> q.whereEqualTo("kind", k.name().toLowerCase(java.util.Locale.ROOT)));
    status.ifPresent(st -> q.whereEqualTo("reviewStatus", st.wireName()));
    Page page;
    try {
      page = documents.query(q.orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    List<ContentView> items = new ArrayList<>();
    for (Document d : page.items()) {
      items.add(ContentView.of(content(d), null));
    }
    return new Listing<>(items, page.nextCursor());
  }

  /** A content item with its current version. */
  public ContentView get(String uid, String projectId, String contentId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    ContentItem c = find(projectId, contentId);
    return view(c, versionOf(contentId, c.currentVersion()));
  }

  public ContentItem find(String projectId, String contentId) {
    if (!Ids.isWellFormed(contentId)) {
      throw notFound();
    }
    return documents.get(CONTENTS, contentId).map(ContentService::content)
        .filter(c -> c.projectId().equals(projectId)).orElseThrow(ContentService::notFound);
  }

  private ContentVersion versionOf(String contentId, int n) {
    return documents.get(VERSIONS, ContentVersion.documentId(contentId, n)).map(ContentService::version)
        .orElseThrow(() -> ApiException.notFound("No such version."));
  }

  /** Every version, oldest first, as the API shows them. */
  public List<VersionView> versions(String uid, String projectId, String contentId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    find(projectId, contentId);
    return documents.query(Query.on(VERSIONS).whereEqualTo("contentId", contentId)
        .orderBy("number", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).build()).items().stream()
        .map(ContentService::version).map(v -> VersionView.of(projectId, v)).toList();
  }

  /** One version's media, or one of its renditions ({@code thumb-256}, {@code thumb-1024}, {@code poster}). */
  public record Media(ContentVersion version, String contentType, String etag, InputStream stream,
      java.net.URI signedUrl) {}

  public Media media(String uid, String projectId, String contentId, Optional<Integer> number,
      Optional<String> rendition) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return mediaOf(find(projectId, contentId), number, rendition);
  }

  /**
   * The current version's media of an item, or one of its renditions, for a holder of a share link
   * that opens it: the share service checked the link; there is no member to check.
   */
  public Media sharedMedia(String projectId, String contentId, Optional<String> rendition) {
    return mediaOf(find(projectId, contentId), Optional.empty(), rendition);
  }

  private Media mediaOf(ContentItem c, Optional<Integer> number, Optional<String> rendition) {
    String contentId = c.id();
    ContentVersion v = versionOf(contentId, number.orElse(c.currentVersion()));
    if (v.blobKey() == null) {
      throw ApiException.notFound("This version has no media; it is a text.");
    }
    String key = v.blobKey();
    String type = v.contentType();
    if (rendition.isPresent()) {
      if (v.media() == null || !v.media().renditions().containsKey(rendition.get())) {
        throw ApiException.notFound("This version has no " + rendition.get() + ".");
      }
      key = v.media().renditions().get(rendition.get());
      type = v.media().renditionTypes().getOrDefault(rendition.get(), "application/octet-stream");
    }
    String etag = "\"" + (v.media() != null ? v.media().sha256().substring(0, 32) + "-" + rendition.orElse("web")
        : contentId + "-" + v.number()) + "\"";
    // Where the store signs addresses (Cloud Storage), the client reads the file from it directly.
    Optional<BlobStore.SignedUrl> signed = blobs.get().signedDownload(key, java.time.Duration.ofMinutes(15));
    if (signed.isPresent()) {
      return new Media(v, type, etag, null, signed.get().url());
    }
    try {
      String found = key;
      InputStream in = blobs.get().open(found).orElseThrow(() -> ApiException.notFound("The media is gone."));
      return new Media(v, type, etag, in, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renames, edits the text (a new version), or restores an older version (a new version with its
   * body). Editors and owners; {@code ifMatch} on the item's version may be null.
   */
  public ContentView update(String uid, String projectId, String contentId, String ifMatch, Optional<String> title,
      Optional<String> text, Optional<Integer> restore) {
    Member me = projects.requireRole(uid, projectId, Role.EDITOR);
    ContentItem found = find(projectId, contentId);
    if (text.isPresent() && found.kind() != ContentKind.TEXT) {
      throw ApiException.unprocessable("text", "only a text can be edited; regenerate media instead");
    }
    return documents.transaction(tx -> {
      ContentItem c = tx.get(CONTENTS, contentId).map(ContentService::content).orElseThrow(ContentService::notFound);
      Etags.check(ifMatch, c.version());
      // A new text (an edit, a restore) is checked against the brand rules as they stand now.
      BrandRules rules = text.isPresent() || restore.isPresent() ? BrandChecks.rules(tx, projectId) : null;
      ContentVersion from = null;
      if (restore.isPresent()) {
        from = tx.get(VERSIONS, ContentVersion.documentId(contentId, restore.get())).map(ContentService::version)
            .orElseThrow(() -> ApiException.unprocessable("restoreVersion", "no such version"));
      }
      // Every read comes before the first write (Firestore's rule, which the SQLite adapter keeps
      // too): a rename shows the current version as it stands, so it is read here, not after.
      ContentVersion unchanged = text.isPresent() || from != null ? null : versionOf(tx, contentId, c.currentVersion());
      Instant now = clock.instant();
      int current = c.currentVersion();
      int latest = c.latestVersion();
      String preview = c.preview();
      ContentVersion added = null;
      if (text.isPresent() || from != null) {
        latest = latest + 1;
        added = from != null
            ? new ContentVersion(contentId, projectId, latest, from.text(), from.blobKey(), from.contentType(), from.width(),
                from.height(), from.durationSeconds(), "restored", from.jobId(), from.provider(), from.model(), uid, now,
                from.media(), from.findings())
            : new ContentVersion(contentId, projectId, latest, text.get(), null, "text/markdown", null, null, null,
                "edited", null, null, null, uid, now, null);
        current = latest;
        added = added.withFindings(BrandChecks.check(rules, added.text()));
        if (added.text() != null) {
          preview = preview(added.text());
        }
      }
      // The records in the order things happened: the rename or new version, then what it did to review.
      Actor actor = Actor.of(me);
      Target target = Target.content(c.id(), title.orElse(c.title()));
      if (title.isPresent() && !title.get().equals(c.title())) {
        ActivityLog.record(tx, projectId, now, actor, ActivityAction.CONTENT_RENAMED, target,
            Map.of("from", c.title() == null ? "" : c.title(), "to", title.get()));
      }
      if (added != null) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", Integer.toString(added.number()));
        if (from != null) {
          details.put("restoredFrom", Integer.toString(from.number()));
        }
        ActivityLog.record(tx, projectId, now, actor, from != null ? ActivityAction.CONTENT_RESTORED
            : ActivityAction.CONTENT_EDITED, target, details);
      }
      ReviewStatus status = added == null ? c.reviewStatus()
          : ReviewService.afterNewVersion(tx, c, latest, actor, now);
      ContentItem changed = new ContentItem(c.id(), c.projectId(), c.kind(), title.orElse(c.title()), current, latest,
          preview, c.jobId(), c.demo(), c.createdBy(), c.createdAt(), now, c.version() + 1, status);
      if (added != null) {
        tx.create(VERSIONS, ContentVersion.documentId(contentId, added.number()), Json.toTree(added).getAsJsonObject());
      }
      tx.set(CONTENTS, contentId, Json.toTree(changed).getAsJsonObject());
      return view(changed, added != null ? added : unchanged);
    });
  }

  private static ContentVersion versionOf(Transaction tx, String contentId, int n) {
    return tx.get(VERSIONS, ContentVersion.documentId(contentId, n)).map(ContentService::version).orElse(null);
  }

  /**
   * Deletes the item at once (the API answers 404 for it from now on) and leaves its versions and
   * their media to a background purge that runs in pages, however many versions there are.
   * Editors and owners; {@code ifMatch} on the item's version may be null.
   */
  public void delete(String uid, String projectId, String contentId, String ifMatch, PurgeService purges) {
    Member me = projects.requireRole(uid, projectId, Role.EDITOR);
    find(projectId, contentId);
    PurgeService.Ticket ticket = purges.startContent(projectId, contentId);
    documents.transaction(tx -> {
      ContentItem c = tx.get(CONTENTS, contentId).map(ContentService::content)
          .filter(x -> x.projectId().equals(projectId)).orElseThrow(ContentService::notFound);
      Etags.check(ifMatch, c.version());
      Instant now = clock.instant();
      tx.delete(CONTENTS, contentId);
      ticket.mark(tx, uid, now);
      // The record stays when the item goes: it is the project's history (see ActivityLog).
      ActivityLog.record(tx, projectId, now, Actor.of(me), ActivityAction.CONTENT_DELETED, Target.content(c),
          Map.of("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT)));
      return null;
    });
  }

  /**
   * Adds what a generation made, inside the caller's transaction: a new content item, or a new
   * current version of {@code existing} for a regeneration. Returns the content id. The caller
   * read {@code existing} in the same transaction.
   */
  public static String addGenerated(Transaction tx, ContentItem existing, String projectId, String jobId,
      ContentKind kind, String title, ContentVersion body, boolean demo, String uid, Instant now) {
    // The person who asked for the job; the log shows their member name (the job keeps only the uid).
    Actor actor = Actor.person(uid, null);
    if (existing != null) {
      int n = existing.latestVersion() + 1;
      ContentVersion v = renumber(body, existing.id(), n);
      tx.create(VERSIONS, ContentVersion.documentId(existing.id(), n), Json.toTree(v).getAsJsonObject());
      ActivityLog.record(tx, projectId, now, actor, ActivityAction.CONTENT_REGENERATED, Target.content(existing),
          made(v, jobId, Map.of("version", Integer.toString(n))));
      ReviewStatus status = ReviewService.afterNewVersion(tx, existing, n, actor, now);
      ContentItem changed = new ContentItem(existing.id(), projectId, existing.kind(), existing.title(), n, n,
          v.text() != null ? preview(v.text()) : existing.preview(), jobId, demo, existing.createdBy(),
          existing.createdAt(), now, existing.version() + 1, status);
      tx.set(CONTENTS, existing.id(), Json.toTree(changed).getAsJsonObject());
      return existing.id();
    }
    String id = Ids.newId();
    ContentVersion v = renumber(body, id, 1);
    ContentItem c = new ContentItem(id, projectId, kind, title, 1, 1, v.text() != null ? preview(v.text()) : null, jobId,
        demo, uid, now, now, 1, ReviewStatus.DRAFT);
    tx.create(CONTENTS, id, Json.toTree(c).getAsJsonObject());
    tx.create(VERSIONS, ContentVersion.documentId(id, 1), Json.toTree(v).getAsJsonObject());
    ActivityLog.record(tx, projectId, now, actor, ActivityAction.CONTENT_CREATED, Target.content(c),
        made(v, jobId, Map.of("kind", kind.name().toLowerCase(java.util.Locale.ROOT))));
    return id;
  }

  /** The details of a version made: how (generated, uploaded, imported), by which job if any, and {@code more}. */
  private static Map<String, String> made(ContentVersion v, String jobId, Map<String, String> more) {
    Map<String, String> details = new LinkedHashMap<>(more);
    if (v.source() != null) {
      details.put("source", v.source());
    }
    if (jobId != null) {
      details.put("jobId", jobId);
    }
    return details;
  }

  private static ContentVersion renumber(ContentVersion v, String contentId, int n) {
    return new ContentVersion(contentId, v.projectId(), n, v.text(), v.blobKey(), v.contentType(), v.width(),
        v.height(), v.durationSeconds(), v.source(), v.jobId(), v.provider(), v.model(), v.createdBy(), v.createdAt(),
        v.media(), v.findings(), v.knowledge());
  }

  static String preview(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 240 ? flat : flat.substring(0, 239) + "…";
  }

  /** A content item and its current version as the API shows them, read without a role check. */
  public static ContentView viewOf(DocumentStore documents, String projectId, String contentId) {
    ContentItem c = documents.get(CONTENTS, contentId).map(ContentService::content)
        .filter(x -> x.projectId().equals(projectId)).orElseThrow(ContentService::notFound);
    ContentVersion v = documents.get(VERSIONS, ContentVersion.documentId(contentId, c.currentVersion()))
        .map(ContentService::version).orElse(null);
    return view(c, v);
  }

  /** A content item and the given version (or none) as the API shows them. */
  public static ContentView view(ContentItem c, ContentVersion current) {
    return ContentView.of(c, current == null ? null : VersionView.of(c.projectId(), current));
  }

  private static ApiException notFound() {
    return ApiException.notFound("No such content item in this project.");
  }
}
