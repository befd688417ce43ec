package dev.contentcreator.functions.contents;

import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.exports.ExportStyle;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.generation.StreamSettings;
import dev.contentcreator.core.generation.StreamSlots;
import dev.contentcreator.core.live.ItemStream;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.core.review.ReviewService;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The routes of content items: request checks here, rules in {@link ContentService}. */
public final class ContentsApi {
  private ContentsApi() {}

  public static Router router(Services s) {
    String base = "/api/projects/{projectId}/contents";
    StreamSettings streamSettings = s.platform().settings(StreamSettings.class, StreamSettings::from);
    // The same slots as a job's streams: the cap is on a person's live views, whatever they follow.
    StreamSlots slots = new StreamSlots(s.platform()::cache, streamSettings.maxPerPerson(),
        streamSettings.maxDuration().plusSeconds(15), System::nanoTime);
    ItemStream live = new ItemStream(s::projects, s::users, s.platform()::documents, s.platform()::changes, slots,
        streamSettings, s.platform().clock(), System::nanoTime);
    return CommentsApi.routes(Router.builder(), s)
        .get(base, r -> list(s, r))
        // Server-sent events of what changes on the item and who else views it: see ItemStream.
        .get(base + "/{contentId}/live", r -> live.open(r.caller(), r.pathParam("projectId"), r.pathParam("contentId")))
        .get(base + "/{contentId}", r -> {
          var c = s.contents().get(r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId"));
          return ApiResponse.ok(c).etag(c.version());
        })
        .patch(base + "/{contentId}", r -> update(s, r))
        .delete(base + "/{contentId}", r -> {
          s.contents().delete(r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId"),
              r.header("If-Match").orElse(null), s.purges());
          return ApiResponse.noContent();
        }).sensitive()
        .get(base + "/{contentId}/versions", r -> ApiResponse.ok(Map.of("items", s.contents().versions(
            r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId")))))
        .get(base + "/{contentId}/media", r -> media(s, r))
        // The item as a file in the project's style, written as it is read: see ItemExports.
        .get(base + "/{contentId}/export", r -> s.itemExports().prepare(r.caller().uid(), r.pathParam("projectId"),
            r.pathParam("contentId"), r.queryParam("format").orElse(null),
            r.queryParam("version").map(v -> r.intQueryParam("version", 1, 1, 100_000))).response())
        .get("/api/projects/{projectId}/export-style", r -> ApiResponse.ok(
            s.exportStyles().get(r.caller().uid(), r.pathParam("projectId"))))
        .put("/api/projects/{projectId}/export-style", r -> putStyle(s, r))
        .post(base + "/{contentId}/review", r -> review(s, r))
        .get(base + "/{contentId}/reviews", r -> ApiResponse.ok(s.reviews().history(r.caller().uid(),
            r.pathParam("projectId"), r.pathParam("contentId"), r.intQueryParam("limit", 20, 1, 100),
            r.queryParam("cursor").orElse(null))))
        .build();
  }

  private static ApiResponse list(Services s, ApiRequest r) {
    Optional<ContentKind> kind = r.queryParam("kind").map(k -> {
      try {
        return ContentKind.valueOf(k.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("kind", "must be text, image or video");
      }
    });
    Optional<ReviewStatus> status = r.queryParam("status").map(ContentsApi::status);
    int limit = r.intQueryParam("limit", 20, 1, 100);
    return ApiResponse.ok(s.contents().list(r.caller().uid(), r.pathParam("projectId"), kind, status, limit,
        r.queryParam("cursor").orElse(null)));
  }

  /**
   * Replaces the project's export style: {@code headingFont}, {@code bodyFont} (sans, serif or
   * mono), {@code accentColor} (#rrggbb), {@code logoContentId} (an image item, or null) and
   * {@code footer}; a field left out takes its default. Owners only.
   */
  private static ApiResponse putStyle(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.OWNER);
    JsonBody body = r.json();
    ExportStyle d = ExportStyle.DEFAULT;
    String heading = body.string("headingFont", 1, 10).orElse(d.headingFont());
    String bodyFont = body.string("bodyFont", 1, 10).orElse(d.bodyFont());
    String accent = body.string("accentColor", 7, 7).orElse(d.accentColor());
    String logo = body.string("logoContentId", 1, 100).orElse(null);
    String footer = body.string("footer", 0, ExportStyle.MAX_FOOTER).orElse("");
    if (!ExportStyle.FONTS.contains(heading)) {
      body.reject("headingFont", "must be one of " + String.join(", ", ExportStyle.FONTS));
    }
    if (!ExportStyle.FONTS.contains(bodyFont)) {
      body.reject("bodyFont", "must be one of " + String.join(", ", ExportStyle.FONTS));
    }
    if (!accent.matches("#[0-9a-fA-F]{6}")) {
      body.reject("accentColor", "must be a colour as #rrggbb");
    }
    if (footer.contains("\n") || footer.contains("\t")) {
      body.reject("footer", "must be one line");
    }
    body.finish();
    return ApiResponse.ok(s.exportStyles().put(r.caller().uid(), projectId,
        new ExportStyle(heading, bodyFont, accent, logo, footer)));
  }

  private static ReviewStatus status(String text) {
    return ReviewStatus.parse(text).orElseThrow(() ->
        ApiException.badRequest("status", "must be one of " + ReviewStatus.wireNames()));
  }

  /** Moves the item to another review state: {@code {"status": "...", "note": "..."}}. */
  private static ApiResponse review(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    // Strangers learn nothing from the body's checks: 404 first, as every content route answers them.
    s.projects().requireRole(r.caller().uid(), projectId, Role.VIEWER);
    JsonBody body = r.json();
    String text = body.requiredString("status", 1, 40);
    ReviewStatus to = text == null ? null : ReviewStatus.parse(text).orElse(null);
    if (text != null && to == null) {
      body.reject("status", "must be one of " + ReviewStatus.wireNames());
    }
    Optional<String> note = body.string("note", 0, ReviewService.MAX_NOTE);
    body.finish();
    var c = s.reviews().change(r.caller().uid(), projectId, r.pathParam("contentId"),
        r.header("If-Match").orElse(null), to, note.orElse(null));
    return ApiResponse.ok(c).etag(c.version());
  }

  private static ApiResponse update(Services s, ApiRequest r) {
    s.projects().requireRole(r.caller().uid(), r.pathParam("projectId"), Role.EDITOR);
    JsonBody body = r.json();
    Optional<String> title = body.string("title", 1, 200);
    Optional<String> text = body.string("text", 0, ContentService.MAX_TEXT);
    boolean restoring = body.has("restoreVersion");
    int restore = body.integer("restoreVersion", 0, 1, 100_000);
    if (text.isPresent() && restoring) {
      body.reject("restoreVersion", "give either text or restoreVersion, not both");
    }
    if (!body.has("title") && !body.has("text") && !restoring) {
      body.reject("body", "name at least one of title, text, restoreVersion");
    }
    body.finish();
    var c = s.contents().update(r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId"),
        r.header("If-Match").orElse(null), title, text, restoring ? Optional.of(restore) : Optional.empty());
    return ApiResponse.ok(c).etag(c.version());
  }

  private static ApiResponse media(Services s, ApiRequest r) {
    Optional<Integer> version = r.queryParam("version").map(v -> r.intQueryParam("version", 1, 1, 100_000));
    Optional<String> rendition = r.queryParam("rendition");
    rendition.ifPresent(name -> {
      if (!name.matches("thumb-256|thumb-1024|poster")) {
        throw ApiException.badRequest("rendition", "must be thumb-256, thumb-1024 or poster");
      }
    });
    ContentService.Media m = s.contents().media(r.caller().uid(), r.pathParam("projectId"), r.pathParam("contentId"),
        version, rendition);
    if (m.signedUrl() != null) {
      // The signed address lives 15 minutes; the redirect may be cached for less than that.
      return ApiResponse.redirect(m.signedUrl().toString()).header("Cache-Control", "private, max-age=600");
    }
    if (r.header("If-None-Match").map(m.etag()::equals).orElse(false)) {
      try {
        m.stream().close();
      } catch (java.io.IOException e) {
        // nothing to release
      }
      return ApiResponse.notModified(m.etag());
    }
    // A version's media never changes once stored (a new version gets new media), so it can be cached
    // for long; private, since only members may see it.
    return ApiResponse.streaming(m.contentType(), out -> {
      try (InputStream in = m.stream()) {
        in.transferTo(out);
      }
    }).header("Cache-Control", "private, max-age=86400, immutable")
        .header("ETag", m.etag())
        .header("Content-Disposition", "inline")
        .header("X-Content-Type-Options", "nosniff");
  }
}
