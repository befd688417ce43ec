package dev.contentcreator.core.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.batches.BatchRun;
import dev.contentcreator.core.http.ApiException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunExportsTest {
  private static Map<String, String> vars(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static RunExports.Row row(int n, Map<String, String> variables) {
    return new RunExports.Row(n, variables, "run", "completed", "text", "c1", null, 1500);
  }

  @Test
  void variableColumnsAreTheUnionOfEveryRowsNamesInTheOrderFirstSeen() {
    List<RunExports.Row> rows = List.of(row(1, vars("product", "Tea", "tone", "calm")), row(2, vars()),
        row(3, vars("audience", "kids", "product", "Cake")));
    assertEquals(List.of("product", "tone", "audience"), RunExports.variableColumns(rows));
  }

  @Test
  void theHeaderIsRowThenVariablesThenTheFixedColumns() {
    assertEquals(List.of("row", "product", "status", "output", "contentId", "reason", "costMicros", "cost",
        "variablesFrom"), RunExports.header(List.of("product")));
  }

  @Test
  void aVariableNamedLikeAFixedColumnIsHeadedAsAVariable() {
    assertEquals(List.of("row", "var:status", "var:row", "tone"),
        RunExports.header(List.of("status", "row", "tone")).subList(0, 4));
  }

  @Test
  void aRowsCellsFollowTheHeaderWithEmptyCellsForVariablesItLacks() {
    RunExports.Row r = new RunExports.Row(7, vars("tone", "calm"), "batch", "failed", null, null, "Refused.", 0);
    assertEquals(List.of("7", "", "calm", "failed", "", "", "Refused.", "0", "0", "batch"),
        RunExports.cells(r, List.of("product", "tone")).stream().map(c -> c == null ? "" : c).toList());
  }

  @Test
  void costIsWrittenInMillionthsAndInDollars() {
    assertEquals("0.0015", RunExports.dollars(1500));
    assertEquals("2", RunExports.dollars(2_000_000));
    assertEquals("0", RunExports.dollars(0));
  }

  @Test
  void theFileNameIsTheBatchNameInAsciiAndTheRunsStart() {
    BatchRun run = new BatchRun("b1_1", "b1", "p1", Instant.parse("2026-12-03T09:05:00Z"), "manual", "j1", null,
        Instant.parse("2026-12-03T09:05:30Z"), List.of(), List.of());
    assertEquals("Creme-brulee-Spring-run-20261203-0905.csv",
        RunExports.fileName("Crème brûlée / \"Spring\"", run, "csv"));
    assertEquals("batch-run-20261203-0905.jsonl", RunExports.fileName("../\r\n", run, "jsonl"));
  }

  @Test
  void theFormatIsCsvOrJsonlAndAnythingElseIsABadRequest() {
    assertEquals(ExportFormat.CSV, ExportFormat.parse(null));
    assertEquals(ExportFormat.JSONL, ExportFormat.parse("JSONL"));
    assertEquals(400, assertThrows(ApiException.class, () -> ExportFormat.parse("xlsx")).status());
  }
}
