package dev.contentcreator.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.ReviewStatus;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {
  private static final String AUTHOR_MOVES =
      "draft>in_review changes_requested>in_review in_review>draft changes_requested>draft approved>draft";
  private static final String REVIEWER_MOVES = "in_review>approved in_review>changes_requested";

  private static Member member(Role role, boolean reviewer) {
    return new Member("p", "u", role, "u@example.com", "U", "o", Instant.EPOCH, Instant.EPOCH, reviewer);
  }

  /**
   * Every (from, to) pair for one kind of member: the moves listed are allowed; a same-state move
   * or a move no one may make is 409; a move that exists but needs the other power is 403.
   */
  @ParameterizedTest(name = "{0} reviewer={1}")
  @CsvSource({
      "VIEWER, false, ''",
      "VIEWER, true, " + REVIEWER_MOVES,
      "EDITOR, false, " + AUTHOR_MOVES,
      "EDITOR, true, " + AUTHOR_MOVES + " " + REVIEWER_MOVES,
      "OWNER, false, " + AUTHOR_MOVES + " " + REVIEWER_MOVES,
      "OWNER, true, " + AUTHOR_MOVES + " " + REVIEWER_MOVES,
  })
  void everyMoveIsAllowedOrRefusedAsTheTableSays(Role role, boolean reviewer, String allowedMoves) {
    Member m = member(role, reviewer);
    Set<String> allowed = allowedMoves.isBlank() ? Set.of() : Set.of(allowedMoves.split(" "));
    Set<String> anyone = Set.of((AUTHOR_MOVES + " " + REVIEWER_MOVES).split(" "));
    boolean takesPart = !allowed.isEmpty();
    for (ReviewStatus from : ReviewStatus.values()) {
      for (ReviewStatus to : ReviewStatus.values()) {
        String move = from.wireName() + ">" + to.wireName();
        if (allowed.contains(move)) {
          ReviewRules.check(m, from, to);
          assertTrue(ReviewRules.allowed(m, from, to), move);
          continue;
        }
        ApiException refused = assertThrows(ApiException.class, () -> ReviewRules.check(m, from, to), move);
        int expected = !takesPart ? 403 : anyone.contains(move) ? 403 : 409;
        assertEquals(expected, refused.status(), role + " reviewer=" + reviewer + " " + move + ": " + refused.detail());
      }
    }
  }

  @Test
  void aMoveToTheStateTheItemIsInIsAConflictNamingIt() {
    ApiException e = assertThrows(ApiException.class,
        () -> ReviewRules.check(member(Role.OWNER, false), ReviewStatus.APPROVED, ReviewStatus.APPROVED));
    assertEquals(409, e.status());
    assertTrue(e.detail().contains("already approved"), e.detail());
  }

  @Test
  void aViewerWhoIsNoReviewerIsToldWhoTakesPart() {
    ApiException e = assertThrows(ApiException.class,
        () -> ReviewRules.check(member(Role.VIEWER, false), ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW));
    assertEquals(403, e.status());
    assertTrue(e.detail().contains("named reviewers"), e.detail());
  }

  @Test
  void statusesReadAndWriteTheirWireNames() {
    assertEquals("changes_requested", ReviewStatus.CHANGES_REQUESTED.wireName());
    assertEquals(ReviewStatus.IN_REVIEW, ReviewStatus.parse("in_review").orElseThrow());
    assertTrue(ReviewStatus.parse("IN_REVIEW").isEmpty());
    assertTrue(ReviewStatus.parse("published").isEmpty());
  }

  @Test
  void aGuestOfAnApproveLinkOnlyApprovesOrAsksForChanges() {
    ReviewRules.checkGuest(ReviewStatus.IN_REVIEW, ReviewStatus.APPROVED);
    ReviewRules.checkGuest(ReviewStatus.IN_REVIEW, ReviewStatus.CHANGES_REQUESTED);
    assertEquals(409, assertThrows(ApiException.class,
        () -> ReviewRules.checkGuest(ReviewStatus.DRAFT, ReviewStatus.APPROVED)).status());
    assertEquals(409, assertThrows(ApiException.class,
        () -> ReviewRules.checkGuest(ReviewStatus.APPROVED, ReviewStatus.APPROVED)).status());
    assertEquals(403, assertThrows(ApiException.class,
        () -> ReviewRules.checkGuest(ReviewStatus.IN_REVIEW, ReviewStatus.DRAFT)).status());
    assertEquals(403, assertThrows(ApiException.class,
        () -> ReviewRules.checkGuest(ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW)).status());
  }
}
