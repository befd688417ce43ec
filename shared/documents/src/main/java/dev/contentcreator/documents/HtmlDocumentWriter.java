package dev.contentcreator.documents;

import dev.contentcreator.core.exports.DocumentWriter;
import dev.contentcreator.core.exports.ExportStyle;
import dev.contentcreator.core.exports.ItemDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A content item as one self-contained HTML page: the style as inline CSS, the item's image (and
 * the logo) embedded as {@code data:} addresses, the text's Markdown rendered with any raw HTML in
 * it escaped and link addresses sanitised. The page loads nothing: an image the Markdown points
 * elsewhere for is shown as its description, and a Content-Security-Policy forbids scripts and
 * fetches should a reader open it in a browser.
 */
public final class HtmlDocumentWriter implements DocumentWriter {
  private static final Set<String> EMBEDDABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .nodeRendererFactory(AltTextImages::new).build();

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String contentType() {
    return "text/html; charset=utf-8";
  }

  @Override
  public void write(ItemDocument d, OutputStream out) throws IOException {
    out.write(page(d).getBytes(StandardCharsets.UTF_8));
  }

  /** The whole page as text. */
  public String page(ItemDocument d) {
    ExportStyle s = d.style();
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
        .append("style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(d.title())).append("</title>\n<style>\n")
        .append("body{font-family:").append(Fonts.css(s.bodyFont()))
        .append(";line-height:1.6;color:#1a202c;max-width:46rem;margin:2rem auto;padding:0 1rem}\n")
        .append("h1,h2,h3,h4,h5,h6{font-family:").append(Fonts.css(s.headingFont())).append(";color:")
        .append(s.accentColor()).append(";line-height:1.25}\n")
        .append("h1.title{border-bottom:3px solid ").append(s.accentColor()).append(";padding-bottom:.3em}\n")
        .append("a{color:").append(s.accentColor()).append("}\n")
        .append("blockquote{border-left:4px solid ").append(s.accentColor())
        .append(";margin-left:0;padding-left:1em;color:#4a5568}\n")
        .append("code,pre{font-family:").append(Fonts.css("mono")).append(";background:#f7fafc}\n")
        .append("pre{padding:.75em;overflow:auto}\nimg{max-width:100%;height:auto}\n")
        .append("header img.logo{max-height:64px;width:auto}\n")
        .append("footer{margin-top:3rem;padding-top:.5rem;border-top:1px solid ").append(s.accentColor())
        .append(";font-size:.85em;color:#4a5568}\n</style>\n</head>\n<body>\n");
    if (d.logo() != null && EMBEDDABLE.contains(d.logo().contentType())) {
      h.append("<header><img class=\"logo\" alt=\"").append(escape(d.projectName())).append("\" src=\"")
          .append(dataUrl(d.logo())).append("\"></header>\n");
    }
    h.append("<main>\n<h1 class=\"title\">").append(escape(d.title())).append("</h1>\n");
    if (d.markdown() != null) {
      Node doc = parser.parse(d.markdown());
      h.append(renderer.render(doc));
    }
    if (d.image() != null && EMBEDDABLE.contains(d.image().contentType())) {
      h.append("<figure><img alt=\"").append(escape(d.title())).append("\" src=\"").append(dataUrl(d.image()))
          .append("\"></figure>\n");
    }
    if (d.mediaNote() != null) {
      h.append("<p>").append(escape(d.mediaNote())).append("</p>\n");
    }
    h.append("</main>\n");
    if (!s.footer().isBlank()) {
      h.append("<footer>").append(escape(s.footer())).append("</footer>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String dataUrl(ItemDocument.Image image) {
    return "data:" + image.contentType() + ";base64," + Base64.getEncoder().encodeToString(image.bytes());
  }

  /** Text safe in an HTML element or a quoted attribute. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Writes a Markdown image as its description in brackets: the page fetches nothing from elsewhere. */
  private static final class AltTextImages implements NodeRenderer {
    private final HtmlWriter html;

    AltTextImages(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
      StringBuilder alt = new StringBuilder();
      for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof Text t) {
          alt.append(t.getLiteral());
        }
      }
      html.text("[" + (alt.length() == 0 ? "image" : alt) + "]");
    }
  }
}
