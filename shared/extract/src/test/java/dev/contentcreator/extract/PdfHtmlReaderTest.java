package dev.contentcreator.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.knowledge.DocumentReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfHtmlReaderTest {
  private final PdfHtmlReader reader = new PdfHtmlReader();

  /** A PDF of one page per line given, made here so the test needs no file. */
  static byte[] pdf(String... pages) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          c.beginText();
          c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          c.newLineAtOffset(72, 700);
          c.showText(line);
          c.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void thePdfsTextIsReadPageByPage() throws IOException {
    String text = reader.pdfText(pdf("Our mascot is a teal heron.", "Support answers within four hours."));
    assertTrue(text.contains("Our mascot is a teal heron."), text);
    assertTrue(text.contains("Support answers within four hours."), text);
    assertTrue(text.indexOf("heron") < text.indexOf("four hours"));
  }

  @Test
  void bytesThatAreNotAPdfAreRefused() {
    assertThrows(IOException.class, () -> reader.pdfText("%PDF-1.7 but nothing else".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aPagesReadableTextKeepsHeadingsAndDropsScriptsAndChrome() {
    String text = reader.htmlText("<html><head><title>T</title><script>var secret=1</script></head><body>"
        + "<nav>Home | About</nav><h1>Brand book</h1><p>We write <b>plainly</b>.</p><h2>Colours</h2>"
        + "<ul><li>Teal</li><li>Sand</li></ul><style>p{}</style><footer>© us</footer></body></html>");
    assertTrue(text.contains("# Brand book"), text);
    assertTrue(text.contains("We write plainly."), text);
    assertTrue(text.contains("## Colours"), text);
    assertTrue(text.contains("Teal") && text.contains("Sand"), text);
    assertFalse(text.contains("secret"), text);
    assertFalse(text.contains("Home | About"), text);
    assertFalse(text.contains("© us"), text);
  }

  @Test
  void theReaderIsFoundThroughTheServiceLoader() {
    assertTrue(DocumentReader.find().orElseThrow() instanceof PdfHtmlReader);
  }
}
