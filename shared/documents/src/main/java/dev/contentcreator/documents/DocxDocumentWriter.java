package dev.contentcreator.documents;

import dev.contentcreator.core.exports.DocumentWriter;
import dev.contentcreator.core.exports.ExportStyle;
import dev.contentcreator.core.exports.ItemDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * A content item as a Word document: the logo in the page header, the title and headings in the
 * style's heading font and accent colour, the text in its body font, the image embedded at the
 * width of the page, and the footer line in the page footer.
 */
public final class DocxDocumentWriter implements DocumentWriter {
  /** The text width of an A4 page with Word's default margins, in points. */
  private static final double TEXT_WIDTH_PT = 451;
  private static final int[] HEADING_SIZES = {24, 20, 16, 14, 12, 11};

  @Override
  public String format() {
    return "docx";
  }

  @Override
  public String contentType() {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }

  @Override
  public void write(ItemDocument d, OutputStream out) throws IOException {
    ExportStyle s = d.style();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setTitle(d.title());
      ItemDocument.Image logo = d.logo() == null ? null : Images.embeddable(d.logo());
      if (logo != null) {
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = header.createParagraph();
        picture(p.createRun(), logo, 48);
      }
      if (!s.footer().isBlank()) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setText(s.footer());
        r.setFontFamily(Fonts.word(s.bodyFont()));
        r.setFontSize(9);
        r.setColor("4A5568");
      }
      XWPFParagraph title = doc.createParagraph();
      title.setBorderBottom(Borders.SINGLE);
      XWPFRun tr = title.createRun();
      tr.setText(d.title());
      tr.setBold(true);
      tr.setFontSize(26);
      tr.setFontFamily(Fonts.word(s.headingFont()));
      tr.setColor(s.accentHex());
      if (d.markdown() != null) {
        for (Blocks.Block b : Blocks.of(d.markdown())) {
          block(doc, b, s);
        }
      }
      if (d.image() != null) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        ItemDocument.Image image = Images.embeddable(d.image());
        if (image == null) {
          body(p.createRun(), s).setText("(The image is in a format a document cannot hold: " + d.image().contentType()
              + ".)");
        } else {
          picture(p.createRun(), image, TEXT_WIDTH_PT);
        }
      }
      if (d.mediaNote() != null) {
        body(doc.createParagraph().createRun(), s).setText(d.mediaNote());
      }
      doc.write(out);
    }
  }

  private static void block(XWPFDocument doc, Blocks.Block b, ExportStyle s) {
    XWPFParagraph p = doc.createParagraph();
    if (b.indent() > 0) {
      p.setIndentationLeft(b.indent() * 360);
    }
    if (b.quote()) {
      p.setBorderLeft(Borders.SINGLE);
    }
    switch (b.kind()) {
      case RULE -> p.setBorderBottom(Borders.SINGLE);
      case CODE -> {
        String[] lines = b.plain().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          XWPFRun r = p.createRun();
          r.setFontFamily(Fonts.word("mono"));
          r.setFontSize(10);
          r.setText(lines[i]);
          if (i < lines.length - 1) {
            r.addBreak();
          }
        }
      }
      case HEADING -> {
        for (Blocks.Span span : b.spans()) {
          XWPFRun r = p.createRun();
          r.setText(span.text());
          r.setBold(true);
          r.setItalic(span.italic());
          r.setFontFamily(Fonts.word(span.code() ? "mono" : s.headingFont()));
          r.setFontSize(HEADING_SIZES[Math.min(Math.max(b.level(), 1), 6) - 1]);
          r.setColor(s.accentHex());
        }
      }
      case PARAGRAPH -> {
        if (b.marker() != null) {
          body(p.createRun(), s).setText(b.marker() + " ");
        }
        for (Blocks.Span span : b.spans()) {
          XWPFRun r = span.link() != null ? p.createHyperlinkRun(span.link()) : p.createRun();
          body(r, s);
          if (span.link() != null) {
            r.setColor(s.accentHex());
            r.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
          }
          r.setBold(span.bold());
          r.setItalic(span.italic() || b.quote());
          if (span.code()) {
            r.setFontFamily(Fonts.word("mono"));
          }
          String[] parts = span.text().split("\n", -1);
          for (int i = 0; i < parts.length; i++) {
            r.setText(parts[i]);
            if (i < parts.length - 1) {
              r.addBreak();
            }
          }
        }
      }
      default -> throw new IllegalStateException("unknown block " + b.kind());
    }
  }

  private static XWPFRun body(XWPFRun r, ExportStyle s) {
    r.setFontFamily(Fonts.word(s.bodyFont()));
    r.setFontSize(11);
    return r;
  }

  private static void picture(XWPFRun run, ItemDocument.Image image, double maxWidthPt) throws IOException {
    int[] size = Images.size(image);
    double w = size[0] <= 0 ? maxWidthPt : size[0] * 0.75;
    double h = size[0] <= 0 ? maxWidthPt * 0.75 : size[1] * 0.75;
    if (w > maxWidthPt) {
      h = h * maxWidthPt / w;
      w = maxWidthPt;
    }
    if (maxWidthPt < 100) { // a logo: fit its height
      h = Math.min(h, maxWidthPt);
      w = size[1] <= 0 ? maxWidthPt : size[0] * h / size[1];
    }
    try {
      run.addPicture(new ByteArrayInputStream(image.bytes()), Images.pictureType(image.contentType()), "image",
          Units.toEMU(w), Units.toEMU(h));
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException("the image cannot be embedded", e);
    }
  }
}
