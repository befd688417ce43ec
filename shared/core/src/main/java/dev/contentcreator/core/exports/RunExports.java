package dev.contentcreator.core.exports;

import dev.contentcreator.core.batches.BatchRows;
import dev.contentcreator.core.batches.BatchRun;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.contents.ContentService;
import dev.contentcreator.core.domain.Batch;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A batch run as a file: one line per row of the batch the run covered, in row order, with the
 * row's variables, what became of it (status, the text made or a link to the media made, the
 * content item, the reason it failed or was not sent) and its cost. Viewers and up; a stranger, or
 * a run of another batch, gets 404.
 *
 * <p>A row's variables are those its item kept when the run started ({@code variablesFrom} =
 * {@code run}). An item stored before items kept them falls back to the batch's current row only
 * when that row still renders the very prompt the item was sent ({@code batch}); otherwise the
 * variables are left empty and {@code variablesFrom} is empty, so the file never shows values the
 * run did not use. The rows' items are read first (a run holds at most the batch's 1,000 rows), for
 * the variable columns; the outputs are then read one job at a time and written as they are read.
 */
public final class RunExports {
  /** The columns after the variables', in order. */
  public static final List<String> FIXED_COLUMNS = List.of("status", "output", "contentId", "reason", "costMicros",
      "cost", "variablesFrom");

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final DocumentStore documents;
  private final ProjectService projects;
  private final TemplateService templates;
  private final Supplier<BlobStore> blobs;

  public RunExports(DocumentStore documents, ProjectService projects, TemplateService templates,
      Supplier<BlobStore> blobs) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  /** One row of the file. {@code variables} is empty when they are not known; {@code output} may be null. */
  public record Row(int row, Map<String, String> variables, String variablesFrom, String status, String output,
      String contentId, String reason, long costMicros) {
    public Row {
      variables = variables == null ? Map.of() : variables;
    }
  }

  /** An export checked and ready to stream: its file name, its content type and the writer of its body. */
  public record Prepared(String fileName, String contentType, ApiResponse.Stream body) {
    /** The download: streamed, saved under its file name, never cached or sniffed. */
    public ApiResponse response() {
      return ApiResponse.streaming(contentType, body)
          .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
          .header("Cache-Control", "private, no-store")
          .header("X-Content-Type-Options", "nosniff");
    }
  }

