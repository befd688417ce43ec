package dev.contentcreator.documents;

/** The names each format gives the style's font families ({@code sans}, {@code serif}, {@code mono}). */
final class Fonts {
  private Fonts() {}

  /** A CSS font stack of fonts a reader's system has, never one fetched from elsewhere. */
  static String css(String family) {
    return switch (family) {
      case "serif" -> "Georgia, 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif";
      case "mono" -> "'Courier New', 'Liberation Mono', 'DejaVu Sans Mono', monospace";
      default -> "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif";
    };
  }

  /** The font a Word document names; Word and LibreOffice substitute a metric twin where it is missing. */
  static String word(String family) {
    return switch (family) {
      case "serif" -> "Georgia";
      case "mono" -> "Courier New";
      default -> "Arial";
    };
  }
}
