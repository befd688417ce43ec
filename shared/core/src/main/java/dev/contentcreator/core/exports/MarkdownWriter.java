package dev.contentcreator.core.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A content item as Markdown: its title as the top heading, then its text as stored (texts are
 * kept as Markdown), or for media a line naming the file. Markdown carries no style; the footer,
 * when the project has one, ends the file after a rule.
 */
public final class MarkdownWriter implements DocumentWriter {
  @Override
  public String format() {
    return "md";
  }

  @Override
  public String contentType() {
    return "text/markdown; charset=utf-8";
  }

  @Override
  public void write(ItemDocument d, OutputStream out) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(escapeLine(d.title())).append("\n\n");
    if (d.markdown() != null) {
      s.append(d.markdown().strip()).append("\n");
    } else if (d.mediaNote() != null) {
      s.append(escapeLine(d.mediaNote())).append("\n");
    }
    if (!d.style().footer().isBlank()) {
      s.append("\n---\n\n").append(escapeLine(d.style().footer())).append("\n");
    }
    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** One line of plain text that Markdown shows as written: its markup characters escaped. */
  static String escapeLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]<>#|~!])", "\\\\$1");
  }
}
