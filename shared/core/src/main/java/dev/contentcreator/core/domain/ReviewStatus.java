package dev.contentcreator.core.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a content item stands in review. An item stored before review existed has no status and
 * reads as {@link #DRAFT}. Who may move an item between states is {@code core.review.ReviewRules};
 * a later state ({@code published}) is one more constant here and its moves there.
 */
public enum ReviewStatus {
  DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED;

  /** The name on the wire and in stored documents: {@code in_review}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReviewStatus> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (ReviewStatus r : values()) {
      if (r.wireName().equals(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Every wire name, for messages: {@code draft, in_review, ...}. */
  public static String wireNames() {
    StringBuilder b = new StringBuilder();
    for (ReviewStatus r : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(r.wireName());
    }
    return b.toString();
  }
}
