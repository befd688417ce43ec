package dev.contentcreator.core.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
  @Test
  void cellsThatStartAFormulaGetALeadingApostrophe() {
    for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\r=1", "=HYPERLINK(\"http://x\",\"y\")")) {
      assertEquals("'" + formula, SpreadsheetCells.neutralise(formula), formula);
    }
  }

  @Test
  void otherCellsAreLeftAsTheyAre() {
    for (String plain : List.of("a=1", "Tea", " =1", "'=1", "1-2", "x@y")) {
      assertEquals(plain, SpreadsheetCells.neutralise(plain), plain);
    }
  }

  @Test
  void nullAndEmptyAreEmptyCells() {
    assertEquals("", SpreadsheetCells.neutralise(null));
    assertEquals("", SpreadsheetCells.neutralise(""));
  }
}
