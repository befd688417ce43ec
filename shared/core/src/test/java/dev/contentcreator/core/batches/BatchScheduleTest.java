package dev.contentcreator.core.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchScheduleTest {
  private static final String PARIS = "Europe/Paris";

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static List<FieldError> refused(String schedule, String zone) {
    ApiException e = assertThrows(ApiException.class, () -> BatchSchedule.parse(schedule, zone));
    assertEquals(400, e.status());
    return e.errors();
  }

  @Test
  void cronErrorsNameTheScheduleAndSayWhatIsExpected() {
    for (String bad : List.of("0 9 * * 1 *", "61 9 * * *", "every monday", "0 9 ? * 1", "0 9 * * 8")) {
      List<FieldError> errors = refused(bad, PARIS);
      assertEquals(1, errors.size(), bad);
      assertEquals("schedule", errors.get(0).field());
      assertTrue(errors.get(0).message().contains("Unix cron expression of five fields"), errors.get(0).message());
    }
    assertTrue(refused("0 0 30 2 *", PARIS).get(0).message().contains("never comes"));
    assertEquals("schedule", refused(" ", PARIS).get(0).field());
  }

  @Test
  void timeZoneMustBeAnIanaZone() {
    for (String bad : List.of("Paris", "+02:00", "CEST", "Europe/Pariss")) {
      List<FieldError> errors = refused("0 9 * * 1", bad);
      assertEquals(List.of("timeZone"), errors.stream().map(FieldError::field).toList(), bad);
      assertTrue(errors.get(0).message().contains("IANA time zone"));
    }
    assertEquals("timeZone", refused("0 9 * * 1", null).get(0).field());
    assertEquals(List.of("timeZone", "schedule"),
        refused("0 25 * * *", "Mars/Olympus").stream().map(FieldError::field).toList());
    assertEquals(ZoneId.of("UTC"), BatchSchedule.parse("0 9 * * 1", "UTC").zone());
  }

  @Test
  void everyMondayAtNineInParisAcrossTheSpringForward() {
    BatchSchedule s = BatchSchedule.parse("0 9 * * MON", PARIS);
    assertEquals("0 9 * * 1", s.text());
    List<Instant> next = new ArrayList<>();
    Instant t = at("2026-03-18T12:00:00Z");
    for (int i = 0; i < 3; i++) {
      t = s.nextAfter(t).orElseThrow();
      next.add(t);
    }
    // Winter time is UTC+1; from Sunday 29 March 2026 summer time is UTC+2.
    assertEquals(List.of(at("2026-03-23T08:00:00Z"), at("2026-03-30T07:00:00Z"), at("2026-04-06T07:00:00Z")), next);
    assertEquals(Optional.of(at("2026-03-30T07:00:00Z")), s.nextAfter(at("2026-03-23T08:00:00Z")));
  }

  @Test
  void aLocalTimeThatDoesNotExistOnTheSpringForwardDayIsSkippedThatDay() {
    BatchSchedule s = BatchSchedule.parse("30 2 * * *", PARIS);
    // 02:30 does not exist in Paris on 29 March 2026 (clocks go from 02:00 to 03:00).
    assertEquals(Optional.of(at("2026-03-30T00:30:00Z")), s.nextAfter(at("2026-03-28T01:30:00Z")));
    assertEquals(Optional.of(at("2026-03-28T01:30:00Z")), s.dueAt(at("2026-03-27T01:30:00Z"), at("2026-03-29T12:00:00Z")));
    // On the fall-back day 02:30 happens twice; the batch runs once, at the first.
    assertEquals(Optional.of(at("2026-10-25T00:30:00Z")), s.nextAfter(at("2026-10-24T12:00:00Z")));
    assertEquals(Optional.of(at("2026-10-26T01:30:00Z")), s.nextAfter(at("2026-10-25T00:30:00Z")));
  }

  @Test
  void missedRunsCollapseIntoTheLatestDueTime() {
    BatchSchedule s = BatchSchedule.parse("0 9 * * *", "UTC");
    Instant last = at("2026-05-01T09:00:00Z");
    Instant backUp = at("2026-05-05T14:12:31Z"); // four ticks were missed while the server was down
    assertEquals(Optional.of(at("2026-05-05T09:00:00Z")), s.dueAt(last, backUp));
    Instant started = s.dueAt(last, backUp).orElseThrow();
    assertEquals(Optional.empty(), s.dueAt(started, backUp));
    assertEquals(Optional.empty(), s.dueAt(started, at("2026-05-06T08:59:59Z")));
    assertEquals(Optional.of(at("2026-05-06T09:00:00Z")), s.dueAt(started, at("2026-05-06T09:00:00Z")));
    assertEquals(Optional.of(at("2026-05-06T09:00:00Z")), s.dueAt(started, at("2026-05-06T09:00:59.900Z")));
  }

  @Test
  void aNewBatchIsDueOnlyFromItsCreation() {
    BatchSchedule s = BatchSchedule.parse("0 9 * * 1", PARIS);
    Instant created = at("2026-05-05T10:00:00Z"); // a Tuesday
    assertEquals(Optional.empty(), s.dueAt(created, at("2026-05-05T10:01:00Z")));
    assertEquals(Optional.of(at("2026-05-04T07:00:00Z")), s.dueAt(null, at("2026-05-05T10:01:00Z")));
    assertEquals(Optional.of(at("2026-05-11T07:00:00Z")), s.dueAt(created, at("2026-05-11T07:00:00Z")));
  }

  @Test
  void aOnceScheduleIsDueExactlyOnce() {
    BatchSchedule s = BatchSchedule.parse("once at 2026-12-01T09:00:00+01:00", null);
    assertTrue(s.isOnce());
    Instant due = at("2026-12-01T08:00:00Z");
    Instant created = at("2026-11-20T10:00:00Z");
    assertEquals(Optional.of(due), s.nextAfter(created));
    assertEquals(Optional.empty(), s.nextAfter(due));
    assertEquals(Optional.empty(), s.dueAt(created, at("2026-12-01T07:59:59Z")));
    assertEquals(Optional.of(due), s.dueAt(created, due));
    assertEquals(Optional.of(due), s.dueAt(null, at("2026-12-03T00:00:00Z")));
    assertEquals(Optional.empty(), s.dueAt(due, due));
    assertEquals(Optional.empty(), s.dueAt(due, at("2027-12-01T00:00:00Z")));
  }

  @Test
  void aOnceTimeWithoutOffsetIsReadInTheTimeZone() {
    BatchSchedule s = BatchSchedule.parse("Once at 2026-07-01T09:00", PARIS);
    assertEquals(Optional.of(at("2026-07-01T07:00:00Z")), s.nextAfter(Instant.EPOCH));
    assertEquals("once at 2026-07-01T07:00:00Z", s.text());
    assertEquals(List.of("timeZone"), refused("once at 2026-07-01T09:00", null).stream().map(FieldError::field).toList());
    assertEquals("schedule", refused("once at tomorrow", PARIS).get(0).field());
    assertFalse(BatchSchedule.once(at("2026-07-01T07:00:00Z")).nextAfter(at("2026-07-01T07:00:00Z")).isPresent());
  }

  @Test
  void betweenListsTheDueTimesOfAWindowInTheScheduleZoneAcrossASpringForward() {
    // Paris moves from 02:00 to 03:00 on 29 March 2026: 09:00 local is 08:00Z before, 07:00Z after.
    BatchSchedule daily = BatchSchedule.parse("0 9 * * *", PARIS);
    assertEquals(List.of(at("2026-03-28T08:00:00Z"), at("2026-03-29T07:00:00Z"), at("2026-03-30T07:00:00Z")),
        daily.between(at("2026-03-28T00:00:00Z"), at("2026-03-31T00:00:00Z"), 100));
  }

  @Test
  void betweenSkipsALocalTimeThatDoesNotExistOnTheSpringForwardDay() {
    BatchSchedule early = BatchSchedule.parse("30 2 * * *", PARIS);
    assertEquals(List.of(at("2026-03-28T01:30:00Z"), at("2026-03-30T00:30:00Z")),
        early.between(at("2026-03-28T00:00:00Z"), at("2026-03-31T00:00:00Z"), 100));
  }

  @Test
  void betweenIncludesItsStartExcludesItsEndAndStopsAtMax() {
    BatchSchedule everyMinute = BatchSchedule.parse("* * * * *", "UTC");
    List<Instant> times = everyMinute.between(at("2026-12-01T09:00:00Z"), at("2026-12-01T09:05:00Z"), 100);
    assertEquals(5, times.size());
    assertEquals(at("2026-12-01T09:00:00Z"), times.get(0));
    assertEquals(at("2026-12-01T09:04:00Z"), times.get(4));
    assertEquals(3, everyMinute.between(at("2026-12-01T09:00:00Z"), at("2026-12-02T09:00:00Z"), 3).size());
  }

  @Test
  void betweenFindsAOnceTimeOnlyInsideTheWindow() {
    BatchSchedule once = BatchSchedule.parse("once at 2026-12-01T09:00:00Z", null);
    assertEquals(List.of(at("2026-12-01T09:00:00Z")),
        once.between(at("2026-12-01T09:00:00Z"), at("2026-12-01T09:00:01Z"), 10));
    assertEquals(List.of(), once.between(at("2026-11-30T00:00:00Z"), at("2026-12-01T09:00:00Z"), 10));
    assertEquals(List.of(), once.between(at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z"), 0));
    assertEquals(Optional.of(at("2026-12-01T09:00:00Z")), once.onceAt());
  }
}
