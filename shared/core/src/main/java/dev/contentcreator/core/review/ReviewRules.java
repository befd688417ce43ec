package dev.contentcreator.core.review;

import static dev.contentcreator.core.domain.ReviewStatus.APPROVED;
import static dev.contentcreator.core.domain.ReviewStatus.CHANGES_REQUESTED;
import static dev.contentcreator.core.domain.ReviewStatus.DRAFT;
import static dev.contentcreator.core.domain.ReviewStatus.IN_REVIEW;

import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Who may move a content item from one review state to another: the table of moves, each with the
 * power it needs. A new state (issue 13's {@code published}) is one more row per move into or out
 * of it.
 *
 * <ul>
 *   <li>{@link Power#AUTHOR}: editors and owners: submit ({@code draft} or
 *       {@code changes_requested} to {@code in_review}) and take back to {@code draft} (from
 *       {@code in_review}, {@code changes_requested} or {@code approved}).
 *   <li>{@link Power#REVIEWER}: owners and members an owner named reviewers, whatever their role
 *       (a viewer may be a reviewer: a client who reads and signs off): approve or ask for changes
 *       ({@code in_review} to {@code approved} or {@code changes_requested}).
 * </ul>
 *
 * Refusals, in this order: a member with neither power gets 403; a move to the state the item is
 * in, or a move the table lacks, 409; a move that needs the power the member lacks, 403.
 */
public final class ReviewRules {
  /** What a move needs. */
  public enum Power { AUTHOR, REVIEWER }

  private static final Map<ReviewStatus, Map<ReviewStatus, Power>> MOVES = new EnumMap<>(ReviewStatus.class);

  static {
    move(DRAFT, IN_REVIEW, Power.AUTHOR);
    move(CHANGES_REQUESTED, IN_REVIEW, Power.AUTHOR);
    move(IN_REVIEW, DRAFT, Power.AUTHOR);
    move(CHANGES_REQUESTED, DRAFT, Power.AUTHOR);
    move(APPROVED, DRAFT, Power.AUTHOR);
    move(IN_REVIEW, APPROVED, Power.REVIEWER);
    move(IN_REVIEW, CHANGES_REQUESTED, Power.REVIEWER);
  }

  private ReviewRules() {}

  private static void move(ReviewStatus from, ReviewStatus to, Power needs) {
    MOVES.computeIfAbsent(from, f -> new EnumMap<>(ReviewStatus.class)).put(to, needs);
  }

  /** Whether the member has this power. */
  public static boolean has(Member m, Power power) {
    return switch (power) {
      case AUTHOR -> m.role().atLeast(Role.EDITOR);
      case REVIEWER -> m.role() == Role.OWNER || m.reviewer();
    };
  }

  /** Whether the member may move an item from {@code from} to {@code to}. */
  public static boolean allowed(Member m, ReviewStatus from, ReviewStatus to) {
    Power needs = MOVES.getOrDefault(from, Map.of()).get(to);
    return needs != null && has(m, needs);
  }

  /**
   * Refuses a move by a guest who holds a share link that may approve: a guest has the
   * {@link Power#REVIEWER} power only, so the move must be one of the table's that needs it
   * (409 for a move to the same state or one the table lacks, 403 for an author's move).
   */
  public static void checkGuest(ReviewStatus from, ReviewStatus to) {
    if (from == to) {
      throw ApiException.conflict("The item is already " + to.wireName() + ".");
    }
    Power needs = MOVES.getOrDefault(from, Map.of()).get(to);
    if (needs == null) {
      throw ApiException.conflict("An item that is " + from.wireName() + " cannot move to " + to.wireName() + ".");
    }
    if (needs != Power.REVIEWER) {
      throw ApiException.forbidden("A guest may only approve or ask for changes.");
    }
  }

  /** Refuses the move as the class comment says, or returns quietly. */
  public static void check(Member m, ReviewStatus from, ReviewStatus to) {
    if (!has(m, Power.AUTHOR) && !has(m, Power.REVIEWER)) {
      throw ApiException.forbidden("Only editors, owners and named reviewers take part in review; you are a "
          + m.role().wireName() + " of this project.");
    }
    if (from == to) {
      throw ApiException.conflict("The item is already " + to.wireName() + ".");
    }
    Power needs = MOVES.getOrDefault(from, Map.of()).get(to);
    if (needs == null) {
      throw ApiException.conflict("An item that is " + from.wireName() + " cannot move to " + to.wireName() + ".");
    }
    if (!has(m, needs)) {
      throw ApiException.forbidden(needs == Power.REVIEWER
          ? "Only owners and named reviewers may approve or ask for changes."
          : "Only editors and owners may submit an item or take it back to draft.");
    }
  }
}
