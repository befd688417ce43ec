package dev.contentcreator.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts one PDF embeds (as subsets): for each family the system's DejaVu face where Debian's
 * fonts-dejavu is installed (Latin, Greek, Cyrillic and more, with bold and italic), else Liberation
 * Sans, which PDFBox's own jar carries, so a clean machine still writes every document. A character
 * that the span's font lacks is written in the first loaded font that has it, and as {@code ?} when
 * none has: a text in any script makes a PDF, never an error.
 */
final class PdfFonts {
  /** Where Debian keeps DejaVu; a setting would add nothing a reader could choose. */
  private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
  private static final String BUNDLED = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final Map<String, String> FILES = Map.ofEntries(
      Map.entry("sans", "DejaVuSans.ttf"), Map.entry("sans-bold", "DejaVuSans-Bold.ttf"),
      Map.entry("sans-italic", "DejaVuSans-Oblique.ttf"), Map.entry("serif", "DejaVuSerif.ttf"),
      Map.entry("serif-bold", "DejaVuSerif-Bold.ttf"), Map.entry("serif-italic", "DejaVuSerif-Italic.ttf"),
      Map.entry("mono", "DejaVuSansMono.ttf"), Map.entry("mono-bold", "DejaVuSansMono-Bold.ttf"),
      Map.entry("mono-italic", "DejaVuSansMono-Oblique.ttf"));

  private final PDDocument document;
  private final Path folder;
  private final Map<String, PDFont> loaded = new LinkedHashMap<>();
  private final Map<PDFont, Map<Integer, Boolean>> has = new HashMap<>();
  private PDFont bundled;

  PdfFonts(PDDocument document) {
    this(document, DEJAVU);
  }

  /** With the system fonts looked for in {@code folder} (a missing folder: the bundled font alone). */
  PdfFonts(PDDocument document, Path folder) {
    this.document = document;
    this.folder = folder;
  }

  /** The face of {@code family} ({@code sans}, {@code serif}, {@code mono}) in that weight and slant. */
  PDFont face(String family, boolean bold, boolean italic) throws IOException {
    String key = family + (bold ? "-bold" : italic ? "-italic" : "");
    PDFont f = loaded.get(key);
    if (f != null) {
      return f;
    }
    Path file = folder.resolve(FILES.getOrDefault(key, "DejaVuSans.ttf"));
    f = Files.isRegularFile(file) ? PDType0Font.load(document, file.toFile()) : bundled();
    loaded.put(key, f);
    return f;
  }

  private PDFont bundled() throws IOException {
    if (bundled == null) {
      try (InputStream in = PdfFonts.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IOException("PDFBox's bundled font is missing from the class path");
        }
        bundled = PDType0Font.load(document, in);
      }
    }
    return bundled;
  }

  /** Whether {@code font} can write the character. */
  boolean canWrite(PDFont font, int codePoint) {
    return has.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, c -> {
      try {
        font.encode(new String(Character.toChars(c)));
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    });
  }

  /**
   * {@code text} cut where its font changes: each piece with the font that writes it, the preferred
   * one where it can; a character no loaded font writes becomes {@code ?}.
   */
  List<Piece> pieces(String text, PDFont preferred) throws IOException {
    List<Piece> out = new java.util.ArrayList<>();
    StringBuilder run = new StringBuilder();
    PDFont current = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isISOControl(cp)) {
        cp = ' ';
      }
      PDFont f = fontFor(cp, preferred);
      String s = f == null ? "?" : new String(Character.toChars(cp));
      if (f == null) {
        f = preferred;
      }
      if (current != null && f != current) {
        out.add(new Piece(run.toString(), current));
        run.setLength(0);
      }
      current = f;
      run.append(s);
    }
    if (current != null) {
      out.add(new Piece(run.toString(), current));
    }
    return out;
  }

  private PDFont fontFor(int cp, PDFont preferred) throws IOException {
    if (canWrite(preferred, cp)) {
      return preferred;
    }
    for (String family : List.of("sans", "serif", "mono")) {
      PDFont f = face(family, false, false);
      if (canWrite(f, cp)) {
        return f;
      }
    }
    return canWrite(bundled(), cp) ? bundled() : null;
  }

  /** A run of text in one font. */
  record Piece(String text, PDFont font) {}
}
