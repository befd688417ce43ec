package dev.contentcreator.core.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {
  private static User withPreference(String preference) {
    return new User("u", "u@example.com", "U", null, Instant.EPOCH, Instant.EPOCH, 1, true, preference);
  }

  @Test
  void theActorDuplicatesAndUidsNoOneCouldHaveAreLeftOut() {
    assertEquals(List.of("bo", "cy"), NotificationService.recipientsOf(
        Arrays.asList("ana", "bo", null, "bo", "a/b", "", "cy", "ana"), "ana"));
  }

  @Test
  void oneCallReachesAtMostAProjectsLargestMembership() {
    List<String> many = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> "u" + i).toList());
    assertEquals(NotificationService.MAX_RECIPIENTS, NotificationService.recipientsOf(many, "x").size());
  }

  @Test
  void thePreferenceDecidesWhichKindsAreMailed() {
    for (NotificationKind k : NotificationKind.values()) {
      assertTrue(NotificationService.wantsEmail(withPreference(null), k), "unset means all: " + k);
      assertTrue(NotificationService.wantsEmail(withPreference("all"), k));
      assertFalse(NotificationService.wantsEmail(withPreference("none"), k));
      assertEquals(k == NotificationKind.MENTION, NotificationService.wantsEmail(withPreference("mentions"), k));
    }
  }

  @Test
  void kindsHaveTheirWireNamesAndOnlySomeEmail() {
    assertEquals("review_request", NotificationKind.REVIEW_REQUEST.wireName());
    assertEquals(NotificationKind.STATUS_CHANGE, NotificationKind.parse("status_change").orElseThrow());
    assertTrue(NotificationKind.parse("Mention").isEmpty());
    assertEquals(List.of(NotificationKind.MENTION, NotificationKind.REPLY, NotificationKind.REVIEW_REQUEST,
        NotificationKind.STATUS_CHANGE), Arrays.stream(NotificationKind.values()).filter(NotificationKind::emails).toList());
  }
}