  /**
   * Checks who asks (viewers and up), the format ({@code csv} or {@code jsonl}) and that the run is
   * one of the batch's, before any byte is written; the body then reads and writes the run.
   */
  public Prepared prepare(String uid, String projectId, String batchId, String runId, String format) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    ExportFormat f = ExportFormat.parse(format);
    Found found = find(projectId, batchId, runId);
    return new Prepared(fileName(found.batch().name(), found.run(), f.extension()), f.contentType(),
        out -> write(uid, found.batch(), found.run(), f, out));
  }

  /**
   * The media a run made (each completed image or video, the version the run made) as one ZIP,
   * checked like {@link #prepare} and written as it is read ({@link MediaZip}).
   */
  public Prepared prepareMediaZip(String uid, String projectId, String batchId, String runId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    Found found = find(projectId, batchId, runId);
    return new Prepared(fileName(found.batch().name(), found.run(), "zip"), "application/zip",
        out -> writeZip(uid, found.batch(), found.run(), out));
  }

  private record Found(Batch batch, BatchRun run) {}

  private Found find(String projectId, String batchId, String runId) {
    Batch batch = Ids.isWellFormed(batchId) ? documents.get(BatchService.BATCHES, batchId)
        .map(d -> Json.fromTree(d.data(), Batch.class)).filter(b -> b.projectId().equals(projectId)).orElse(null)
        : null;
    if (batch == null) {
      throw ApiException.notFound("No such batch in this project.");
    }
    BatchRun run = runId != null && runId.matches("[A-Za-z0-9_-]{1,200}") ? documents.get(BatchService.RUNS, runId)
        .map(d -> Json.fromTree(d.data(), BatchRun.class))
        .filter(r -> batchId.equals(r.batchId()) && projectId.equals(r.projectId())).orElse(null) : null;
    if (run == null) {
      throw ApiException.notFound("No such run of this batch.");
    }
    return new Found(batch, run);
  }

  /** A file name safe in any file system and header: the batch's name in ASCII, the run's start, the format. */
  static String fileName(String batchName, BatchRun run, String extension) {
    String slug = slug(batchName, 60);
    String stamp = run.startedAt() == null ? "run" : "run-" + STAMP.format(run.startedAt());
    return (slug.isEmpty() ? "batch" : slug) + "-" + stamp + "." + extension;
  }

  /** Text as ASCII letters, digits and single dashes, at most {@code max} characters; empty for none. */
  static String slug(String text, int max) {
    String slug = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.length() > max ? slug.substring(0, max).replaceAll("-+$", "") : slug;
  }

  /** The variable columns: every name of every row, in the order first seen. */
  static List<String> variableColumns(List<Row> rows) {
    Set<String> names = new LinkedHashSet<>();
    for (Row r : rows) {
      names.addAll(r.variables().keySet());
    }
    return List.copyOf(names);
  }

  /**
   * The header: {@code row}, the variables, then {@link #FIXED_COLUMNS}. A variable whose name is
   * taken by another column is headed {@code var:<name>}.
   */
  static List<String> header(List<String> variables) {
    List<String> out = new ArrayList<>();
    out.add("row");
    for (String v : variables) {
      out.add(v.equals("row") || FIXED_COLUMNS.contains(v) ? "var:" + v : v);
    }
    out.addAll(FIXED_COLUMNS);
    return out;
  }

  /** One row's cells under {@link #header}; a variable the row lacks is an empty cell. */
  static List<String> cells(Row r, List<String> variables) {
    List<String> out = new ArrayList<>();
    out.add(Integer.toString(r.row()));
    for (String v : variables) {
      out.add(r.variables().getOrDefault(v, ""));
    }
    out.add(r.status());
    out.add(r.output());
    out.add(r.contentId());
    out.add(r.reason());
    out.add(Long.toString(r.costMicros()));
    out.add(dollars(r.costMicros()));
    out.add(r.variablesFrom());
    return out;
  }

  /** Millionths of a dollar as dollars, without trailing zeros ({@code 1500} is {@code 0.0015}). */
  static String dollars(long micros) {
    return java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
  }

  /** A row of the run as read before its output: its item (null for a row not sent) and variables. */
  private record Pending(int row, String jobId, GenerationItem item, String skippedReason, Map<String, String> variables,
      String variablesFrom) {}

  private void write(String uid, Batch batch, BatchRun run, ExportFormat format, OutputStream out) throws IOException {
    List<Pending> pending = read(uid, batch, run);
    List<Row> bare = pending.stream().map(p -> row(p, null)).toList();
    try (RowWriter writer = format == ExportFormat.CSV ? new CsvRowWriter(out) : new JsonlRowWriter(out)) {
      writer.start(variableColumns(bare));
      String versionsOf = null;
      Map<String, ContentVersion> versions = Map.of();
      for (Pending p : pending) {
        if (p.item() != null && p.item().contentId() != null && !p.jobId().equals(versionsOf)) {
          writer.flush();
          versionsOf = p.jobId();
          versions = versions(p.jobId());
        }
        writer.write(row(p, p.item() == null || p.item().contentId() == null ? null : versions.get(p.item().contentId())));
      }
    }
  }

  private void writeZip(String uid, Batch batch, BatchRun run, OutputStream out) throws IOException {
    List<Pending> pending = read(uid, batch, run);
    try (MediaZip zip = new MediaZip(out, blobs.get())) {
      String versionsOf = null;
      Map<String, ContentVersion> versions = Map.of();
      for (Pending p : pending) {
        if (p.item() == null || p.item().contentId() == null) {
          continue;
        }
        if (!p.jobId().equals(versionsOf)) {
          versionsOf = p.jobId();
          versions = versions(p.jobId());
        }
        ContentVersion v = versions.get(p.item().contentId());
        if (v != null && v.blobKey() != null) {
          String title = documents.get(ContentService.CONTENTS, v.contentId()).map(ContentService::content)
              .map(c -> c.title()).orElse("");
          zip.add(MediaZip.entryName(p.row(), title, v.contentType()), v.blobKey(), v.contentType());
        }
      }
    }
  }

  /** Every row of the run in row order: each job's items (page by page), and the rows not sent. */
  private List<Pending> read(String uid, Batch batch, BatchRun run) {
    List<Pending> out = new ArrayList<>();
    Fallback fallback = new Fallback(uid, batch);
    for (BatchRun.Job job : run.jobs()) {
      String cursor = null;
      do {
        Page page = documents.query(Query.on(Jobs.ITEMS).whereEqualTo("jobId", job.jobId())
            .orderBy("index", Query.Direction.ASCENDING).limit(Query.MAX_LIMIT).startAfter(cursor).build());
        for (Document d : page.items()) {
          GenerationItem item = Jobs.item(d);
          int row = job.row(item.index());
          if (item.variables() != null) {
            Map<String, String> vars = new LinkedHashMap<>();
            item.variables().forEach(v -> vars.put(v.name(), v.value()));
            out.add(new Pending(row, job.jobId(), item, null, vars, "run"));
          } else {
            Map<String, String> vars = fallback.variables(row, item.prompt());
            out.add(new Pending(row, job.jobId(), item, null, vars, vars.isEmpty() ? "" : "batch"));
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    for (BatchRun.SkippedRow s : run.skippedRows()) {
      out.add(new Pending(s.row(), null, null, s.reason(), Map.of(), ""));
    }
    out.sort(Comparator.comparingInt(Pending::row));
    return out;
  }

  /** The batch's current rows, used for an item stored before items kept their row's variables. */
  private final class Fallback {
    private final String uid;
    private final Batch batch;
    private final BatchRows rows = new BatchRows(Integer.MAX_VALUE);
    private Template template;
    private boolean looked;

    Fallback(String uid, Batch batch) {
      this.uid = uid;
      this.batch = batch;
    }

    /** The current row {@code row}'s variables if it still renders {@code prompt}, else none. */
    Map<String, String> variables(int row, String prompt) {
      if (prompt == null || row < 1 || row > batch.rows().size() || template() == null) {
        return Map.of();
      }
      BatchRows.Prompt now = rows.prompt(template, batch.rows().get(row - 1));
      return prompt.equals(now.text()) ? now.variables() : Map.of();
    }

    private Template template() {
      if (!looked) {
        looked = true;
        try {
          template = templates.get(uid, batch.projectId(), batch.templateId());
        } catch (ApiException e) {
          template = null; // deleted since: the rows cannot be checked against what was sent
        }
      }
      return template;
    }
  }

  /** The versions a job made, by content item, read page by page. */
  private Map<String, ContentVersion> versions(String jobId) {
    Map<String, ContentVersion> out = new HashMap<>();
    String cursor = null;
    do {
      Page page = documents.query(Query.on(ContentService.VERSIONS).whereEqualTo("jobId", jobId)
          .limit(Query.MAX_LIMIT).startAfter(cursor).build());
      for (Document d : page.items()) {
        ContentVersion v = ContentService.version(d);
        out.merge(v.contentId(), v, (a, b) -> a.number() <= b.number() ? a : b);
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return out;
  }

  private static Row row(Pending p, ContentVersion made) {
    if (p.item() == null) {
      return new Row(p.row(), p.variables(), p.variablesFrom(), "skipped", null, null, p.skippedReason(), 0);
    }
    GenerationItem i = p.item();
    String output = null;
    if (made != null) {
      output = made.blobKey() == null ? made.text()
          : "/api/projects/" + made.projectId() + "/contents/" + made.contentId() + "/media?version=" + made.number();
    }
    return new Row(p.row(), p.variables(), p.variablesFrom(), i.status().name().toLowerCase(Locale.ROOT), output,
        i.contentId(), i.failureReason(), i.costMicros());
  }
}
