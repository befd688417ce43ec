package dev.contentcreator.core.exports;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.projects.ProjectService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Exports built in the background and offered through a signed link: a run's CSV, JSON Lines or
 * media ZIP, or a project's gallery ZIP, written by a task (the tasks port) into the blob store
 * under {@code projects/<projectId>/exports/}, where the project's purge finds it. A record in
 * {@link #COLLECTION} tracks it (queued, building, ready, failed). When ready, the record offers a
 * link: the blob store's own signed address where it signs (Cloud Storage's V4 signed URL), else
 * {@code /api/downloads/<id>?expires=<epoch s>&sig=<HMAC>} signed with a key of the record's own
 * and checked in constant time. Files are deleted after {@link ExportSettings#keep()}: when the
 * project's exports are listed, or a link to one is used. Viewers and up start, see and list a
 * project's exports; a stranger gets 404.
 */
public final class BackgroundExports {
  public static final String COLLECTION = "exports";
  public static final String HANDLER = "export-build";
  /** The most exports a project keeps at once; older ones must expire first. */
  public static final int MAX_PER_PROJECT = 50;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final RunExports runs;
  private final ProjectMediaExport media;
  private final Supplier<BlobStore> blobs;
  private final Supplier<TaskQueue> tasks;
  private final ExportSettings settings;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public BackgroundExports(DocumentStore documents, ProjectService projects, RunExports runs, ProjectMediaExport media,
      Supplier<BlobStore> blobs, Supplier<TaskQueue> tasks, ExportSettings settings, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.media = Objects.requireNonNull(media, "media");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The task handler that builds exports, for the local queue and the tasks function. */
  public static Map<String, TaskHandler> handlers(Supplier<BackgroundExports> exports) {
    Objects.requireNonNull(exports, "exports");
    return Map.of(HANDLER, (context, payload) -> exports.get().build(payload.get("id").getAsString()));
  }

  /**
   * Starts building a file: {@code what} is {@code run} (with {@code batchId}, {@code runId} and a
   * {@code format} of csv, jsonl or zip) or {@code media}. Everything that could refuse it (role,
   * the run being the batch's, the format) is checked now, as the direct download checks it.
   */
  public ExportView start(String uid, String projectId, String what, String batchId, String runId, String format) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    RunExports.Prepared prepared = prepare(uid, projectId, what, batchId, runId, format);
    Instant now = clock.instant();
    List<ExportRecord> existing = list(projectId);
    if (existing.size() >= MAX_PER_PROJECT) {
      throw ApiException.conflict("This project keeps at most " + MAX_PER_PROJECT
          + " exports; the oldest are deleted " + settings.keep().toHours() + " h after they were made.");
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    ExportRecord r = new ExportRecord(Ids.newId(), projectId, uid, what, "run".equals(what) ? batchId : null,
        "run".equals(what) ? runId : null, "media".equals(what) ? "zip" : normalFormat(format), "queued",
        prepared.fileName(), prepared.contentType(), null, null, Base64.getUrlEncoder().withoutPadding().encodeToString(key),
        null, now, now, now.plus(settings.keep()));
    documents.create(COLLECTION, r.id(), Json.toTree(r).getAsJsonObject());
    JsonObject payload = new JsonObject();
    payload.addProperty("id", r.id());
    tasks.get().enqueue(new TaskQueue.Task(GenerationSettings.QUEUE, "export-" + r.id(), HANDLER, payload, now));
    return view(r, now);
  }

  private static String normalFormat(String format) {
    return format == null ? "csv" : format.toLowerCase(java.util.Locale.ROOT);
  }

  private RunExports.Prepared prepare(String uid, String projectId, String what, String batchId, String runId,
      String format) {
    if ("media".equals(what)) {
      return media.prepare(uid, projectId);
    }
    if (!"run".equals(what)) {
      throw ApiException.badRequest("what", "must be run or media");
    }
    if (batchId == null || runId == null) {
      throw ApiException.badRequest("runId", "a run's export names its batchId and runId");
    }
    if ("zip".equals(format)) {
      return runs.prepareMediaZip(uid, projectId, batchId, runId);
    }
    if (format != null && !List.of("csv", "jsonl").contains(format)) {
      throw ApiException.badRequest("format", "must be csv, jsonl or zip");
    }
    return runs.prepare(uid, projectId, batchId, runId, format);
  }

  /**
   * Builds the file of export {@code id} (run by the task; at least once, so a built or failed one
   * is left as it is). A refusal now (the person left the project, the run is gone) fails it with
   * the reason; a storage error is thrown so the queue tries again.
   */
  void build(String id) throws IOException {
    Optional<ExportRecord> found = record(id);
    if (found.isEmpty() || !List.of("queued", "building").contains(found.get().status())) {
      return;
    }
    ExportRecord r = found.get();
    Instant now = clock.instant();
    save(r.with("building", r.fileName(), r.contentType(), null, null, null, now, r.expiresAt()));
    RunExports.Prepared prepared;
    try {
      prepared = prepare(r.createdBy(), r.projectId(), r.what(), r.batchId(), r.runId(), r.format());
    } catch (ApiException e) {
      save(r.with("failed", r.fileName(), r.contentType(), null, null, e.getMessage(), clock.instant(), r.expiresAt()));
      return;
    }
    Path file = Files.createTempFile("export-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        prepared.body().writeTo(out);
      }
      String key = "projects/" + r.projectId() + "/exports/" + r.id() + "/" + prepared.fileName();
      try (InputStream in = Files.newInputStream(file)) {
        blobs.get().put(key, in, prepared.contentType());
      }
      Instant done = clock.instant();
      save(r.with("ready", prepared.fileName(), prepared.contentType(), Files.size(file), key, null, done,
          done.plus(settings.keep())));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** From how many rows the web app builds a run's file here rather than streaming it. */
  public int backgroundRows() {
    return settings.backgroundRows();
  }

  /** One export of the project, with a fresh link when ready. */
  public ExportView get(String uid, String projectId, String id) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    ExportRecord r = record(id).filter(x -> x.projectId().equals(projectId))
        .filter(x -> x.expiresAt().isAfter(clock.instant()))
        .orElseThrow(() -> ApiException.notFound("No such export in this project."));
    return view(r, clock.instant());
  }

  /** The project's exports, newest first; those past their time are deleted first. */
  public List<ExportView> list(String uid, String projectId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    Instant now = clock.instant();
    List<ExportView> out = new ArrayList<>();
    for (ExportRecord r : list(projectId)) {
      if (!r.expiresAt().isAfter(now)) {
        delete(r);
      } else {
        out.add(view(r, now));
      }
    }
    return out;
  }

  private List<ExportRecord> list(String projectId) {
    Page page = documents.query(Query.on(COLLECTION).whereEqualTo("projectId", projectId)
        .orderBy("createdAt", Query.Direction.DESCENDING).limit(MAX_PER_PROJECT + 10).build());
    return page.items().stream().map(BackgroundExports::record).toList();
  }

  /**
   * The file behind a local signed link, checked: a signature that is not the record's for this
   * expiry, or an expiry past, is 403; an export that is gone, not ready or past its keep is 404.
   */
  public RunExports.Prepared download(String id, String expires, String sig) {
    ExportRecord r = record(id).orElse(null);
    if (r == null || !"ready".equals(r.status())) {
      throw ApiException.notFound("No such export, or it is not ready.");
    }
    long at;
    try {
      at = Long.parseLong(expires == null ? "" : expires);
    } catch (NumberFormatException e) {
      throw ApiException.forbidden("This download link is not valid.");
    }
    byte[] expected = sign(r, at).getBytes(StandardCharsets.US_ASCII);
    byte[] given = (sig == null ? "" : sig).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw ApiException.forbidden("This download link is not valid.");
    }
    Instant now = clock.instant();
    if (!Instant.ofEpochSecond(at).isAfter(now)) {
      throw ApiException.forbidden("This download link has expired; ask for the export again for a new one.");
    }
    if (!r.expiresAt().isAfter(now)) {
      delete(r);
      throw ApiException.notFound("This export has been deleted.");
    }
    return new RunExports.Prepared(r.fileName(), r.contentType(), out -> {
      try (InputStream in = blobs.get().open(r.blobKey()).orElseThrow(() -> new IOException("export file is gone"))) {
        in.transferTo(out);
      }
    });
  }

  private ExportView view(ExportRecord r, Instant now) {
    String url = null;
    Instant linkExpires = null;
    Instant until = now.plus(settings.linkTtl());
    if (until.isAfter(r.expiresAt())) {
      until = r.expiresAt();
    }
    // A file within a second of its deletion gets no link: a signed address lasts at least 1 s.
    if ("ready".equals(r.status()) && java.time.Duration.between(now, until).getSeconds() >= 1) {
      Optional<BlobStore.SignedUrl> signed = blobs.get().signedDownload(r.blobKey(),
          java.time.Duration.between(now, until));
      if (signed.isPresent()) {
        url = signed.get().url().toString();
        linkExpires = signed.get().expiresAt();
      } else {
        long at = until.getEpochSecond();
        url = "/api/downloads/" + r.id() + "?expires=" + at + "&sig=" + sign(r, at);
        linkExpires = Instant.ofEpochSecond(at);
      }
    }
    return new ExportView(r.id(), r.projectId(), r.what(), r.batchId(), r.runId(), r.format(), r.status(),
        r.fileName(), r.size(), r.error(), r.createdAt(), r.expiresAt(), url, linkExpires);
  }

  /** HMAC-SHA256 of the export's id and the link's expiry, under the record's own key, base64url. */
  static String sign(ExportRecord r, long expiresEpochSecond) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(r.linkKey()), "HmacSHA256"));
      byte[] out = mac.doFinal((r.id() + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  private void delete(ExportRecord r) {
    if (r.blobKey() != null) {
      try {
        blobs.get().delete(r.blobKey());
      } catch (IOException e) {
        return; // the record stays, so the next listing tries again
      }
    }
    documents.delete(COLLECTION, r.id());
  }

  private Optional<ExportRecord> record(String id) {
    return Ids.isWellFormed(id) ? documents.get(COLLECTION, id).map(BackgroundExports::record) : Optional.empty();
  }

  private static ExportRecord record(Document d) {
    return Json.fromTree(d.data(), ExportRecord.class);
  }

  private void save(ExportRecord r) {
    documents.set(COLLECTION, r.id(), Json.toTree(r).getAsJsonObject());
  }
}
