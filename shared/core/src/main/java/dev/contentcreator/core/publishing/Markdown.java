package dev.contentcreator.core.publishing;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * An item's Markdown as HTML (for WordPress and webhooks) and as plain text (for channels that
 * take no markup), with CommonMark. Raw HTML in the Markdown is escaped, not passed through, so a
 * generated text cannot smuggle a script into a site.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private Markdown() {}

  public static String html(String markdown) {
    Node doc = PARSER.parse(markdown == null ? "" : markdown);
    return HTML.render(doc);
  }

  public static String text(String markdown) {
    Node doc = PARSER.parse(markdown == null ? "" : markdown);
    return TEXT.render(doc).strip();
  }
}
