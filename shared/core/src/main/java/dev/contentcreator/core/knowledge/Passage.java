package dev.contentcreator.core.knowledge;

import java.util.Objects;

/**
 * One passage of a document: its place in the document (from 0), the heading it sits under (empty
 * when none), and its text. What is embedded is {@link #embeddedText()}: the heading and the text.
 */
public record Passage(int index, String heading, String text) {
  public Passage {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got: " + index);
    }
    heading = heading == null ? "" : heading;
    Objects.requireNonNull(text, "text");
  }

  /** The heading on a line of its own above the text, as it is embedded. */
  public String embeddedText() {
    return heading.isEmpty() ? text : heading + "\n" + text;
  }
}
