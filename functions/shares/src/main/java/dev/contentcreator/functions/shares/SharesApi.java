package dev.contentcreator.functions.shares;

import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.comments.Anchors;
import dev.contentcreator.core.comments.CommentService;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.Anchor;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.review.ReviewService;
import dev.contentcreator.core.shares.SharePasswords;
import dev.contentcreator.core.shares.SharePermission;
import dev.contentcreator.core.shares.ShareService;
import dev.contentcreator.core.shares.ShareSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The routes of share links. Members (a Firebase token): a project's editors and owners make, list
 * and revoke links. Guests (no account; the link's token in the path, and a guest session from
 * {@code unlock} in {@code X-Share-Session} for a link with a password): open the link, fetch its
 * media, unlock it, and approve or ask for changes where the link allows. Every guest route has a
 * rate limit per address of its own, tighter for password tries. A link that may comment also
 * reads and writes the comments of the items it opens, through the comments service's guest path.
 * Request checks here, rules in {@link ShareService} and {@link CommentService}.
 */
public final class SharesApi {
  static final String SESSION_HEADER = "X-Share-Session";
  private static final int MAX_VERSION = 100_000;

  private SharesApi() {}

  public static Router router(Services s) {
    String project = "/api/projects/{projectId}/shares";
    String link = "/api/shares/{token}";
    ShareSettings limits = s.platform().settings(ShareSettings.class, ShareSettings::from);
    return Router.builder()
        .get(project, r -> ApiResponse.ok(s.shares().list(r.caller().uid(), r.pathParam("projectId"),
            r.intQueryParam("limit", 50, 1, 100), r.queryParam("cursor").orElse(null))))
        .post(project, r -> {
          var issued = s.shares().create(r.caller().uid(), r.pathParam("projectId"), request(r));
          return ApiResponse.created(project.replace("{projectId}", r.pathParam("projectId")) + "/"
              + issued.share().id(), issued);
        })
        .get(project + "/{shareId}", r -> ApiResponse.ok(s.shares().get(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("shareId"))))
        .post(project + "/{shareId}/revoke", r -> {
          emptyOrNoFields(r);
          return ApiResponse.ok(s.shares().revoke(r.caller().uid(), r.pathParam("projectId"), r.pathParam("shareId")));
        })
        .publicGet(link, r -> ApiResponse.ok(s.shares().open(r.pathParam("token"), session(r),
            "/api/shares/" + r.pathParam("token") + "/media"))).limitPerAddress("share", limits.perIp())
        .publicGet(link + "/media", r -> media(s, r)).limitPerAddress("share", limits.perIp())
        .publicPost(link + "/unlock", r -> {
          JsonBody body = r.json();
          String password = body.requiredString("password", 1, SharePasswords.MAX_LENGTH);
          body.finish();
          return ApiResponse.ok(s.shares().unlock(r.pathParam("token"), password));
        }).limitPerAddress("share-unlock", limits.unlockPerIp())
        .publicPost(link + "/review", r -> review(s, r)).limitPerAddress("share", limits.perIp())
        .publicGet(link + "/comments", r -> {
          String contentId = r.queryParam("contentId").orElseThrow(() -> ApiException.badRequest("contentId", "is required"));
          ShareService.Guest guest = commenter(s, r, contentId);
          return ApiResponse.ok(s.comments().threadsForGuest(guest.projectId(), contentId,
              r.queryParam("version").map(v -> r.intQueryParam("version", 1, 1, MAX_VERSION)), Optional.empty(),
              r.intQueryParam("limit", 20, 1, 100), r.queryParam("cursor").orElse(null)));
        }).limitPerAddress("share", limits.perIp())
        .publicPost(link + "/comments", r -> guestComment(s, r)).limitPerAddress("share", limits.perIp())
        .build();
  }

