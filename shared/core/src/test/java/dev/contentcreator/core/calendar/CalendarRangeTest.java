package dev.contentcreator.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.http.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CalendarRangeTest {
  @Test
  void readsDatesAtMidnightInTheTimeZone() {
    CalendarRange r = CalendarRange.parse("2026-03-29", "2026-03-30", "Europe/Paris");
    assertEquals(Instant.parse("2026-03-28T23:00:00Z"), r.from());
    // A spring-forward day in Paris lasts 23 hours.
    assertEquals(Instant.parse("2026-03-29T22:00:00Z"), r.to());
  }

  @Test
  void readsInstantsWithTheirOffsetWhateverTheZone() {
    CalendarRange r = CalendarRange.parse("2026-12-01T00:00:00+01:00", "2026-12-02T00:00:00Z", "Asia/Tokyo");
    assertEquals(Instant.parse("2026-11-30T23:00:00Z"), r.from());
    assertEquals(Instant.parse("2026-12-02T00:00:00Z"), r.to());
    assertEquals("UTC", CalendarRange.parse("2026-12-01", "2026-12-02", null).zone().getId());
  }

  @Test
  void refusesAWindowLongerThan62DaysBackwardsOrUnreadable() {
    assertEquals("to", refused("2026-01-01", "2026-03-05", "UTC"));
    assertEquals(62L, java.time.Duration.between(CalendarRange.parse("2026-01-01", "2026-03-04", "UTC").from(),
        CalendarRange.parse("2026-01-01", "2026-03-04", "UTC").to()).toDays());
    assertEquals("to", refused("2026-01-02", "2026-01-01", "UTC"));
    assertEquals("from", refused("yesterday", "2026-01-01", "UTC"));
    assertEquals("from", refused(null, "2026-01-01", "UTC"));
    assertEquals("tz", refused("2026-01-01", "2026-01-02", "Mars/Olympus"));
  }

  private static String refused(String from, String to, String tz) {
    ApiException e = assertThrows(ApiException.class, () -> CalendarRange.parse(from, to, tz));
    assertEquals(400, e.status());
    return e.errors().get(0).field();
  }
}
