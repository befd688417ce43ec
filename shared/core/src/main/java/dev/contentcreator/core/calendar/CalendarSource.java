package dev.contentcreator.core.calendar;

import java.time.Instant;
import java.util.List;

/**
 * Where entries of one kind come from. The {@link CalendarService} asks each source for each
 * project the person is a member of, after checking the membership; a source checks what its own
 * service checks (its service's role checks stay the rule). Register a source in
 * {@code core/platform/Services} with {@link CalendarService.Builder#source}.
 */
public interface CalendarSource {
  /**
   * The kind of entry: a lower-case word ({@code batch}, {@code publication}), unique among the
   * sources, the {@code {kind}} segment of {@code PATCH /api/projects/{projectId}/calendar/{kind}/{refId}}.
   */
  String kind();

  /**
   * The project's entries whose start is in {@code [from, until)}, at most {@code max} of them
   * (a source that had more returns {@code max}; the service then says the answer is cut short).
   */
  List<CalendarEntry> entries(CalendarProject project, Instant from, Instant until, int max);

  /**
   * Moves the thing {@code refId} of the project to start at {@code start}, and answers its entry
   * there. The caller is an editor or owner (checked before). Refusals are {@code ApiException}s:
   * 404 for no such thing, 409 when it cannot be moved this way (say what to do instead), 422 for a
   * start it cannot take. {@code ifMatch} is the thing's version as an entity tag, or null.
   */
  CalendarEntry move(CalendarProject project, String refId, Instant start, String ifMatch);
}
