package dev.contentcreator.documents;

import dev.contentcreator.core.exports.DocumentWriter;
import dev.contentcreator.core.exports.ExportStyle;
import dev.contentcreator.core.exports.ItemDocument;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * A content item as an A4 PDF laid out here: the logo atop the first page, the title in the
 * heading font and accent colour over an accent rule, the text's blocks wrapped to the page (links
 * clickable, code in the mono face on a grey band, quotes behind an accent bar), the image scaled
 * to the page, and the footer line on every page. Fonts are embedded ({@link PdfFonts}).
 */
public final class PdfDocumentWriter implements DocumentWriter {
  private static final float MARGIN = 56;
  private static final float BODY_SIZE = 11;
  private static final float[] HEADING_SIZES = {20, 16, 14, 12.5f, 11.5f, 11};
  private static final Color TEXT = new Color(0x1a, 0x20, 0x2c);
  private static final Color MUTED = new Color(0x4a, 0x55, 0x68);
  private static final Color CODE_BAND = new Color(0xf2, 0xf4, 0xf7);

  private final Path fontFolder;

  public PdfDocumentWriter() {
    this(null);
  }

  /** With system fonts looked for in {@code fontFolder} (null: Debian's DejaVu folder). */
  PdfDocumentWriter(Path fontFolder) {
    this.fontFolder = fontFolder;
  }

  @Override
  public String format() {
    return "pdf";
  }

  @Override
  public String contentType() {
    return "application/pdf";
  }