  private static ShareService.Request request(ApiRequest r) {
    JsonBody body = r.json();
    List<String> ids = body.strings("contentIds", ShareService.MAX_ITEMS, 64).orElse(null);
    if (ids == null && !body.has("contentIds")) {
      body.reject("contentIds", "is required");
    }
    Optional<String> perm = body.string("permission", 1, 20);
    SharePermission permission = SharePermission.VIEW;
    if (perm.isPresent()) {
      permission = SharePermission.parse(perm.get()).orElse(SharePermission.VIEW);
      if (SharePermission.parse(perm.get()).isEmpty()) {
        body.reject("permission", "must be view, comment or approve");
      }
    }
    Instant expiresAt = body.string("expiresAt", 1, 40).map(t -> {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        body.reject("expiresAt", "must be a date and time such as 2030-01-31T12:00:00Z");
        return null;
      }
    }).orElse(null);
    String password = body.string("password", SharePasswords.MIN_LENGTH, SharePasswords.MAX_LENGTH).orElse(null);
    String label = body.string("label", 0, ShareService.MAX_LABEL).orElse("");
    body.finish();
    return new ShareService.Request(ids, permission, expiresAt, password, label);
  }

  private static ApiResponse review(Services s, ApiRequest r) {
    JsonBody body = r.json();
    String contentId = body.requiredString("contentId", 1, 64);
    String status = body.requiredString("status", 1, 40);
    ReviewStatus to = status == null ? null : ReviewStatus.parse(status)
        .filter(x -> x == ReviewStatus.APPROVED || x == ReviewStatus.CHANGES_REQUESTED).orElse(null);
    if (status != null && to == null) {
      body.reject("status", "must be approved or changes_requested");
    }
    String note = body.string("note", 0, ReviewService.MAX_NOTE).orElse(null);
    String guestName = body.requiredString("guestName", 1, ShareService.MAX_GUEST_NAME);
    body.finish();
    return ApiResponse.ok(s.shares().review(r.pathParam("token"), session(r), contentId, to, note, guestName));
  }

  private static ApiResponse guestComment(Services s, ApiRequest r) {
    JsonBody body = r.json();
    String contentId = body.requiredString("contentId", 1, 64);
    String text = body.requiredString("body", 1, CommentService.MAX_BODY);
    String guestName = body.requiredString("guestName", 1, ShareService.MAX_GUEST_NAME);
    Optional<Anchor> anchor = Anchors.parse(body);
    Integer version = body.has("version") ? body.integer("version", 1, 1, MAX_VERSION) : null;
    Optional<String> parentId = body.string("parentId", 1, 128);
    body.finish();
    ShareService.Guest guest = commenter(s, r, contentId);
    Actor who = guest.actor(guestName.strip());
    CommentService.Posted posted = s.comments().postAsGuest(who.uid(), who.name(), guest.projectId(), contentId,
        r.header("Idempotency-Key").orElse(null),
        new CommentService.NewComment(text, List.of(), anchor.orElse(null), version, parentId.orElse(null)));
    // The new comment has no address of its own for a guest: it is listed under the link.
    return posted.created()
        ? ApiResponse.created("/api/shares/" + r.pathParam("token") + "/comments?contentId=" + contentId, posted.comment())
        : ApiResponse.ok(posted.comment());
  }

  /** The checked holder of a link that opens {@code contentId} and may comment. */
  private static ShareService.Guest commenter(Services s, ApiRequest r, String contentId) {
    ShareService.Guest guest = s.shares().guest(r.pathParam("token"), session(r));
    guest.requireOpens(contentId);
    guest.require(SharePermission.COMMENT);
    return guest;
  }

  private static ApiResponse media(Services s, ApiRequest r) {
    String contentId = r.queryParam("contentId")
        .orElseThrow(() -> ApiException.badRequest("contentId", "is required"));
    Optional<String> rendition = r.queryParam("rendition");
    rendition.ifPresent(name -> {
      if (!name.matches("thumb-256|thumb-1024|poster")) {
        throw ApiException.badRequest("rendition", "must be thumb-256, thumb-1024 or poster");
      }
    });
    String session = session(r) != null ? session(r) : r.queryParam("session").orElse(null);
    ContentService.Media m = s.shares().media(r.pathParam("token"), session, contentId, rendition);
    if (m.signedUrl() != null) {
      return ApiResponse.redirect(m.signedUrl().toString()).header("Cache-Control", "private, max-age=60");
    }
    if (r.header("If-None-Match").map(m.etag()::equals).orElse(false)) {
      try {
        m.stream().close();
      } catch (IOException e) {
        // nothing to release
      }
      return ApiResponse.notModified(m.etag());
    }
    // Cached briefly, so revoking a link soon stops the media too.
    return ApiResponse.streaming(m.contentType(), out -> {
      try (InputStream in = m.stream()) {
        in.transferTo(out);
      }
    }).header("Cache-Control", "private, max-age=300")
        .header("ETag", m.etag())
        .header("Content-Disposition", "inline");
  }

  private static String session(ApiRequest r) {
    return r.header(SESSION_HEADER).orElse(null);
  }

  private static void emptyOrNoFields(ApiRequest r) {
    if (r.rawBody().length > 0) {
      r.json().finish();
    }
  }
}
