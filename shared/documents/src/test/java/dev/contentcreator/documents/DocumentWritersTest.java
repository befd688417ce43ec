package dev.contentcreator.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.exports.DocumentWriter;
import dev.contentcreator.core.exports.ExportStyle;
import dev.contentcreator.core.exports.ItemDocument;
import dev.contentcreator.core.exports.ItemExports;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

class DocumentWritersTest {
  private static final ExportStyle STYLE = new ExportStyle("serif", "sans", "#C05621", null, "Acme Tea Co. · confidential");
  private static final String TEXT = """
      ## Why green tea

      Green tea is **calm** and *bright*. Read [our notes](https://example.com/notes).

      - steep for 2 minutes
      - at 80 degrees

      <script>alert('x')</script>

      > A cup a day.
      """;

  private static ItemDocument text(String markdown) {
    return new ItemDocument("Morning tea", "text", markdown, null, null, "Tea shop", STYLE, null, 3,
        Instant.parse("2026-12-01T10:00:00Z"));
  }

  private static byte[] write(DocumentWriter w, ItemDocument d) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(d, out);
    return out.toByteArray();
  }

  private static byte[] png(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void theInstalledWritersAreMarkdownHtmlDocxAndPdf() {
    assertEquals(List.of("md", "html", "docx", "pdf"),
        ItemExports.installedWriters().stream().map(DocumentWriter::format).toList());
  }

  @Test
  void htmlEscapesRawHtmlInTheTextAndLoadsNothing() throws IOException {
    String html = new String(write(new HtmlDocumentWriter(), text(TEXT + "\n![x](https://tracker.example/p.gif)\n"
        + "\n[bad](javascript:alert(1))\n")), StandardCharsets.UTF_8);
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert"), html);
    assertFalse(html.contains("tracker.example"), "an image elsewhere is shown as its description");
    assertFalse(html.contains("javascript:"), html);
    assertTrue(html.contains("<strong>calm</strong>"));
    assertTrue(html.contains("default-src 'none'"));
  }

  @Test
  void htmlCarriesTheStyleInline() throws IOException {
    String html = new String(write(new HtmlDocumentWriter(), text(TEXT)), StandardCharsets.UTF_8);
    assertTrue(html.contains("color:#c05621"), "the accent colour");
    assertTrue(html.contains("h1,h2,h3,h4,h5,h6{font-family:Georgia"), "headings in the serif stack");
    assertTrue(html.contains("body{font-family:Arial"), "the body in the sans stack");
    assertTrue(html.contains("<footer>Acme Tea Co. · confidential</footer>"));
    assertFalse(html.contains("<link"), "no style fetched from elsewhere");
  }

  @Test
  void htmlEmbedsAnImageItem() throws IOException {
    ItemDocument d = new ItemDocument("Red dot", "image", null, new ItemDocument.Image(png(4, 3), "image/png", 4, 3),
        null, "p", STYLE, null, 1, null);
    String html = new String(write(new HtmlDocumentWriter(), d), StandardCharsets.UTF_8);
    assertTrue(html.contains("src=\"data:image/png;base64,"), html);
  }

  @Test
  void docxHoldsTheHeadingsAndBodyInTheProjectsStyle() throws IOException {
    byte[] bytes = write(new DocxDocumentWriter(), text(TEXT));
    assertEquals('P', bytes[0]);
    assertEquals('K', bytes[1]);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertEquals("Morning tea", paragraphs.get(0));
      assertTrue(paragraphs.contains("Why green tea"), paragraphs.toString());
      assertTrue(paragraphs.stream().anyMatch(p -> p.startsWith("Green tea is calm and bright.")), paragraphs.toString());
      assertTrue(paragraphs.contains("\u2022 steep for 2 minutes"), paragraphs.toString());
      assertTrue(paragraphs.contains("<script>alert('x')</script>"), "raw HTML kept as text");
      XWPFRun heading = doc.getParagraphs().get(1).getRuns().get(0);
      assertEquals("c05621", heading.getColor().toLowerCase());
      assertEquals("Georgia", heading.getFontFamily());
      String footer = doc.getFooterList().stream().map(f -> f.getText()).collect(Collectors.joining());
      assertTrue(footer.contains("Acme Tea Co."), footer);
    }
  }

  @Test
  void docxEmbedsTheImageAndTheLogo() throws IOException {
    ItemDocument d = new ItemDocument("Red dot", "image", null, new ItemDocument.Image(png(40, 30), "image/png", 40, 30),
        null, "p", STYLE, new ItemDocument.Image(png(10, 10), "image/png", 10, 10), 1, null);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(write(new DocxDocumentWriter(), d)))) {
      assertEquals(2, doc.getAllPackagePictures().size());
    }
  }

  @Test
  void pdfHoldsTheTitleAndBodyText() throws IOException {
    byte[] bytes = write(new PdfDocumentWriter(), text(TEXT));
    assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Morning tea"), text);
      assertTrue(text.contains("Why green tea"), text);
      assertTrue(text.contains("Green tea is calm and bright."), text);
      assertTrue(text.contains("steep for 2 minutes"), text);
      assertTrue(text.contains("Acme Tea Co."), "the footer");
      assertTrue(doc.getPage(0).getAnnotations().size() >= 1, "the link is clickable");
    }
  }

  @Test
  void pdfWritesAnyScriptWithTheBundledFontAloneAndNeverFails() throws IOException {
    String text = "Привет, мир. Γειά σου. 你好，世界. مرحبا. Emoji 🍵 and tabs\tand a very long word "
        + "x".repeat(300);
    byte[] bytes = write(new PdfDocumentWriter(Path.of("/nonexistent-font-folder")), text(text));
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      String out = new PDFTextStripper().getText(doc);
      assertTrue(out.contains("Привет, мир."), out);
      assertTrue(out.contains("Γειά σου."), out);
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont f = doc.getPage(0).getResources().getFont(name);
        assertTrue(f.isEmbedded(), "every font is embedded: " + f.getName());
      }
    }
  }

  @Test
  void pdfRunsLongTextOverSeveralPages() throws IOException {
    String many = "A paragraph of tea notes that goes on.\n\n".repeat(200);
    try (PDDocument doc = Loader.loadPDF(write(new PdfDocumentWriter(), text(many)))) {
      assertTrue(doc.getNumberOfPages() > 2, "pages: " + doc.getNumberOfPages());
      String last = new PDFTextStripper() {
        {
          setStartPage(doc.getNumberOfPages());
        }
      }.getText(doc);
      assertTrue(last.contains("Acme Tea Co."), "the footer is on every page");
    }
  }

  @Test
  void pdfEmbedsTheImage() throws IOException {
    ItemDocument d = new ItemDocument("Red dot", "image", null, new ItemDocument.Image(png(40, 30), "image/png", 40, 30),
        null, "p", STYLE, null, 1, null);
    try (PDDocument doc = Loader.loadPDF(write(new PdfDocumentWriter(), d))) {
      var res = doc.getPage(0).getResources();
      int images = 0;
      for (var name : res.getXObjectNames()) {
        if (res.getXObject(name) instanceof PDImageXObject) {
          images++;
        }
      }
      assertEquals(1, images);
    }
  }

  private static ItemDocument.Image webp(int w, int h) throws IOException {
    ByteArrayOutputStream webp = new ByteArrayOutputStream();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    assertTrue(ImageIO.write(img, "webp", webp), "a WebP writer is on the test class path");
    return new ItemDocument.Image(webp.toByteArray(), "image/webp", w, h);
  }

  @Test
  void aWebpImageAndLogoAreHeldAsJpegInWordAndPdf() throws IOException {
    // The media pipeline stores WebP; Word cannot hold it, so it is decoded and written as JPEG.
    ItemDocument d = new ItemDocument("Web", "image", null, webp(20, 10), null, "p", STYLE, webp(8, 8), 1, null);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(write(new DocxDocumentWriter(), d)))) {
      assertEquals(2, doc.getAllPackagePictures().size());
      assertTrue(doc.getAllPackagePictures().stream().allMatch(p -> p.getPictureType() == org.apache.poi.xwpf.usermodel
          .Document.PICTURE_TYPE_JPEG));
    }
    try (PDDocument doc = Loader.loadPDF(write(new PdfDocumentWriter(), d))) {
      int images = 0;
      for (var name : doc.getPage(0).getResources().getXObjectNames()) {
        images += doc.getPage(0).getResources().isImageXObject(name) ? 1 : 0;
      }
      assertEquals(2, images);
    }
  }
}
