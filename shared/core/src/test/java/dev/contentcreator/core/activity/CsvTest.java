package dev.contentcreator.core.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  private static String row(String... values) throws IOException {
    StringWriter out = new StringWriter();
    Csv.row(out, Arrays.asList(values));
    return out.toString();
  }

  @Test
  void plainCellsAreWrittenAsTheyAreAndRowsEndInCrLf() throws IOException {
    assertEquals("a,b c,1\r\n", row("a", "b c", "1"));
  }

  @Test
  void aCellWithACommaQuoteOrLineBreakIsQuotedWithQuotesDoubled() throws IOException {
    assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"x\r\"\r\n", row("a,b", "say \"hi\"", "one\ntwo", "x\r"));
  }

  @Test
  void nullAndEmptyAreEmptyCells() throws IOException {
    assertEquals(",,x\r\n", row(null, "", "x"));
  }

  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasStartWithAnApostrophe() {
    for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx")) {
      assertEquals("'" + formula, Csv.cell(formula), formula);
    }
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("\"'\r=1\"", Csv.cell("\r=1"));
    assertEquals("a=1", Csv.cell("a=1"));
  }
}
