package dev.contentcreator.core.exports;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a content item as a file of one format. Core writes Markdown itself; HTML, DOCX and PDF
 * come from the {@code documents} module, found with {@link java.util.ServiceLoader} so that only
 * the functions that export carry its libraries.
 */
public interface DocumentWriter {
  /** The format's name in {@code ?format=}, e.g. {@code pdf}. */
  String format();

  /** The file's media type. */
  String contentType();

  /** Writes {@code document} to {@code out}, which the caller closes. */
  void write(ItemDocument document, OutputStream out) throws IOException;
}
