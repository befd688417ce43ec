package dev.contentcreator.core.activity;

import java.time.Instant;
import java.util.Map;

/**
 * One stored record of the activity log ({@code activity/<id>}), flat so that every filter of the
 * log is a top-level field: {@code projectId}, {@code action}, {@code actorUid}, {@code contentId},
 * ordered by {@code at}. Written only through {@link ActivityLog#record}; never changed after.
 */
public record Activity(String id, String projectId, Instant at, String actorUid, String actorName, String action,
    String targetType, String targetId, String targetTitle, String contentId, Map<String, String> details) {

  public Activity {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
