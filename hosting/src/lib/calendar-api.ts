// The API calls of the calendar screen: the person's entries over a window, moving one, and their
// private iCalendar feed (state, make or replace, revoke).

import { bodyOf, doneOf, type Api } from "./api";
import type { Calendar, CalendarEntry, CalendarFeed, IssuedCalendarFeed } from "./api-types";

export function getCalendar(api: Api, from: Date, to: Date, tz: string): Promise<Calendar> {
  return bodyOf(api.client.GET("/api/calendar", { params: { query: { from: from.toISOString(), to: to.toISOString(), tz } } }));
}

export function moveEntry(api: Api, entry: CalendarEntry, start: Date): Promise<CalendarEntry> {
  return bodyOf(
    api.client.PATCH("/api/projects/{projectId}/calendar/{kind}/{refId}", {
      params: { path: { projectId: entry.projectId, kind: entry.kind, refId: entry.refId } },
      body: { start: start.toISOString() },
    }),
  );
}

export function getFeed(api: Api): Promise<CalendarFeed> {
  return bodyOf(api.client.GET("/api/calendar/feed"));
}

export function createFeed(api: Api): Promise<IssuedCalendarFeed> {
  return bodyOf(api.client.POST("/api/calendar/feed"));
}

export function revokeFeed(api: Api): Promise<void> {
  return doneOf(api.client.DELETE("/api/calendar/feed"));
}
