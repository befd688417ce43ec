package dev.contentcreator.core.calendar;

import dev.contentcreator.core.batches.BatchRunView;
import dev.contentcreator.core.batches.BatchSchedule;
import dev.contentcreator.core.batches.BatchService;
import dev.contentcreator.core.batches.BatchView;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheduled batches on the calendar. Each batch's schedule is expanded into its due times within
 * the window that are still to come (not yet run: status {@code scheduled}, {@code paused}, or
 * {@code due} for a once-time just passed that the scheduler is about to start); what already happened comes from the runs due in the window, with their
 * status ({@code queued}, {@code running}, {@code completed}, {@code failed}, {@code cancelled},
 * {@code skipped}).
 *
 * <p>Moving: a batch that runs once ({@code once at ...}) is moved by setting its once-time to the
 * new start, which must be in the future (and makes a batch that already ran run again then). An
 * occurrence of a repeating (cron) batch is not moved on its own: there is no "except this one" in
 * a cron schedule, and shifting the whole series by the drag's offset would silently change runs
 * the person did not drag (and is ambiguous across a daylight-saving change); the answer is a 409
 * that says to change the batch's schedule.
 */
public final class BatchCalendarSource implements CalendarSource {
  public static final String KIND = "batch";
  /** The most due times of one batch expanded into one answer. */
  static final int MAX_PER_BATCH = 500;

  private final BatchService batches;
  private final Clock clock;

  public BatchCalendarSource(BatchService batches, Clock clock) {
    this.batches = Objects.requireNonNull(batches, "batches");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<CalendarEntry> entries(CalendarProject project, Instant from, Instant until, int max) {
    Instant now = clock.instant();
    List<BatchView> all = allBatches(project);
    Map<String, BatchView> byId = new HashMap<>();
    List<CalendarEntry> entries = new ArrayList<>();
    for (BatchView b : all) {
      byId.put(b.id(), b);
      entries.addAll(upcoming(project, b, from, until, now, Math.min(max, MAX_PER_BATCH)));
    }
    if (from.isBefore(now)) {
      Instant pastUntil = until.isBefore(now) ? until : now.plusMillis(1);
      for (BatchRunView run : batches.runsDue(project.uid(), project.id(), from, pastUntil, max)) {
        BatchView b = byId.get(run.batchId());
        if (b != null) { // the runs of a deleted batch leave the calendar with it
          entries.add(new CalendarEntry("batchrun-" + run.id(), KIND, project.id(), project.name(), b.id(), b.name(),
              run.dueAt(), run.status(), false, !isOnce(b), project.link("batches/" + b.id()),
              "manual".equals(run.trigger()) ? "run started by hand" : "scheduled run"));
        }
      }
    }
    entries.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::id));
    return entries.size() > max ? List.copyOf(entries.subList(0, max)) : entries;
  }

  /**
   * The batch's due times in the window still to come. A cron's: after now (a tick that passed is
   * a run, or was missed). A once-batch's: its time, unless it has run (after its last run's due
   * time, or the time it was scheduled): until the scheduler starts it, a time just passed shows
   * as {@code due}, so the entry never blinks out between its time and its run.
   */
  private static List<CalendarEntry> upcoming(CalendarProject project, BatchView b, Instant from, Instant until,
      Instant now, int max) {
    BatchSchedule schedule = schedule(b).orElse(null);
    if (schedule == null) {
      return List.of();
    }
    Instant after = schedule.isOnce() ? (b.lastDueAt() != null ? b.lastDueAt() : b.notBefore()) : now;
    if (after == null) {
      after = now;
    }
    if (!schedule.isOnce() && b.lastDueAt() != null && b.lastDueAt().isAfter(after)) {
      after = b.lastDueAt();
    }
    Instant start = from.isAfter(after) ? from : after.plusMillis(1);
    if (!start.isBefore(until)) {
      return List.of();
    }
    List<CalendarEntry> out = new ArrayList<>();
    boolean draggable = project.canEdit() && schedule.isOnce();
    String detail = schedule.isOnce() ? "runs once" : "repeats: " + b.schedule() + " (" + b.timeZone() + ")";
    for (Instant t : schedule.between(start, until, max)) {
      out.add(new CalendarEntry(CalendarEntry.scheduledId(KIND, b.id(), t), KIND, project.id(), project.name(), b.id(),
          b.name(), t, b.paused() ? "paused" : t.isAfter(now) ? "scheduled" : "due", draggable, !schedule.isOnce(),
          project.link("batches/" + b.id()), detail));
    }
    return out;
  }

  @Override
  public CalendarEntry move(CalendarProject project, String refId, Instant start, String ifMatch) {
    BatchView b = batches.get(project.uid(), project.id(), refId);
    BatchSchedule schedule = schedule(b).orElseThrow(() -> ApiException.conflict(
        "This batch's schedule cannot be read; change it on the batch's page."));
    if (!schedule.isOnce()) {
      throw ApiException.of(409, "calendar-repeating-entry", "Repeating schedule",
          "This batch repeats (" + b.schedule() + ", " + b.timeZone() + "), and one run of a series cannot be moved "
              + "on its own. Change the batch's schedule to move its runs.");
    }
    if (!start.isAfter(clock.instant())) {
      throw ApiException.unprocessable("The new start has passed.",
          List.of(new FieldError("start", "must be in the future to schedule a run")));
    }
    BatchView moved = batches.update(project.uid(), project.id(), refId, ifMatch, new BatchService.Change(
        Optional.empty(), Optional.empty(), Optional.of("once at " + start), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()));
    return new CalendarEntry(CalendarEntry.scheduledId(KIND, moved.id(), start), KIND, project.id(), project.name(),
        moved.id(), moved.name(), start, moved.paused() ? "paused" : "scheduled", true, false,
        project.link("batches/" + moved.id()), "runs once");
  }

  private List<BatchView> allBatches(CalendarProject project) {
    List<BatchView> all = new ArrayList<>();
    String cursor = null;
    do {
      var page = batches.list(project.uid(), project.id(), 100, cursor);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  private static boolean isOnce(BatchView b) {
    return schedule(b).map(BatchSchedule::isOnce).orElse(false);
  }

  private static Optional<BatchSchedule> schedule(BatchView b) {
    try {
      return Optional.of(BatchSchedule.parse(b.schedule(), b.timeZone()));
    } catch (ApiException e) {
      return Optional.empty(); // saved by an older version under other rules: nothing to expand
    }
  }
}
