package dev.contentcreator.core.knowledge;

import java.io.IOException;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads the text out of the kinds of document that need a parser: PDF and HTML. The module
 * {@code shared/extract} provides it (PDFBox, jsoup) and lists it in
 * {@code META-INF/services/dev.contentcreator.core.knowledge.DocumentReader}, so only functions
 * that read documents carry those libraries.
 */
public interface DocumentReader {

  /** The text of a PDF, page by page, paragraphs apart by blank lines. */
  String pdfText(byte[] pdf) throws IOException;

  /** The readable text of an HTML page (no scripts, styles, navigation), headings as Markdown headings. */
  String htmlText(String html);

  /** The reader on the classpath, if there is one. */
  static Optional<DocumentReader> find() {
    return ServiceLoader.load(DocumentReader.class, DocumentReader.class.getClassLoader()).findFirst();
  }
}
