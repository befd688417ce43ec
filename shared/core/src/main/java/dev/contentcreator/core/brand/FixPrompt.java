package dev.contentcreator.core.brand;

import java.util.List;

/**
 * The prompt that asks a provider to make a text again so that it keeps the brand rules: the
 * request that made it (or, when nothing is known of it, a request to rewrite the text), then
 * the findings as instructions, each with the passage it is about.
 */
public final class FixPrompt {
  /** The most findings a fix lists; the rest are usually more of the same term. */
  static final int MAX_LISTED = 20;
  /** The longest passage quoted per finding, and the longest text quoted to rewrite. */
  static final int MAX_QUOTE = 120;
  static final int MAX_TEXT = 12_000;

  private FixPrompt() {}

  /**
   * The prompt for a fix of {@code text}, which {@code findings} (not empty) were found in;
   * {@code original} is the prompt that made it, or null.
   */
  public static String of(String original, String text, List<Finding> findings) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a fix needs findings");
    }
    StringBuilder p = new StringBuilder();
    if (original != null && !original.isBlank()) {
      p.append(original.strip());
    } else {
      String t = text == null ? "" : text;
      p.append("Rewrite this text:\n\n").append(t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t);
    }
    p.append("\n\nThe last version broke the brand rules. Fix these findings:");
    int n = 0;
    for (Finding f : findings) {
      if (n++ == MAX_LISTED) {
        p.append("\n- and ").append(findings.size() - MAX_LISTED).append(" more like these.");
        break;
      }
      p.append("\n- ").append(f.message());
      if (f.passage() != null) {
        String q = f.passage().replaceAll("\\s+", " ").strip();
        p.append(" Passage: \"").append(q.length() > MAX_QUOTE ? q.substring(0, MAX_QUOTE) + "…" : q).append('"');
      }
    }
    return p.toString();
  }
}
