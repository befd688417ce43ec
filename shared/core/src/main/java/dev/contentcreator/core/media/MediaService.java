package dev.contentcreator.core.media;

import com.google.gson.JsonObject;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.contents.ContentView;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.net.FetchException;
import dev.contentcreator.core.net.FetchedMedia;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.MediaProcessor;
import dev.contentcreator.core.ports.MediaProcessor.Processed;
import dev.contentcreator.core.ports.MediaProcessor.Rendition;
import dev.contentcreator.core.projects.ProjectService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Media entering the product, uploaded, imported by address or made by a provider: processed
 * (checked, stripped of metadata, resized) and stored by its content hash, so the same bytes are
 * stored once per project. Keys: {@code projects/<id>/media/<sha256>/web.<ext>} (the original, for
 * video) and {@code .../thumb-256.<ext>}, {@code .../thumb-1024.<ext>}, {@code .../poster.<ext>}.
 */
public final class MediaService {
  private final DocumentStore documents;
  private final ProjectService projects;
  private final Supplier<BlobStore> blobs;
  private final Supplier<MediaProcessor> processor;
  private final Supplier<SafeFetcher> fetcher;
  private final Clock clock;

  public MediaService(DocumentStore documents, ProjectService projects, Supplier<BlobStore> blobs,
      Supplier<MediaProcessor> processor, Supplier<SafeFetcher> fetcher, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.processor = Objects.requireNonNull(processor, "processor");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A stored piece of media, as the body of a content version (its number and owner set later). */
  public record Stored(boolean video, ContentVersion body) {}

  /** Processes and stores media bytes; 413, 415 or 422 when they are refused. */
  public Stored store(String projectId, byte[] bytes, String source, String jobId, String provider, String model,
      String uid) {
    Processed p = processor.get().process(bytes);
    String base = "projects/" + projectId + "/media/" + p.sha256() + "/";
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    String mainKey;
    String mainType;
    try {
      if (p.video()) {
        mainType = p.sourceType();
        mainKey = base + "original." + (mainType.endsWith("webm") ? "webm" : "mp4");
        putOnce(mainKey, bytes, mainType);
      } else {
        Rendition web = p.renditions().stream().filter(r -> r.name().equals("web")).findFirst()
            .orElseThrow(() -> new IllegalStateException("the media processor made no web version"));
        mainType = web.contentType();
        mainKey = base + "web." + web.extension();
        putOnce(mainKey, web.bytes(), mainType);
      }
      for (Rendition r : p.renditions()) {
        if (!r.name().equals("web")) {
          String key = base + r.name() + "." + r.extension();
          putOnce(key, r.bytes(), r.contentType());
          keys.put(r.name(), key);
          types.put(r.name(), r.contentType());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not store media of project " + projectId, e);
    }
    ContentVersion.MediaInfo info = new ContentVersion.MediaInfo(p.sha256(), p.byteSize(), p.sourceType(),
        p.dominantColor(), p.blurHash(), keys, types);
    ContentVersion body = new ContentVersion("", projectId, 0, null, mainKey, mainType, p.width(), p.height(),
        p.durationSeconds(), source, jobId, provider, model, uid, clock.instant(), info);
    return new Stored(p.video(), body);
  }

  private void putOnce(String key, byte[] bytes, String type) throws IOException {
    if (blobs.get().stat(key).isEmpty()) {
      blobs.get().put(key, new ByteArrayInputStream(bytes), type);
    }
  }

  /** An upload: processed, stored and made a content item of the project. Editors and owners. */
  public ContentView upload(Caller caller, String projectId, byte[] bytes, Optional<String> title) {
    projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    if (bytes.length == 0) {
      throw ApiException.badRequest("body", "send the file's bytes as the body");
    }
    Stored stored = store(projectId, bytes, "uploaded", null, null, null, caller.uid());
    return addContent(caller, projectId, stored, title.orElse(stored.video() ? "Uploaded video" : "Uploaded image"));
  }

  /** Imports media from an https address on the allowlist, then as an upload. Editors and owners. */
  public ContentView importUrl(Caller caller, String projectId, String url, Optional<String> title) {
    projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    FetchedMedia fetched;
    try {
      fetched = fetcher.get().fetch(url);
    } catch (FetchException e) {
      throw e.toApiException();
    }
    Stored stored = store(projectId, fetched.bytes(), "imported", null, null, null, caller.uid());
    return addContent(caller, projectId, stored, title.orElse(nameOf(url)));
  }

  private ContentView addContent(Caller caller, String projectId, Stored stored, String title) {
    return ContentService.viewOf(documents, projectId, addContent(caller.uid(), projectId, stored, title));
  }

  private String addContent(String uid, String projectId, Stored stored, String title) {
    ContentKind kind = stored.video() ? ContentKind.VIDEO : ContentKind.IMAGE;
    Instant now = clock.instant();
    return documents.transaction(tx -> ContentService.addGenerated(tx, null, projectId, null, kind, title,
        stored.body(), false, uid, now));
  }

  /**
   * Where a client sends a file's bytes. With a store that signs uploads (Cloud Storage), a signed
   * address for {@code uploads/<projectId>/<uploadId>}; the Storage event of the finished upload then
   * processes it ({@link #finishUpload}). Otherwise this API's own upload route. Editors and owners.
   */
  public UploadSlot requestUpload(Caller caller, String projectId, long byteSize, String contentType,
      Optional<String> title, long maxBytes) {
    projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    if (byteSize < 1 || byteSize > maxBytes) {
      throw ApiException.of(413, "payload-too-large", "The file is too large",
          "Files may be at most " + maxBytes + " bytes; this one is " + byteSize + ".");
    }
    String uploadId = dev.contentcreator.core.domain.Ids.newId();
    String key = "uploads/" + projectId + "/" + uploadId;
    Instant now = clock.instant();
    java.time.Duration ttl = java.time.Duration.ofMinutes(15);
    Optional<BlobStore.SignedUrl> signed = blobs.get().signedUpload(key, contentType, byteSize, ttl);
    JsonObject upload = new JsonObject();
    upload.addProperty("id", uploadId);
    upload.addProperty("projectId", projectId);
    upload.addProperty("uid", caller.uid());
    upload.addProperty("title", title.orElse(null));
    upload.addProperty("status", signed.isPresent() ? "pending" : "direct");
    upload.addProperty("createdAt", dev.contentcreator.core.json.Json.format(now));
    documents.create(UPLOADS, uploadId, upload);
    String statusUrl = "/api/projects/" + projectId + "/media/uploads/" + uploadId;
    String status = upload.get("status").getAsString();
    if (signed.isPresent()) {
      return new UploadSlot(uploadId, projectId, title.orElse(null), status, now, signed.get().method(),
          signed.get().url().toString(), signed.get().headers(), signed.get().expiresAt(), statusUrl);
    }
    return new UploadSlot(uploadId, projectId, title.orElse(null), status, now, "POST", "/api/projects/" + projectId
        + "/media" + title.map(t -> "?title=" + java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8))
        .orElse(""), Map.of(), null, statusUrl);
  }

  /** Documents of signed uploads: {@code uploads/<uploadId>}, with their state. */
  public static final String UPLOADS = "uploads";

  /**
   * Processes a finished direct upload, named by its storage key {@code uploads/<projectId>/<id>}:
   * called for the Storage event, so at least once. The raw upload, which may carry private
   * metadata, is deleted whatever the outcome. Returns false for a key that is not an upload.
   */
  public boolean finishUpload(String key) {
    String[] parts = key.split("/");
    if (parts.length != 3 || !parts[0].equals("uploads")) {
      return false;
    }
    String projectId = parts[1];
    String uploadId = parts[2];
    // Claim it first, so a second delivery of the event, running at the same time, does nothing;
    // a claim older than ten minutes is taken to be from a process that died.
    Instant claimedAt = clock.instant();
    JsonObject u = documents.transaction(tx -> {
      Optional<JsonObject> found = tx.get(UPLOADS, uploadId).map(d -> d.data())
          .filter(x -> projectId.equals(x.get("projectId").getAsString()));
      if (found.isEmpty()) {
        return null;
      }
      String state = found.get().get("status").getAsString();
      boolean stale = state.equals("processing") && Instant.parse(found.get().get("claimedAt").getAsString())
          .isBefore(claimedAt.minus(java.time.Duration.ofMinutes(10)));
      if (!state.equals("pending") && !stale) {
        return null;
      }
      JsonObject claimed = found.get().deepCopy();
      claimed.addProperty("status", "processing");
      claimed.addProperty("claimedAt", dev.contentcreator.core.json.Json.format(claimedAt));
      tx.set(UPLOADS, uploadId, claimed);
      return claimed;
    });
    if (u == null) {
      return true;
    }
    String status;
    String detail = null;
    String contentId = null;
    try {
      byte[] bytes;
      try (var in = blobs.get().open(key).orElse(null)) {
        if (in == null) {
          return true;
        }
        bytes = in.readAllBytes();
      }
      Stored stored = store(projectId, bytes, "uploaded", null, null, null, u.get("uid").getAsString());
      String title = u.has("title") && !u.get("title").isJsonNull() ? u.get("title").getAsString()
          : stored.video() ? "Uploaded video" : "Uploaded image";
      contentId = addContent(u.get("uid").getAsString(), projectId, stored, title);
      status = "done";
    } catch (ApiException e) {
      status = "failed";
      detail = e.detail();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read upload " + key, e);
    }
    String finalStatus = status;
    String finalDetail = detail;
    String finalContent = contentId;
    documents.transaction(tx -> {
      JsonObject now = tx.get(UPLOADS, uploadId).map(d -> d.data()).orElse(u).deepCopy();
      now.addProperty("status", finalStatus);
      if (finalDetail != null) {
        now.addProperty("failureReason", finalDetail);
      }
      if (finalContent != null) {
        now.addProperty("contentId", finalContent);
      }
      tx.set(UPLOADS, uploadId, now);
      return null;
    });
    try {
      blobs.get().delete(key);
    } catch (IOException e) {
      Log.warning("could not delete the raw upload " + key, e);
    }
    return true;
  }

  /** An upload's state: pending, done (with its contentId) or failed (with a reason). */
  public UploadView uploadStatus(String uid, String projectId, String uploadId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    if (!dev.contentcreator.core.domain.Ids.isWellFormed(uploadId)) {
      throw ApiException.notFound("No such upload in this project.");
    }
    JsonObject u = documents.get(UPLOADS, uploadId).map(d -> d.data())
        .filter(x -> projectId.equals(x.get("projectId").getAsString()))
        .orElseThrow(() -> ApiException.notFound("No such upload in this project."));
    return dev.contentcreator.core.json.Json.fromTree(u, UploadView.class);
  }

  private static String nameOf(String url) {
    String path = url.replaceAll("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() ? "Imported media" : last.length() > 100 ? last.substring(0, 100) : last;
  }
}
