package dev.contentcreator.functions.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.batches.BatchView;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.Template;
import dev.contentcreator.core.exports.RunExports;
import dev.contentcreator.core.generation.GenerationService;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.JobLedger;
import dev.contentcreator.core.generation.Jobs;
import dev.contentcreator.core.generation.Providers;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.projects.ProjectService;
import dev.contentcreator.core.templates.TemplateService;
import dev.contentcreator.core.templates.TemplateView;
import dev.contentcreator.core.usage.Limits;
import dev.contentcreator.core.usage.UsageService;
import dev.contentcreator.core.users.UserService;
import dev.contentcreator.embedded.blobs.FolderBlobStore;
import dev.contentcreator.embedded.queue.SqliteEventBus;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch run exported as CSV and JSON Lines, on the real embedded store: 50 rows in jobs of 20. */
class RunExportTest {
  static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
  private SqliteDocumentStore documents;
  private SqliteEventBus events;
  private FolderBlobStore blobs;
  private BatchService batches;
  private RunExports exports;
  private JobLedger ledger;
  private String project;
  private String batchId;
  private String runId;
  private List<String> jobIds;

  @BeforeEach
  void open() {
    documents = SqliteDocumentStore.open(dir.resolve("cc.db"));
    events = SqliteEventBus.open(dir.resolve("cc.db"));
    blobs = FolderBlobStore.open(dir.resolve("blobs"));
    UserService users = new UserService(documents, clock);
    users.ensure(new Caller("alice", "alice@example.com", "Alice", null));
    users.ensure(new Caller("zed", "zed@example.com", "Zed", null));
    ProjectService projects = new ProjectService(documents, users, clock);
    TemplateService templates = new TemplateService(documents, projects, clock);
    UsageService usage = new UsageService(documents, Limits.from(Config.of(Map.of())), clock);
    project = projects.create(new Caller("alice", "alice@example.com", "Alice", null), "Shop", "").id();
    TemplateView t = templates.create("alice", project, "Line", ContentKind.TEXT, "Describe {{product}} in a {{tone}} way",
        List.of(new Template.Variable("product", "string", true, null, null, 100),
            new Template.Variable("tone", "string", false, null, "calm", 100)));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      rows.add(Map.of("product", i == 2 ? FORMULA : "product " + i));
    }
    Providers providers = new Providers(List.of(new BatchSchedulerTest.FakeText()), List.of(), null, List.of());
    GenerationService generation = new GenerationService(documents, projects, templates, usage, () -> providers,
        () -> ProviderPolicy.DIRECT, () -> events, GenerationSettings.from(Config.of(Map.of())), clock);
    batches = new BatchService(documents, projects, templates, usage, generation, () -> providers, () -> events,
        GenerationSettings.from(Config.of(Map.of("GENERATION_MAX_ITEMS", "20"))), clock);
    exports = new RunExports(documents, projects, templates, () -> blobs);
    ledger = new JobLedger(documents, usage, clock);
    BatchView b = batches.create("alice", project, new BatchService.Spec("Weekly lines", t.id(), rows, "0 9 * * 1",
        "UTC", 4, 0, Optional.empty(), Optional.empty(), Map.of()));
    batchId = b.id();
    var run = batches.runNow("alice", project, batchId).run();
    runId = run.id();
    jobIds = run.jobIds();
  }

  @AfterEach
  void close() {
    events.close();
    documents.close();
  }

  private String export(String format) throws Exception {
    RunExports.Prepared p = exports.prepare("alice", project, batchId, runId, format);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.body().writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private List<CSVRecord> csv() throws Exception {
    try (CSVParser parser = CSVParser.parse(export("csv"), CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }

  private void complete(int job, int index, String text) {
    ledger.complete(GenerationItem.documentId(jobIds.get(job), index), new ContentVersion("", project, 0, text, null,
        "text/markdown", null, null, null, "generated", jobIds.get(job), "fake", "fake-text", "alice", clock.instant(),
        null), new ItemResult.Usage(10, 20, 0, 0), false);
  }

  @Test
  void everyRowOfEveryJobIsARowInRowOrderWithItsVariablesAndOutcome() throws Exception {
    complete(0, 0, "A calm line about product 1");
    complete(2, 0, "A line about product 41");
    ledger.fail(GenerationItem.documentId(jobIds.get(1), 4), "Refused by the provider's moderation.");
    List<CSVRecord> records = csv();
    assertEquals(3, jobIds.size());
    assertEquals(51, records.size(), "a header and 50 rows");
    assertEquals(List.of("row", "product", "tone", "status", "output", "contentId", "reason", "costMicros", "cost",
        "variablesFrom"), records.get(0).toList());
    CSVRecord first = records.get(1);
    assertEquals(List.of("1", "product 1", "calm", "completed", "A calm line about product 1"),
        first.toList().subList(0, 5));
    assertTrue(first.get(5).length() > 0, "the content item made");
    assertEquals("run", first.get(9));
    assertEquals(List.of("25", "product 25", "calm", "failed", "", "", "Refused by the provider's moderation."),
        records.get(25).toList().subList(0, 7));
    assertEquals(List.of("41", "product 41", "calm", "completed", "A line about product 41"),
        records.get(41).toList().subList(0, 5));
    assertEquals(List.of("50", "product 50", "calm", "queued"), records.get(50).toList().subList(0, 4));
  }

  @Test
  void aFormulaInAVariableIsWrittenAsTextInCsvAndAsItIsInJsonl() throws Exception {
    List<CSVRecord> records = csv();
    assertEquals("'" + FORMULA, records.get(2).get(1));
    String jsonl = export("jsonl");
    String[] lines = jsonl.split("\n");
    assertEquals(50, lines.length);
    JsonObject second = JsonParser.parseString(lines[1]).getAsJsonObject();
    assertEquals(2, second.get("row").getAsInt());
    assertEquals(FORMULA, second.getAsJsonObject("variables").get("product").getAsString());
    assertEquals("queued", second.get("status").getAsString());
    assertTrue(second.get("output").isJsonNull());
    assertEquals("run", second.get("variablesFrom").getAsString());
  }

  @Test
  void anItemStoredWithoutItsVariablesShowsTheBatchsRowOnlyWhileItStillRendersThePromptSent() throws Exception {
    String itemId = GenerationItem.documentId(jobIds.get(0), 2);
    JsonObject old = documents.get(Jobs.ITEMS, itemId).orElseThrow().data().deepCopy();
    old.remove("variables");
    documents.set(Jobs.ITEMS, itemId, old);
    CSVRecord row3 = csv().get(3);
    assertEquals(List.of("3", "product 3", "calm"), row3.toList().subList(0, 3));
    assertEquals("batch", row3.get(9));

    List<Map<String, String>> changed = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      changed.add(Map.of("product", "renamed " + i));
    }
    batches.update("alice", project, batchId, null, new BatchService.Change(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(changed)));
    List<CSVRecord> after = csv();
    assertEquals(List.of("3", "", "", "queued"), after.get(3).toList().subList(0, 4), "the row changed since: not known");
    assertEquals("", after.get(3).get(9));
    assertEquals("product 4", after.get(4).get(1), "rows whose items kept their variables are unchanged");
  }

  @Test
  void theRunsMediaComeAsOneZipNamedByRowAndTitleWithTheTextsLeftOut() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    blobs.put("projects/" + project + "/media/m1.png", new java.io.ByteArrayInputStream(png), "image/png");
    ledger.complete(GenerationItem.documentId(jobIds.get(1), 0), new ContentVersion("", project, 0, null,
        "projects/" + project + "/media/m1.png", "image/png", 4, 3, null, "generated", jobIds.get(1), "fake", "fake",
        "alice", clock.instant(), null), new ItemResult.Usage(0, 0, 1, 0), false);
    complete(0, 0, "A text, not media");
    RunExports.Prepared p = exports.prepareMediaZip("alice", project, batchId, runId);
    assertEquals("application/zip", p.contentType());
    assertEquals("Weekly-lines-run-20261203-0900.zip", p.fileName());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.body().writeTo(out);
    List<String> names = new ArrayList<>();
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        org.junit.jupiter.api.Assertions.assertArrayEquals(png, zip.readAllBytes());
        assertEquals(java.util.zip.ZipEntry.STORED, e.getMethod());
      }
    }
    assertEquals(List.of("0021-Describe-product-21-in-a-calm-way-1.png"), names);
    assertEquals("/api/projects/" + project + "/contents/" + csv().get(21).get(5) + "/media?version=1",
        csv().get(21).get(4), "the CSV links the media the run made");
    assertEquals(404, assertThrows(ApiException.class,
        () -> exports.prepareMediaZip("zed", project, batchId, runId)).status());
  }

  @Test
  void strangersAndOtherBatchesRunsAreNotFoundAndABadFormatIsABadRequest() {
    assertEquals(404, assertThrows(ApiException.class,
        () -> exports.prepare("zed", project, batchId, runId, "csv")).status());
    assertEquals(404, assertThrows(ApiException.class,
        () -> exports.prepare("zed", project, batchId, runId, "xlsx")).status(), "a stranger learns nothing");
    assertEquals(404, assertThrows(ApiException.class,
        () -> exports.prepare("alice", project, batchId, batchId + "_1", "csv")).status());
    assertEquals(404, assertThrows(ApiException.class,
        () -> exports.prepare("alice", project, batchId, "../x", "csv")).status());
    assertEquals(400, assertThrows(ApiException.class,
        () -> exports.prepare("alice", project, batchId, runId, "xlsx")).status());
    assertEquals("Weekly-lines-run-20261203-0900.csv", exports.prepare("alice", project, batchId, runId, null).fileName());
  }
}
