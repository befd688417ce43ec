package dev.contentcreator.core.exports;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a project's documents look when a content item is exported as HTML, DOCX or PDF: the font
 * family of headings and of body text (each from {@link #FONTS}, so no document names a font a
 * reader lacks or a style fetched from elsewhere), an accent colour ({@code #rrggbb}) for headings,
 * rules and links, an optional logo (an image item of the project, shown at the top) and a footer
 * line. Every project has one: {@link #DEFAULT} until an owner changes it.
 */
public record ExportStyle(String headingFont, String bodyFont, String accentColor, String logoContentId,
    String footer) {
  /** The families a document may use: {@code sans}, {@code serif} and {@code mono}. */
  public static final List<String> FONTS = List.of("sans", "serif", "mono");
  /** The longest footer line, in characters. */
  public static final int MAX_FOOTER = 200;
  /** What a project's documents look like until an owner says otherwise. */
  public static final ExportStyle DEFAULT = new ExportStyle("sans", "serif", "#2b6cb0", null, "");

  public ExportStyle {
    Objects.requireNonNull(headingFont, "headingFont");
    Objects.requireNonNull(bodyFont, "bodyFont");
    Objects.requireNonNull(accentColor, "accentColor");
    if (!FONTS.contains(headingFont)) {
      throw new IllegalArgumentException("headingFont must be one of " + FONTS + ", not " + headingFont);
    }
    if (!FONTS.contains(bodyFont)) {
      throw new IllegalArgumentException("bodyFont must be one of " + FONTS + ", not " + bodyFont);
    }
    if (!accentColor.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("accentColor must be #rrggbb, not " + accentColor);
    }
    accentColor = accentColor.toLowerCase(Locale.ROOT);
    footer = footer == null ? "" : footer;
    if (footer.codePointCount(0, footer.length()) > MAX_FOOTER || footer.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("footer must be one line of at most " + MAX_FOOTER + " characters");
    }
  }

  /** The accent colour as red, green and blue from 0 to 255. */
  public int[] accentRgb() {
    int v = Integer.parseInt(accentColor.substring(1), 16);
    return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
  }

  /** The accent colour as six hex digits without the {@code #}. */
  public String accentHex() {
    return accentColor.substring(1);
  }
}
