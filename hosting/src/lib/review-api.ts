// The API calls of review and activity: moving an item between review states, its review history,
// naming reviewers, the project's contents by state, its activity log and the log's CSV export.

import { bodyOf, pageQuery, taggedBodyOf, type Api } from "./api";
import type { ActivityAction, Content, Member, ReviewStatus, Tagged } from "./api-types";

/** Moves the item to `status` with an optional note; 412 when `etag` is stale, 409 when the move no longer fits. */
export async function reviewContent(
  api: Api,
  projectId: string,
  contentId: string,
  etag: string,
  status: ReviewStatus,
  note: string,
): Promise<Tagged<Content>> {
  const trimmed = note.trim();
  return taggedBodyOf(
    api.client.POST("/api/projects/{projectId}/contents/{contentId}/review", {
      params: { path: { projectId, contentId }, header: { "If-Match": etag } },
      body: trimmed ? { status, note: trimmed } : { status },
    }),
  );
}

/** One page of an item's review history, newest first. */
export function listReviews(api: Api, projectId: string, contentId: string, cursor: string | null) {
  return bodyOf(
    api.client.GET("/api/projects/{projectId}/contents/{contentId}/reviews", {
      params: { path: { projectId, contentId }, query: pageQuery(cursor) },
    }),
  );
}

/** One page of the project's contents, newest first, of one review state or all. */
export function listContentsByStatus(api: Api, projectId: string, status: ReviewStatus | null, cursor: string | null) {
  return bodyOf(
    api.client.GET("/api/projects/{projectId}/contents", {
      params: { path: { projectId }, query: status ? { ...pageQuery(cursor), status } : pageQuery(cursor) },
    }),
  );
}

/** Names a member a reviewer, or takes it back; owners only. */
export function setReviewer(api: Api, projectId: string, uid: string, reviewer: boolean): Promise<Member> {
  return bodyOf(
    api.client.PATCH("/api/projects/{projectId}/members/{uid}", { params: { path: { projectId, uid } }, body: { reviewer } }),
  );
}

export interface ActivityQuery {
  action?: ActivityAction;
  actor?: string;
  contentId?: string;
  since?: string;
  until?: string;
}

/** One page of the project's activity, newest first. */
export function listActivity(api: Api, projectId: string, filter: ActivityQuery, cursor: string | null) {
  return bodyOf(
    api.client.GET("/api/projects/{projectId}/activity", {
      params: { path: { projectId }, query: { ...filter, ...pageQuery(cursor, 50) } },
    }),
  );
}

/** The whole filtered log as a CSV file (owners); the server streams it, however long. */
export async function exportActivity(api: Api, projectId: string, filter: ActivityQuery): Promise<Blob> {
  const file: unknown = await bodyOf(
    api.client.GET("/api/projects/{projectId}/activity.csv", { params: { path: { projectId }, query: filter }, parseAs: "blob" }),
  );
  return file instanceof Blob ? file : new Blob([String(file)], { type: "text/csv" });
}
