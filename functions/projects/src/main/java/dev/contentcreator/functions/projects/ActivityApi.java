package dev.contentcreator.functions.projects;

import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityFilter;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.platform.Services;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The routes of a project's activity log ({@code /api/projects/{projectId}/activity}): a list for
 * members and a CSV export for owners; request checks here, rules in
 * {@link dev.contentcreator.core.activity.ActivityLog}. They live in the projects function, beside
 * the members, since the log is a project's sub-resource that firebase.json already sends here.
 */
final class ActivityApi {
  private ActivityApi() {}

  static ApiResponse list(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.projects().requireRole(r.caller().uid(), projectId, dev.contentcreator.core.domain.Role.VIEWER);
    ActivityFilter filter = filter(r);
    int limit = r.intQueryParam("limit", 50, 1, 200);
    return ApiResponse.ok(s.activity().list(r.caller().uid(), projectId, filter, limit,
        r.queryParam("cursor").orElse(null)));
  }

  /** The whole filtered log as CSV, written page by page as the answer streams; owners only. */
  static ApiResponse csv(Services s, ApiRequest r) {
    String projectId = r.pathParam("projectId");
    s.activity().requireExport(r.caller().uid(), projectId);
    ActivityFilter filter = filter(r);
    return ApiResponse.streaming("text/csv; charset=utf-8", out -> s.activity().exportCsv(projectId, filter, out))
        .header("Content-Disposition", "attachment; filename=\"activity-" + projectId + ".csv\"");
  }

  private static ActivityFilter filter(ApiRequest r) {
    ActivityAction action = r.queryParam("action").map(a -> ActivityAction.parse(a).orElseThrow(() ->
        ApiException.badRequest("action", "must be one of " + Arrays.stream(ActivityAction.values())
            .map(ActivityAction::wireName).collect(Collectors.joining(", "))))).orElse(null);
    String actor = r.queryParam("actor").map(a -> {
      if (!Ids.isWellFormed(a)) {
        throw ApiException.badRequest("actor", "must be a member's uid, system or schedule");
      }
      return a;
    }).orElse(null);
    String contentId = r.queryParam("contentId").map(c -> {
      if (!Ids.isWellFormed(c)) {
        throw ApiException.badRequest("contentId", "must be a content item's id");
      }
      return c;
    }).orElse(null);
    Instant since = instant(r, "since").orElse(null);
    Instant until = instant(r, "until").orElse(null);
    if (since != null && until != null && !since.isBefore(until)) {
      throw ApiException.badRequest("until", "must come after since");
    }
    return new ActivityFilter(action, actor, contentId, since, until);
  }

  private static Optional<Instant> instant(ApiRequest r, String name) {
    return r.queryParam(name).map(v -> {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest(name, "must be an ISO-8601 instant in UTC, such as 2026-01-31T09:00:00Z");
      }
    });
  }
}
