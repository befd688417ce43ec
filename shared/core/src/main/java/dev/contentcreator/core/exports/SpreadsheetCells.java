package dev.contentcreator.core.exports;

/**
 * Makes a cell safe to open in a spreadsheet, as OWASP's advice on CSV injection says: a cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run
 * as a formula (a link that sends the sheet away, a command), so it gets a leading apostrophe,
 * which spreadsheets show as text and do not display. Quoting is left to the CSV printer.
 */
public final class SpreadsheetCells {
  private SpreadsheetCells() {}

  /** The value as a cell a spreadsheet shows as text; null is an empty cell. */
  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return formula ? "'" + value : value;
  }
}
