package dev.contentcreator.core.domain;

import dev.contentcreator.core.json.OmitNulls;

/**
 * Where on a content item's version a comment points: a passage of text ({@code type "text"}: the
 * quote and its UTF-16 offsets {@code [start, end)} in the version's text) or a point of an image
 * ({@code type "point"}: {@code x}, {@code y} from 0 to 1, from the top left). {@code detached} is
 * set only when read against another version whose text no longer has the passage.
 */
@OmitNulls
public record Anchor(String type, String quote, Integer start, Integer end, Double x, Double y, Boolean detached) {
  public static final String TEXT = "text";
  public static final String POINT = "point";

  public static Anchor text(String quote, int start, int end) {
    return new Anchor(TEXT, quote, start, end, null, null, null);
  }

  public static Anchor point(double x, double y) {
    return new Anchor(POINT, null, null, null, x, y, null);
  }

  public boolean isText() {
    return TEXT.equals(type);
  }
}
