package dev.contentcreator.core.review;

import dev.contentcreator.core.domain.ContentItem;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.ReviewStatus;

/**
 * Told of each review move a person made, after it committed: {@code before} is the item as it
 * was, {@code to} where {@code by} moved it. It must not throw: the move has been made.
 */
@FunctionalInterface
public interface ReviewListener {
  ReviewListener NONE = (before, to, by, note) -> { };

  void moved(ContentItem before, ReviewStatus to, Member by, String note);

  /** Tells {@code first}, then {@code second}, each whatever the other did. */
  static ReviewListener both(ReviewListener first, ReviewListener second) {
    return (before, to, by, note) -> {
      try {
        first.moved(before, to, by, note);
      } finally {
        second.moved(before, to, by, note);
      }
    };
  }
}
