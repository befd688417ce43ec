package dev.contentcreator.functions.calendar;

import dev.contentcreator.core.calendar.CalendarRange;
import dev.contentcreator.core.calendar.CalendarService;
import dev.contentcreator.core.calendar.ICalendar;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiRequest;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.http.JsonBody;
import dev.contentcreator.core.http.Router;
import dev.contentcreator.core.platform.Services;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The routes of the calendar: a person's entries across their projects, or one project's; moving
 * an entry (editors and owners); the person's private iCalendar feed, made (shown once), read
 * (whether there is one), revoked, and served to calendar applications at its secret address.
 * Request checks here, rules in {@link CalendarService}.
 */
public final class CalendarApi {
  private CalendarApi() {}

  public static Router router(Services s) {
    String feed = "/api/calendar/feed";
    return Router.builder()
        .get("/api/calendar", r -> ApiResponse.ok(s.calendar().list(r.caller().uid(), range(r))))
        .get("/api/projects/{projectId}/calendar", r -> ApiResponse.ok(s.calendar().listProject(r.caller().uid(),
            r.pathParam("projectId"), range(r))))
        .patch("/api/projects/{projectId}/calendar/{kind}/{refId}", r -> {
          JsonBody body = r.json();
          String text = body.requiredString("start", 1, 64);
          body.finish();
          return ApiResponse.ok(s.calendar().move(r.caller().uid(), r.pathParam("projectId"), r.pathParam("kind"),
              r.pathParam("refId"), instant(text), r.header("If-Match").orElse(null)));
        })
        .get(feed, r -> ApiResponse.ok(s.calendar().feed(r.caller().uid())))
        .post(feed, r -> {
          if (r.rawBody().length > 0) {
            r.json().finish();
          }
          var issued = s.calendar().createFeed(r.caller().uid());
          return ApiResponse.created(feed, issued);
        }).sensitive()
        .delete(feed, r -> {
          s.calendar().revokeFeed(r.caller().uid());
          return ApiResponse.noContent();
        }).sensitive()
        .publicGet(feed + "/{token}", r -> {
          byte[] ics = s.calendar().ics(r.pathParam("token")).getBytes(StandardCharsets.UTF_8);
          return ApiResponse.streaming(ICalendar.CONTENT_TYPE, out -> out.write(ics))
              .header("Content-Disposition", "inline; filename=\"content-creator.ics\"")
              .header("Cache-Control", "private, no-store");
        }).limitPerAddress("calendar-feed", s.platform().config().get(Settings.CALENDAR_FEED_LIMIT_PER_IP))
        .build();
  }

  private static CalendarRange range(ApiRequest r) {
    return CalendarRange.parse(r.queryParam("from").orElse(null), r.queryParam("to").orElse(null),
        r.queryParam("tz").orElse(null));
  }

  /** The new start of a moved entry: an instant with its offset, as the web app sends it. */
  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException e) {
      throw ApiException.badRequest("start", "must be a date and time with its offset, such as 2026-12-01T09:00:00Z");
    }
  }
}
