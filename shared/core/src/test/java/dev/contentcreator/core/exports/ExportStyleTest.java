package dev.contentcreator.core.exports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExportStyleTest {
  @Test
  void theAccentIsKeptInLowerCaseAndReadAsRgb() {
    ExportStyle s = new ExportStyle("serif", "mono", "#C05621", null, "Footer");
    assertEquals("#c05621", s.accentColor());
    assertEquals("c05621", s.accentHex());
    assertArrayEquals(new int[] {0xc0, 0x56, 0x21}, s.accentRgb());
  }

  @Test
  void fontsOutsideTheListAColourNotHexOrAFooterOfTwoLinesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ExportStyle("comic", "sans", "#000000", null, ""));
    assertThrows(IllegalArgumentException.class, () -> new ExportStyle("sans", "sans", "red", null, ""));
    assertThrows(IllegalArgumentException.class, () -> new ExportStyle("sans", "sans", "#00000", null, ""));
    assertThrows(IllegalArgumentException.class, () -> new ExportStyle("sans", "sans", "#000000", null, "a\nb"));
    assertThrows(IllegalArgumentException.class, () -> new ExportStyle("sans", "sans", "#000000", null,
        "x".repeat(ExportStyle.MAX_FOOTER + 1)));
  }

  @Test
  void markdownIsTheEscapedTitleThenTheTextThenTheFooter() throws IOException {
    ItemDocument d = new ItemDocument("# *Tea* [menu]", "text", "Some **bold** text.\n", null, null, "p",
        new ExportStyle("sans", "serif", "#2b6cb0", null, "Tea shop"), null, 2, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MarkdownWriter().write(d, out);
    assertEquals("# \\# \\*Tea\\* \\[menu\\]\n\nSome **bold** text.\n\n---\n\nTea shop\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
