package dev.contentcreator.core.calendar;

import dev.contentcreator.core.json.OmitNulls;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing on a person's calendar ({@code CalendarEntry} in docs/openapi.yaml), whatever its
 * source: a batch's scheduled or past run, a publication.
 *
 * @param id unique in one answer and stable across answers: {@code <kind>-<refId>-<epoch second>}
 *     for something scheduled, {@code <kind>run-<runId>} for what happened; the iCalendar UID is made
 *     from it
 * @param kind the source's {@link CalendarSource#kind()}, the segment of the move route
 * @param refId the id of the thing within its project (a batch, a publication), what a move names
 * @param title what to show
 * @param start when it is due or was
 * @param status {@code scheduled} or {@code paused} for what is to come; a past run's status
 * @param draggable whether this caller may move it here: an editor or owner, and the source can
 * @param recurring whether it is one occurrence of a series (moved by editing its schedule)
 * @param link the web app's path of the thing ({@code /projects/...}), or null
 * @param detail a line more (the schedule, how a run was started), or null
 */
@OmitNulls
public record CalendarEntry(String id, String kind, String projectId, String projectName, String refId, String title,
    Instant start, String status, boolean draggable, boolean recurring, String link, String detail) {

  public CalendarEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(refId, "refId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(status, "status");
  }

  /** The id of something scheduled: {@code <kind>-<refId>-<epoch second of start>}. */
  public static String scheduledId(String kind, String refId, Instant start) {
    return kind + "-" + refId + "-" + start.getEpochSecond();
  }
}
