package dev.contentcreator.core.brand;

import dev.contentcreator.core.json.OmitNulls;

/**
 * What a brand rule found in a text: the rule ({@code banned-term}, {@code required-term},
 * {@code min-words}, {@code max-words}, {@code reading-grade}), a message a person can read, and the
 * passage it is about with its start and end offsets (UTF-16 indexes into the text, end exclusive).
 * A finding about the whole text or about something missing (a required term, too few words) has no
 * passage.
 */
@OmitNulls
public record Finding(String rule, String message, String passage, Integer start, Integer end) {
  public static final String BANNED = "banned-term";
  public static final String REQUIRED = "required-term";
  public static final String MIN_WORDS = "min-words";
  public static final String MAX_WORDS = "max-words";
  public static final String READING_GRADE = "reading-grade";

  public Finding {
    if (rule == null || message == null) {
      throw new IllegalArgumentException("a finding needs its rule and message");
    }
    if ((start == null) != (end == null) || (passage == null) != (start == null)) {
      throw new IllegalArgumentException("a passage comes with both its offsets, or neither");
    }
    if (start != null && (start < 0 || end < start)) {
      throw new IllegalArgumentException("bad passage offsets " + start + ".." + end);
    }
  }

  /** A finding about a passage of {@code text}. */
  static Finding at(String rule, String message, String text, int start, int end) {
    return new Finding(rule, message, text.substring(start, end), start, end);
  }

  /** A finding about the whole text, or something it lacks. */
  static Finding whole(String rule, String message) {
    return new Finding(rule, message, null, null, null);
  }
}
