package dev.contentcreator.core.calendar;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The window a calendar answer covers, {@code [from, to)}, as a person's web app asks for it: each
 * end an instant with its offset ({@code 2026-12-01T00:00:00Z}, {@code 2026-12-01T00:00+01:00}), or a
 * date or local date and time read in {@code timeZone} (an IANA zone; UTC when not given). A window
 * longer than {@link #MAX_DAYS} days, empty or backwards is refused with a 400 naming the field.
 */
public record CalendarRange(Instant from, Instant to, ZoneId zone) {
  /** The longest window: a month view of six weeks, with room for a month of 31 days either side of it. */
  public static final int MAX_DAYS = 62;

  public CalendarRange {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  public static CalendarRange parse(String from, String to, String timeZone) {
    List<FieldError> errors = new ArrayList<>();
    ZoneId zone = ZoneId.of("UTC");
    if (timeZone != null && !timeZone.isBlank()) {
      if (ZoneId.getAvailableZoneIds().contains(timeZone.strip())) {
        zone = ZoneId.of(timeZone.strip());
      } else {
        errors.add(new FieldError("tz", "must be an IANA time zone such as Europe/Paris or UTC"));
      }
    }
    Instant start = instant("from", from, zone, errors);
    Instant end = instant("to", to, zone, errors);
    if (errors.isEmpty()) {
      if (!start.isBefore(end)) {
        errors.add(new FieldError("to", "must be after from"));
      } else if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
        errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days after from"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("The calendar's window is not valid.", errors);
    }
    return new CalendarRange(start, end, zone);
  }

  private static Instant instant(String field, String text, ZoneId zone, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "is required: a date (2026-12-01) or a date and time (2026-12-01T00:00:00Z)"));
      return null;
    }
    String s = text.strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException notWithOffset) {
      try {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      } catch (DateTimeException notLocal) {
        try {
          return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        } catch (DateTimeException notDate) {
          errors.add(new FieldError(field, "must be a date (2026-12-01) or a date and time (2026-12-01T00:00:00Z)"));
          return null;
        }
      }
    }
  }
}
