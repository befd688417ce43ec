package dev.contentcreator.core.exports;

import dev.contentcreator.core.http.ApiException;
import java.util.Locale;

/** The file formats a batch run is exported in. */
public enum ExportFormat {
  /** RFC 4180 CSV, one row per batch row, cells made safe to open in a spreadsheet. */
  CSV("text/csv; charset=utf-8", "csv"),
  /** JSON Lines: one JSON object per batch row. */
  JSONL("application/x-ndjson; charset=utf-8", "jsonl");

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** The format named by a request's {@code format} (csv when none is given); 400 for another name. */
  public static ExportFormat parse(String name) {
    if (name == null) {
      return CSV;
    }
    for (ExportFormat f : values()) {
      if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw ApiException.badRequest("format", "must be csv or jsonl");
  }
}
