package dev.contentcreator.extract;

import dev.contentcreator.core.knowledge.DocumentReader;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * PDF text by PDFBox (paragraphs found by its layout analysis, separated by blank lines; an
 * encrypted PDF that needs a password is refused), HTML text by jsoup (scripts, styles, forms and
 * page chrome dropped; headings kept as Markdown headings so passages follow the page's sections).
 */
public final class PdfHtmlReader implements DocumentReader {
  private static final int MAX_PAGES = 2000;

  @Override
  public String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (document.getNumberOfPages() > MAX_PAGES) {
        throw new IOException("the PDF has " + document.getNumberOfPages() + " pages; at most " + MAX_PAGES + " are read");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setParagraphStart("");
      stripper.setParagraphEnd("\n\n");
      stripper.setPageEnd("\n\n");
      return stripper.getText(document);
    }
  }

  @Override
  public String htmlText(String html) {
    Document page = Jsoup.parse(html);
    page.select("script, style, noscript, template, svg, form, nav, header, footer, aside, iframe").remove();
    StringBuilder text = new StringBuilder();
    String title = page.title().strip();
    Element body = page.body();
    if (!title.isEmpty() && body.selectFirst("h1") == null) {
      text.append("# ").append(title).append("\n\n");
    }
    for (Element e : body.select("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, dd, dt")) {
      if (!e.select("p, li, blockquote, pre, h1, h2, h3, h4, h5, h6").isEmpty() && !e.is("h1, h2, h3, h4, h5, h6")) {
        // A container of other blocks: its children are taken one by one.
        if (e.ownText().isBlank()) {
          continue;
        }
      }
      String t = e.is("pre") ? e.wholeText().strip() : e.text().strip();
      if (t.isEmpty()) {
        continue;
      }
      if (e.is("h1, h2, h3, h4, h5, h6")) {
        text.append("#".repeat(Integer.parseInt(e.tagName().substring(1)))).append(' ').append(t).append("\n\n");
      } else {
        text.append(t).append("\n\n");
      }
    }
    if (text.isEmpty()) {
      text.append(body.text());
    }
    return text.toString();
  }
}