  @Override
  public void write(ItemDocument d, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.getDocumentInformation().setTitle(d.title());
      doc.getDocumentInformation().setCreator("Content Creator");
      Layout l = new Layout(doc, fontFolder == null ? new PdfFonts(doc) : new PdfFonts(doc, fontFolder), d.style());
      try {
        l.newPage();
        if (d.logo() != null) {
          l.image(d.logo(), 48, false);
        }
        l.title(d.title());
        if (d.markdown() != null) {
          for (Blocks.Block b : Blocks.of(d.markdown())) {
            l.block(b);
          }
        }
        if (d.image() != null) {
          if (!l.image(d.image(), Float.MAX_VALUE, true)) {
            l.paragraph(List.of(new Blocks.Span("(The image is in a format a document cannot hold: "
                + d.image().contentType() + ".)", false, true, false, null)), 0, null, false);
          }
        }
        if (d.mediaNote() != null) {
          l.paragraph(List.of(new Blocks.Span(d.mediaNote(), false, false, false, null)), 0, null, false);
        }
      } finally {
        l.close();
      }
      doc.save(out);
    }
  }

  /** The cursor over the pages: where the next line goes, and the page it goes on. */
  private static final class Layout {
    private final PDDocument doc;
    private final PdfFonts fonts;
    private final ExportStyle style;
    private final Color accent;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    Layout(PDDocument doc, PdfFonts fonts, ExportStyle style) {
      this.doc = doc;
      this.fonts = fonts;
      this.style = style;
      int[] rgb = style.accentRgb();
      this.accent = new Color(rgb[0], rgb[1], rgb[2]);
    }

    void newPage() throws IOException {
      close();
      page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
      if (!style.footer().isBlank()) {
        PDFont f = fonts.face(style.bodyFont(), false, false);
        float size = 8.5f;
        float w = measure(style.footer(), f, size);
        float x = MARGIN + Math.max(0, (width - w) / 2);
        cs.setStrokingColor(accent);
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, MARGIN - 14);
        cs.lineTo(MARGIN + width, MARGIN - 14);
        cs.stroke();
        text(style.footer(), f, size, MUTED, x, MARGIN - 26);
      }
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }

    private void need(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    void title(String title) throws IOException {
      PDFont f = fonts.face(style.headingFont(), true, false);
      List<List<Word>> lines = wrap(words(List.of(new Blocks.Span(title, true, false, false, null)), f, f, f, 24),
          width);
      for (List<Word> line : lines) {
        need(30);
        y -= 24;
        draw(line, MARGIN, 24, accent);
        y -= 6;
      }
      y -= 4;
      cs.setStrokingColor(accent);
      cs.setLineWidth(2);
      cs.moveTo(MARGIN, y);
      cs.lineTo(MARGIN + width, y);
      cs.stroke();
      y -= 16;
    }

    void block(Blocks.Block b) throws IOException {
      float indent = b.indent() * 18;
      switch (b.kind()) {
        case HEADING -> {
          float size = HEADING_SIZES[Math.min(Math.max(b.level(), 1), 6) - 1];
          PDFont f = fonts.face(style.headingFont(), true, false);
          List<List<Word>> lines = wrap(words(b.spans(), f, f, fonts.face("mono", true, false), size), width - indent);
          y -= size * 0.6f;
          need(size * 2.2f);
          for (List<Word> line : lines) {
            need(size * 1.3f);
            y -= size * 1.25f;
            draw(line, MARGIN + indent, size, accent);
          }
          y -= size * 0.4f;
        }
        case PARAGRAPH -> paragraph(b.spans(), indent, b.marker(), b.quote());
        case CODE -> code(b.plain(), indent);
        case RULE -> {
          need(14);
          y -= 7;
          cs.setStrokingColor(accent);
          cs.setLineWidth(0.75f);
          cs.moveTo(MARGIN + indent, y);
          cs.lineTo(MARGIN + width, y);
          cs.stroke();
          y -= 7;
        }
        default -> throw new IllegalStateException("unknown block " + b.kind());
      }
    }

    void paragraph(List<Blocks.Span> spans, float indent, String marker, boolean quote) throws IOException {
      String body = style.bodyFont();
      PDFont regular = fonts.face(body, false, quote);
      float size = BODY_SIZE;
      float lead = size * 1.45f;
      float markerWidth = marker == null ? 0 : 14;
      List<Word> words = new ArrayList<>();
      for (Blocks.Span s : spans) {
        PDFont f = s.code() ? fonts.face("mono", false, false) : fonts.face(body, s.bold(), s.italic() || quote);
        words.addAll(words(List.of(s), f, f, f, size));
      }
      List<List<Word>> lines = wrap(words, width - indent - markerWidth);
      boolean first = true;
      for (List<Word> line : lines) {
        need(lead);
        float top = y;
        y -= lead;
        if (first && marker != null) {
          text(marker, regular, size, TEXT, MARGIN + indent, y + lead * 0.25f);
        }
        draw(line, MARGIN + indent + markerWidth, size, TEXT, y + lead * 0.25f);
        if (quote) {
          cs.setStrokingColor(accent);
          cs.setLineWidth(2);
          cs.moveTo(MARGIN + indent - 9, top);
          cs.lineTo(MARGIN + indent - 9, y);
          cs.stroke();
        }
        first = false;
      }
      y -= size * 0.6f;
    }

    void code(String text, float indent) throws IOException {
      PDFont f = fonts.face("mono", false, false);
      float size = 9.5f;
      float lead = size * 1.4f;
      y -= 2;
      for (String raw : text.split("\n", -1)) {
        List<String> chunks = new ArrayList<>();
        String rest = raw.replace("\t", "    ");
        do {
          int n = fit(rest, f, size, width - indent - 12);
          chunks.add(rest.substring(0, n));
          rest = rest.substring(n);
        } while (!rest.isEmpty());
        for (String chunk : chunks) {
          need(lead);
          cs.setNonStrokingColor(CODE_BAND);
          cs.addRect(MARGIN + indent, y - lead, width - indent, lead);
          cs.fill();
          y -= lead;
          text(chunk, f, size, TEXT, MARGIN + indent + 6, y + lead * 0.3f);
        }
      }
      y -= size;
    }

    /** Draws the image at most {@code maxHeight} high, as wide as the page at most; false when unreadable. */
    boolean image(ItemDocument.Image image, float maxHeight, boolean center) throws IOException {
      PDImageXObject x;
      try {
        if (image.contentType().equals("image/jpeg")) {
          x = JPEGFactory.createFromByteArray(doc, image.bytes());
        } else {
          BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
          if (decoded == null) {
            return false;
          }
          // A photo (no transparency) as JPEG keeps the file small; the rest lossless.
          x = decoded.getColorModel().hasAlpha() || !image.contentType().equals("image/webp")
              ? LosslessFactory.createFromImage(doc, decoded) : JPEGFactory.createFromImage(doc, decoded, 0.9f);
        }
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
      float w = x.getWidth() * 0.75f;
      float h = x.getHeight() * 0.75f;
      float pageRoom = PDRectangle.A4.getHeight() - 2 * MARGIN - 10;
      float scale = Math.min(1, Math.min(width / w, Math.min(maxHeight, pageRoom) / h));
      w *= scale;
      h *= scale;
      need(h + 8);
      y -= h;
      cs.drawImage(x, center ? MARGIN + (width - w) / 2 : MARGIN, y, w, h);
      y -= 12;
      return true;
    }

    // ---- words and lines

    /** A word, or the space after it, in one font; pieces where the font changes inside it. */
    private record Word(List<PdfFonts.Piece> pieces, float width, float space, String link, boolean newline,
        float size) {}

    private List<Word> words(List<Blocks.Span> spans, PDFont regular, PDFont bold, PDFont code, float size)
        throws IOException {
      List<Word> out = new ArrayList<>();
      for (Blocks.Span s : spans) {
        PDFont f = s.code() ? code : s.bold() ? bold : regular;
        String[] lines = s.text().split("\n", -1);
        for (int li = 0; li < lines.length; li++) {
          if (li > 0) {
            out.add(new Word(List.of(), 0, 0, null, true, size));
          }
          String line = lines[li];
          int i = 0;
          while (i < line.length()) {
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
              i++;
            }
            int end = i;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
              i++;
            }
            String word = line.substring(start, end);
            List<PdfFonts.Piece> pieces = word.isEmpty() ? List.of() : fonts.pieces(word, f);
            float w = 0;
            for (PdfFonts.Piece p : pieces) {
              w += measure(p.text(), p.font(), size);
            }
            float space = i > end ? measure(" ", f, size) : 0;
            out.add(new Word(pieces, w, space, s.link(), false, size));
          }
        }
      }
      return out;
    }

    private List<List<Word>> wrap(List<Word> words, float max) throws IOException {
      List<List<Word>> lines = new ArrayList<>();
      List<Word> line = new ArrayList<>();
      float x = 0;
      for (Word w : words) {
        if (w.newline()) {
          lines.add(line);
          line = new ArrayList<>();
          x = 0;
          continue;
        }
        if (x + w.width() > max && !line.isEmpty()) {
          lines.add(line);
          line = new ArrayList<>();
          x = 0;
        }
        if (w.width() > max) {
          // A word wider than the line (a long address): cut it where it fills a line.
          for (Word part : split(w, max)) {
            if (!line.isEmpty()) {
              lines.add(line);
            }
            line = new ArrayList<>(List.of(part));
            x = part.width() + part.space();
          }
          continue;
        }
        line.add(w);
        x += w.width() + w.space();
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
      return lines;
    }

    private List<Word> split(Word w, float max) throws IOException {
      List<Word> out = new ArrayList<>();
      List<PdfFonts.Piece> current = new ArrayList<>();
      float width = 0;
      for (PdfFonts.Piece p : w.pieces()) {
        for (int i = 0; i < p.text().length(); ) {
          String ch = new String(Character.toChars(p.text().codePointAt(i)));
          i += ch.length();
          float cw = p.font().getStringWidth(ch) / 1000 * w.size();
          if (width + cw > max && width > 0) {
            out.add(new Word(List.copyOf(current), width, 0, w.link(), false, w.size()));
            current.clear();
            width = 0;
          }
          if (!current.isEmpty() && current.get(current.size() - 1).font() == p.font()) {
            PdfFonts.Piece last = current.remove(current.size() - 1);
            current.add(new PdfFonts.Piece(last.text() + ch, p.font()));
          } else {
            current.add(new PdfFonts.Piece(ch, p.font()));
          }
          width += cw;
        }
      }
      out.add(new Word(List.copyOf(current), width, w.space(), w.link(), false, w.size()));
      return out;
    }

    private void draw(List<Word> line, float x, float size, Color color) throws IOException {
      draw(line, x, size, color, y);
    }

    private void draw(List<Word> line, float x, float size, Color color, float baseline) throws IOException {
      for (Word w : line) {
        float start = x;
        for (PdfFonts.Piece p : w.pieces()) {
          text(p.text(), p.font(), size, w.link() != null ? accent : color, x, baseline);
          x += measure(p.text(), p.font(), size);
        }
        if (w.link() != null) {
          link(w.link(), start, baseline, x - start, size);
        }
        x += w.space();
      }
    }

    private void link(String url, float x, float baseline, float w, float size) throws IOException {
      cs.setStrokingColor(accent);
      cs.setLineWidth(0.5f);
      cs.moveTo(x, baseline - 1.5f);
      cs.lineTo(x + w, baseline - 1.5f);
      cs.stroke();
      PDAnnotationLink a = new PDAnnotationLink();
      PDBorderStyleDictionary border = new PDBorderStyleDictionary();
      border.setWidth(0);
      a.setBorderStyle(border);
      a.setRectangle(new PDRectangle(x, baseline - 3, w, size + 3));
      PDActionURI action = new PDActionURI();
      action.setURI(url);
      a.setAction(action);
      page.getAnnotations().add(a);
    }

    private void text(String s, PDFont f, float size, Color color, float x, float baseline) throws IOException {
      cs.beginText();
      cs.setFont(f, size);
      cs.setNonStrokingColor(color);
      cs.newLineAtOffset(x, baseline);
      for (PdfFonts.Piece p : fonts.pieces(s, f)) {
        if (p.font() != f) {
          cs.setFont(p.font(), size);
        }
        cs.showText(p.text());
        if (p.font() != f) {
          cs.setFont(f, size);
        }
      }
      cs.endText();
    }

    private float measure(String s, PDFont f, float size) throws IOException {
      float w = 0;
      for (PdfFonts.Piece p : fonts.pieces(s, f)) {
        w += p.font().getStringWidth(p.text()) / 1000 * size;
      }
      return w;
    }

    /** How many chars of {@code s} fit in {@code max} points (at least one). */
    private int fit(String s, PDFont f, float size, float max) throws IOException {
      float w = 0;
      int i = 0;
      while (i < s.length()) {
        int cp = s.codePointAt(i);
        int n = Character.charCount(cp);
        w += measure(s.substring(i, i + n), f, size);
        if (w > max && i > 0) {
          return i;
        }
        i += n;
      }
      return s.length();
    }
  }
}
