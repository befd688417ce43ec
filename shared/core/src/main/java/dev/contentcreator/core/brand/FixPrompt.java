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
  /** The line that starts a fix's instructions, after the request. */
  public static final String HEADING = "The last version broke the brand rules. Fix these findings:";

  private FixPrompt() {}

  /**
   * The prompt for a fix of {@code text}, which {@code findings} (not empty) were found in;
   * {@code original} is the prompt that made it, or null.
   */
  public static String of(String original, String text, List<Finding> findings) {
    return of(original, text, findings, Integer.MAX_VALUE);
  }

  /**
   * The same, at most {@code maxLength} characters long: the findings are kept whole and the
   * request before them is cut short if need be.
   */
  public static String of(String original, String text, List<Finding> findings, int maxLength) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a fix needs findings");
    }
    String head;
    if (original != null && !original.isBlank()) {
      head = original.strip();
    } else {
      String t = text == null ? "" : text;
      head = "Rewrite this text:\n\n" + (t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t);
    }
    String tail = instructions(findings);
    int room = Math.max(0, maxLength - tail.length());
    return (head.length() > room ? head.substring(0, room) : head) + tail;
  }

  private static String instructions(List<Finding> findings) {
    StringBuilder p = new StringBuilder();
    p.append("\n\n").append(HEADING);
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
