package dev.contentcreator.core.media;

import com.google.gson.JsonObject;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
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
  public JsonObject upload(Caller caller, String projectId, byte[] bytes, Optional<String> title) {
    projects.requireRole(caller.uid(), projectId, Role.EDITOR);
    if (bytes.length == 0) {
      throw ApiException.badRequest("body", "send the file's bytes as the body");
    }
    Stored stored = store(projectId, bytes, "uploaded", null, null, null, caller.uid());
    return addContent(caller, projectId, stored, title.orElse(stored.video() ? "Uploaded video" : "Uploaded image"));
  }

  /** Imports media from an https address on the allowlist, then as an upload. Editors and owners. */
  public JsonObject importUrl(Caller caller, String projectId, String url, Optional<String> title) {
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

  private JsonObject addContent(Caller caller, String projectId, Stored stored, String title) {
    ContentKind kind = stored.video() ? ContentKind.VIDEO : ContentKind.IMAGE;
    Instant now = clock.instant();
    String id = documents.transaction(tx -> ContentService.addGenerated(tx, null, projectId, null, kind, title,
        stored.body(), false, caller.uid(), now));
    return ContentService.viewOf(documents, projectId, id);
  }

  private static String nameOf(String url) {
    String path = url.replaceAll("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() ? "Imported media" : last.length() > 100 ? last.substring(0, 100) : last;
  }
}
