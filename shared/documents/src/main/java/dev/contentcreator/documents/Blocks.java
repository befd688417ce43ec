package dev.contentcreator.documents;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A text's Markdown as a flat list of blocks of styled spans, the shape a page layout (PDF) and a
 * word processor (DOCX) both write: headings, paragraphs (indented in lists and quotes, with the
 * list's marker), code and rules. Raw HTML in the text is kept as the text it is, never as markup;
 * an image the Markdown points to elsewhere is its description in brackets.
 */
final class Blocks {
  enum Kind { HEADING, PARAGRAPH, CODE, RULE }

  /** A run of text with one look; {@code link} is an http(s) or mailto address, or null. */
  record Span(String text, boolean bold, boolean italic, boolean code, String link) {}

  /** One block: a heading's {@code level} (1 to 6), its indent in steps, a list marker or null. */
  record Block(Kind kind, int level, int indent, String marker, boolean quote, List<Span> spans) {
    String plain() {
      StringBuilder b = new StringBuilder();
      spans.forEach(s -> b.append(s.text()));
      return b.toString();
    }
  }

  private static final Parser PARSER = Parser.builder().build();

  private Blocks() {}

  static List<Block> of(String markdown) {
    List<Block> out = new ArrayList<>();
    walk(PARSER.parse(markdown == null ? "" : markdown), 0, false, null, out);
    return out;
  }

  private static void walk(Node parent, int indent, boolean quote, String firstMarker, List<Block> out) {
    String marker = firstMarker;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        out.add(new Block(Kind.HEADING, h.getLevel(), indent, null, quote, spans(h)));
      } else if (n instanceof Paragraph p) {
        out.add(new Block(Kind.PARAGRAPH, 0, indent, marker, quote, spans(p)));
        marker = null;
      } else if (n instanceof BulletList list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          walk(item, indent + 1, quote, "\u2022", out);
        }
      } else if (n instanceof OrderedList list) {
        int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
          walk(item, indent + 1, quote, number + ".", out);
        }
      } else if (n instanceof ListItem) {
        walk(n, indent, quote, marker, out);
        marker = null;
      } else if (n instanceof BlockQuote) {
        walk(n, indent + 1, true, null, out);
      } else if (n instanceof FencedCodeBlock code) {
        out.add(code(code.getLiteral(), indent, quote));
      } else if (n instanceof IndentedCodeBlock code) {
        out.add(code(code.getLiteral(), indent, quote));
      } else if (n instanceof HtmlBlock html) {
        out.add(new Block(Kind.PARAGRAPH, 0, indent, marker, quote,
            List.of(new Span(html.getLiteral().strip(), false, false, false, null))));
        marker = null;
      } else if (n instanceof ThematicBreak) {
        out.add(new Block(Kind.RULE, 0, indent, null, quote, List.of()));
      } else {
        walk(n, indent, quote, marker, out);
      }
    }
  }

  private static Block code(String literal, int indent, boolean quote) {
    String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    return new Block(Kind.CODE, 0, indent, null, quote, List.of(new Span(text, false, false, true, null)));
  }

  private static List<Span> spans(Node block) {
    List<Span> out = new ArrayList<>();
    inline(block, false, false, null, out);
    return out;
  }

  private static void inline(Node parent, boolean bold, boolean italic, String link, List<Span> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        out.add(new Span(t.getLiteral(), bold, italic, false, link));
      } else if (n instanceof Code c) {
        out.add(new Span(c.getLiteral(), bold, italic, true, link));
      } else if (n instanceof StrongEmphasis) {
        inline(n, true, italic, link, out);
      } else if (n instanceof Emphasis) {
        inline(n, bold, true, link, out);
      } else if (n instanceof Link l) {
        inline(n, bold, italic, safeLink(l.getDestination()), out);
      } else if (n instanceof Image) {
        List<Span> alt = new ArrayList<>();
        inline(n, bold, italic, null, alt);
        StringBuilder b = new StringBuilder();
        alt.forEach(s -> b.append(s.text()));
        out.add(new Span("[" + (b.length() == 0 ? "image" : b) + "]", bold, italic, false, null));
      } else if (n instanceof SoftLineBreak) {
        out.add(new Span(" ", bold, italic, false, link));
      } else if (n instanceof HardLineBreak) {
        out.add(new Span("\n", bold, italic, false, link));
      } else if (n instanceof HtmlInline h) {
        out.add(new Span(h.getLiteral(), bold, italic, false, link));
      } else {
        inline(n, bold, italic, link, out);
      }
    }
  }

  /** A link's address when it is web or mail, else null (no {@code javascript:}, no file paths). */
  static String safeLink(String destination) {
    if (destination == null) {
      return null;
    }
    String d = destination.strip();
    return d.matches("(?i)(https?://|mailto:)[^\\s]+") ? d : null;
  }
}
