package dev.contentcreator.functions.media;

import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.contents.ContentView;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.media.UploadSlot;
import dev.contentcreator.core.platform.Services;
import java.util.Locale;
import java.util.Optional;

/**
 * The media routes. The body is the file itself, of any declared type (its type is read from its
 * bytes), with an optional {@code title} query parameter; or JSON {@code {"url": "https://...",
 * "title": "..."}} to import from an address; or JSON {@code {"byteSize": n, "contentType": "...",
 * "title": "..."}} to ask where to upload a file (a signed address where the blob store gives one).
 * Setting: {@code MEDIA_MAX_UPLOAD_BYTES} (100 MiB).
 */
public final class MediaApi {
  /** The types a file may be announced as: the media the product reads, or "read it from the bytes". */
  static final java.util.List<String> UPLOAD_TYPES = java.util.List.of("image/png", "image/jpeg", "image/webp",
      "image/gif", "video/mp4", "video/webm", "application/octet-stream");

  private MediaApi() {}

  public static Router router(Services s) {
    long max = s.platform().config().get(Settings.MEDIA_MAX_UPLOAD_BYTES);
    return Router.builder()
        .upload("/api/projects/{projectId}/media", max, r -> receive(s, r, max))
        .get("/api/projects/{projectId}/media/uploads/{uploadId}", r -> ApiResponse.ok(
            s.media().uploadStatus(r.caller().uid(), r.pathParam("projectId"), r.pathParam("uploadId"))))
        // The project's images and videos as one ZIP, streamed as the files are read.
        .get("/api/projects/{projectId}/media/archive", r ->
            s.projectMedia().prepare(r.caller().uid(), r.pathParam("projectId")).response())
        // Exports built in the background, then downloaded through a signed link: see BackgroundExports.
        .post("/api/projects/{projectId}/exports", r -> startExport(s, r))
        .get("/api/projects/{projectId}/exports", r -> ApiResponse.ok(java.util.Map.of("items",
            s.backgroundExports().list(r.caller().uid(), r.pathParam("projectId")),
            "backgroundRows", s.backgroundExports().backgroundRows())))
        .get("/api/projects/{projectId}/exports/{exportId}", r -> ApiResponse.ok(
            s.backgroundExports().get(r.caller().uid(), r.pathParam("projectId"), r.pathParam("exportId"))))
        .publicGet("/api/downloads/{exportId}", r -> s.backgroundExports().download(r.pathParam("exportId"),
            r.queryParam("expires").orElse(null), r.queryParam("sig").orElse(null)).response())
        .build();
  }

  /** {@code {"what": "run", "batchId", "runId", "format": "csv|jsonl|zip"}} or {@code {"what": "media"}}: 202. */
  private static ApiResponse startExport(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.VIEWER);
    JsonBody body = r.json();
    String what = body.requiredString("what", 1, 10);
    Optional<String> batchId = body.string("batchId", 1, 128);
    Optional<String> runId = body.string("runId", 1, 200);
    Optional<String> format = body.string("format", 1, 10);
    body.finish();
    var started = s.backgroundExports().start(r.caller().uid(), projectId, what, batchId.orElse(null),
        runId.orElse(null), format.orElse(null));
    return ApiResponse.accepted("/api/projects/" + projectId + "/exports/" + started.id(), started);
  }

  private static ApiResponse receive(Services s, ApiRequest r, long max) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, Role.EDITOR);
    String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    ContentView content;
    if (type.equals("application/json")) {
      JsonBody body = r.json();
      Optional<String> title = body.string("title", 1, 200);
      if (body.has("byteSize")) {
        // Asking where to send a file: a signed address in production, this route on one machine.
        int size = body.integer("byteSize", 0, 1, Integer.MAX_VALUE);
        String declared = body.string("contentType", 1, 100).orElse("application/octet-stream");
        body.finish();
        if (!UPLOAD_TYPES.contains(declared.toLowerCase(Locale.ROOT))) {
          // The signed address carries this type to the blob store; only media may be asked for.
          throw ApiException.of(415, "unsupported-media-type", "Unsupported media type",
              "contentType must be one of " + String.join(", ", UPLOAD_TYPES) + ", not " + declared + ".");
        }
        UploadSlot slot = s.media().requestUpload(r.caller(), projectId, size, declared, title, max);
        return ApiResponse.created(slot.statusUrl(), slot);
      }
      String url = body.requiredString("url", 1, 2048);
      body.finish();
      content = s.media().importUrl(r.caller(), projectId, url, title);
    } else {
      Optional<String> title = r.queryParam("title").map(String::strip).filter(t -> !t.isEmpty())
          .map(t -> t.codePointCount(0, t.length()) > 200 ? t.substring(0, t.offsetByCodePoints(0, 200)) : t);
      if (title.isPresent() && JsonBody.hasControl(title.get())) {
        throw ApiException.badRequest("title", "must not contain control characters or broken characters");
      }
      content = s.media().upload(r.caller(), projectId, r.rawBody(), title);
    }
    return ApiResponse.created("/api/projects/" + projectId + "/contents/" + content.id(), content)
        .etag(content.version());
  }
}
