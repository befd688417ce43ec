package dev.contentcreator.core.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRowWriterTest {
  private static String csv(List<RunExports.Row> rows, List<String> variables) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvRowWriter w = new CsvRowWriter(out)) {
      w.start(variables);
      for (RunExports.Row r : rows) {
        w.write(r);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFormulaInAVariableOrTheOutputIsWrittenAsTextAndQuotedPerRfc4180() throws Exception {
    String text = csv(List.of(new RunExports.Row(1, Map.of("product", "=HYPERLINK(\"http://evil\",\"x\")"), "run",
        "completed", "-1 line, \"quoted\"\nsecond", "c1", null, 0)), List.of("product"));
    assertTrue(text.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), text);
    assertTrue(text.contains("\"'-1 line, \"\"quoted\"\"\nsecond\""), text);
    assertTrue(text.startsWith("row,product,status,output,contentId,reason,costMicros,cost,variablesFrom\r\n"), text);
    assertTrue(text.endsWith("\r\n"), "every record ends in CRLF");
  }

  @Test
  void theFileReadsBackAsTheNeutralisedCells() throws Exception {
    RunExports.Row r = new RunExports.Row(3, Map.of("product", "@cmd", "tone", "plain, calm"), "run", "failed", null,
        null, "+ too long", 0);
    String text = csv(List.of(r), List.of("product", "tone"));
    try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
      List<CSVRecord> records = parser.getRecords();
      assertEquals(2, records.size());
      assertEquals(List.of("3", "'@cmd", "plain, calm", "failed", "", "", "'+ too long", "0", "0", "run"),
          records.get(1).toList());
    }
  }
}
