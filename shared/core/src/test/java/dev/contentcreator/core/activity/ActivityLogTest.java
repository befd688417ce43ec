package dev.contentcreator.core.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.domain.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityLogTest {
  @Test
  void idsSortAsRecordsWereMadeEvenWithinOneMillisecond() {
    Instant at = Instant.parse("2026-12-03T00:00:00.123Z");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(ActivityLog.newId(i < 25 ? at : at.plusMillis(1)));
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(ids, sorted);
    ids.forEach(id -> assertTrue(Ids.isWellFormed(id), id));
  }

  @Test
  void everyActionHasADistinctDottedWireNameThatParsesBack() {
    for (ActivityAction a : ActivityAction.values()) {
      assertTrue(a.wireName().matches("[a-z]+\\.[a-z_]+"), a.wireName());
      assertEquals(a, ActivityAction.parse(a.wireName()).orElseThrow());
    }
    assertTrue(ActivityAction.parse("content.EDITED").isEmpty());
  }

  @Test
  void aTimeWindowMustBeOpenOrForward() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> new ActivityFilter(null, null, null, t, t));
    assertEquals(t, new ActivityFilter(null, null, null, t, null).since());
  }

  @Test
  void anInvitedAddressIsShownWithItsLocalPartCut() {
    assertEquals("c…@example.com", Target.invitation("i1", "carol.smith@example.com").title());
    assertEquals("é…@example.com", Target.invitation("i1", "élodie@example.com").title());
    assertEquals("…", Target.invitation("i1", "@example.com").title());
    assertEquals("…", Target.invitation("i1", null).title());
  }

  @Test
  void aTargetTypeIsAShortLowerCaseWord() {
    assertThrows(IllegalArgumentException.class, () -> Target.of("Content Item", "c1", "x"));
    assertEquals("comment", Target.of("comment", "c1", "x").type());
  }
}
