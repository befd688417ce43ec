package dev.contentcreator.functions.shares;

import dev.contentcreator.core.contents.ContentService;
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
 * rate limit per address of its own, tighter for password tries. Request checks here, rules in
 * {@link ShareService}.
 *
 * <p>Guest comments (a link with the {@code comment} permission) are not routed yet: they are the
 * comments service's. The route to add is {@code GET|POST /api/shares/{token}/comments?contentId=},
 * public, limited by {@code "share"}, handled as {@code services.shares().guest(token, session)},
 * then {@code guest.requireOpens(contentId)}, {@code guest.require(SharePermission.COMMENT)} and the
 * comments service's guest path with {@code guest.actor(name)}.
 */
public final class SharesApi {
  static final String SESSION_HEADER = "X-Share-Session";

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
