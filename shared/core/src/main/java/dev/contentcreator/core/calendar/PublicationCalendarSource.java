package dev.contentcreator.core.calendar;

import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.FieldError;
import dev.contentcreator.core.publishing.Publication;
import dev.contentcreator.core.publishing.PublishingService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Publications on the calendar, at their {@code publishAt}: one still to go out is
 * {@code scheduled} (or {@code due} once its time has passed and its task is about to send it),
 * then it shows as it went ({@code publishing}, {@code published}, {@code failed} or
 * {@code canceled}), with the connection it goes through. An editor or owner drags a scheduled one
 * to move it ({@link PublishingService#reschedule}: its tasks of the old time do nothing, a new one
 * is queued for the new time); one already sent or canceled stays where it is. The If-Match of a
 * move is not used: a publication's time is its only field the calendar changes, and a move of one
 * that has meanwhile gone out is refused all the same (409).
 */
public final class PublicationCalendarSource implements CalendarSource {
  public static final String KIND = "publication";

  private final Supplier<PublishingService> publishing;
  private final Clock clock;

  /** {@code publishing} is asked for on first use, so a calendar without publications makes none. */
  public PublicationCalendarSource(Supplier<PublishingService> publishing, Clock clock) {
    this.publishing = Objects.requireNonNull(publishing, "publishing");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<CalendarEntry> entries(CalendarProject project, Instant from, Instant until, int max) {
    Instant now = clock.instant();
    return publishing.get().inProject(project.uid(), project.id(), from, until, max).stream()
        .map(p -> entry(project, p, now)).toList();
  }

  @Override
  public CalendarEntry move(CalendarProject project, String refId, Instant start, String ifMatch) {
    if (!start.isAfter(clock.instant())) {
      throw ApiException.unprocessable("The new start has passed.",
          List.of(new FieldError("start", "must be in the future to schedule a publication")));
    }
    Publication moved = publishing.get().reschedule(project.uid(), project.id(), refId, start);
    return entry(project, moved, clock.instant());
  }

  private static CalendarEntry entry(CalendarProject project, Publication p, Instant now) {
    boolean waiting = p.status().equals(Publication.SCHEDULED);
    String status = waiting && !p.publishAt().isAfter(now) ? "due" : p.status();
    String id = waiting ? CalendarEntry.scheduledId(KIND, p.id(), p.publishAt()) : KIND + "run-" + p.id();
    String title = (p.contentTitle() == null || p.contentTitle().isBlank() ? "Untitled item" : p.contentTitle())
        + " → " + p.connectionName();
    String detail = (p.mode().equals(Publication.DRAFT) ? "as a draft on " : "published on ") + p.channel()
        + (p.error() != null ? ": " + p.error() : "");
    return new CalendarEntry(id, KIND, project.id(), project.name(), p.id(), title, p.publishAt(), status,
        waiting && project.canEdit(), false, project.link("contents/" + p.contentId()), detail);
  }
}
