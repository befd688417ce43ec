package dev.contentcreator.core.batches;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a batch runs: once at an instant ({@code once at 2026-12-01T09:00:00Z}), or on a Unix cron
 * expression of five fields (minute, hour, day of month, month, day of week; {@code 0 9 * * 1} is
 * every Monday at 09:00) read in an IANA time zone. Daylight saving follows cron-utils: a local
 * time that does not exist on a spring-forward day is skipped that day, and one that occurs twice
 * on a fall-back day runs once, at its first occurrence.
 */
public final class BatchSchedule {
  private static final String ONCE_PREFIX = "once at ";
  private static final CronParser UNIX_CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final String CRON_HELP = "must be \"once at <date and time>\" or a Unix cron expression of five "
      + "fields (minute hour day-of-month month day-of-week), for example 0 9 * * 1 for every Monday at 09:00";
  private static final String ZONE_HELP = "must be an IANA time zone such as Europe/Paris or UTC";

  private final String text;
  private final ZoneId zone;
  private final Instant onceAt;
  private final ExecutionTime cron;

  private BatchSchedule(String text, ZoneId zone, Instant onceAt, ExecutionTime cron) {
    this.text = text;
    this.zone = zone;
    this.onceAt = onceAt;
    this.cron = cron;
  }

  /** A schedule that runs once, at {@code at}. */
  public static BatchSchedule once(Instant at) {
    Objects.requireNonNull(at, "at");
    return new BatchSchedule(ONCE_PREFIX + at, ZoneOffset.UTC, at, null);
  }

  /**
   * Reads a schedule as a person writes it. {@code timeZone} is required for a cron expression and
   * for a once-time without an offset ({@code once at 2026-12-01T09:00}); 400 with the fields
   * {@code schedule} and {@code timeZone} naming what is wrong.
   */
  public static BatchSchedule parse(String schedule, String timeZone) {
    List<FieldError> errors = new ArrayList<>();
    ZoneId zone = null;
    if (timeZone != null && !timeZone.isBlank()) {
      String id = timeZone.strip();
      if (ZoneId.getAvailableZoneIds().contains(id)) {
        zone = ZoneId.of(id);
      } else {
        errors.add(new FieldError("timeZone", ZONE_HELP + "; \"" + id + "\" is not one"));
      }
    }
    BatchSchedule parsed = null;
    if (schedule == null || schedule.isBlank()) {
      errors.add(new FieldError("schedule", "is required: it " + CRON_HELP));
    } else {
      String s = schedule.strip();
      if (s.toLowerCase(Locale.ROOT).startsWith(ONCE_PREFIX)) {
        parsed = parseOnce(s.substring(ONCE_PREFIX.length()).strip(), zone, timeZone, errors);
      } else {
        parsed = parseCron(s, zone, timeZone, errors);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("The schedule is not valid.", errors);
    }
    return parsed;
  }

  private static BatchSchedule parseOnce(String when, ZoneId zone, String timeZone, List<FieldError> errors) {
    Instant at;
    try {
      at = OffsetDateTime.parse(when).toInstant();
    } catch (DateTimeException withoutOffset) {
      LocalDateTime local;
      try {
        local = LocalDateTime.parse(when);
      } catch (DateTimeException e) {
        errors.add(new FieldError("schedule", "\"once at\" must be followed by an ISO date and time such as "
            + "2026-12-01T09:00:00Z, or 2026-12-01T09:00 read in the time zone; \"" + when + "\" is not one"));
        return null;
      }
      if (zone == null) {
        if (timeZone == null || timeZone.isBlank()) {
          errors.add(new FieldError("timeZone", "is required when the once-time has no offset; it " + ZONE_HELP));
        }
        return null;
      }
      at = local.atZone(zone).toInstant();
    }
    return new BatchSchedule(ONCE_PREFIX + at, zone == null ? ZoneOffset.UTC : zone, at, null);
  }

  private static BatchSchedule parseCron(String expression, ZoneId zone, String timeZone, List<FieldError> errors) {
    Cron cron;
    try {
      cron = UNIX_CRON.parse(expression);
      cron.validate();
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("schedule", CRON_HELP + "; \"" + expression + "\" is not: " + e.getMessage()));
      return null;
    }
    ExecutionTime times = ExecutionTime.forCron(cron);
    if (times.nextExecution(ZonedDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC)).isEmpty()) {
      errors.add(new FieldError("schedule", "\"" + expression + "\" names a date that never comes"));
      return null;
    }
    if (zone == null) {
      if (timeZone == null || timeZone.isBlank()) {
        errors.add(new FieldError("timeZone", "is required for a cron schedule; it " + ZONE_HELP));
      }
      return null;
    }
    return new BatchSchedule(cron.asString(), zone, null, times);
  }

  /** The schedule as text: {@code once at <instant>} or the cron expression. */
  public String text() {
    return text;
  }

  /** The zone a cron expression is read in; UTC for a once-schedule given with an offset. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether this schedule runs only once. */
  public boolean isOnce() {
    return onceAt != null;
  }

  /** The first due time strictly after {@code after}; empty when there is none (a once-time passed). */
  public Optional<Instant> nextAfter(Instant after) {
    Objects.requireNonNull(after, "after");
    if (onceAt != null) {
      return onceAt.isAfter(after) ? Optional.of(onceAt) : Optional.empty();
    }
    return cron.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
  }

  /**
   * The due times in {@code [from, until)}, in order, at most {@code max} of them (the calendar
   * shows a window of a schedule, and a cron of every minute has 89,280 ticks in 62 days).
   */
  public List<Instant> between(Instant from, Instant until, int max) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, got: " + max);
    }
    List<Instant> times = new ArrayList<>();
    if (onceAt != null) {
      if (!onceAt.isBefore(from) && onceAt.isBefore(until) && max > 0) {
        times.add(onceAt);
      }
      return times;
    }
    Optional<Instant> next = nextAfter(from.minusNanos(1));
    while (next.isPresent() && next.get().isBefore(until) && times.size() < max) {
      times.add(next.get());
      next = nextAfter(next.get());
    }
    return times;
  }

  /** The instant of a once-schedule; empty for a cron. */
  public Optional<Instant> onceAt() {
    return Optional.ofNullable(onceAt);
  }

  /**
   * The one due time to start now, if any: the latest due time at or before {@code now} that is
   * later than {@code lastRunDueTime}. Runs missed while nothing called (the server was down) come
   * back as that single latest due time, never one per missed tick. A once-schedule is due once:
   * after its run, whose due time is then {@code lastRunDueTime}, it is never due again. For a batch
   * that has never run, pass the time it was created (or last resumed) unless earlier ticks should
   * count: with null, the latest past tick is due at once.
   */
  public Optional<Instant> dueAt(Instant lastRunDueTime, Instant now) {
    Objects.requireNonNull(now, "now");
    Optional<Instant> latest;
    if (onceAt != null) {
      latest = onceAt.isAfter(now) ? Optional.empty() : Optional.of(onceAt);
    } else {
      // Unix cron ticks fall on whole minutes, so "before the next whole second" means "at or before now".
      Instant probe = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      latest = cron.lastExecution(ZonedDateTime.ofInstant(probe, zone)).map(ZonedDateTime::toInstant);
    }
    return latest.filter(t -> lastRunDueTime == null || t.isAfter(lastRunDueTime));
  }

  @Override
  public String toString() {
    return onceAt != null ? text : text + " (" + zone + ")";
  }
}
