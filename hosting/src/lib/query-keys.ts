// Every cache key of the app's queries, in one place. A key that starts another (contents(p) starts
// contentItem(p, c)) is a prefix: invalidating it refreshes everything below it, so the shapes here
// decide what one change refreshes. Screens build keys only through these functions.

import type { QueryClient } from "@tanstack/react-query";
import type { Kind, Project, ProjectWithUsage } from "./api-types";

export const queryKeys = {
  health: () => ["health"] as const,
  me: () => ["people", "me"] as const,
  projects: () => ["projects"] as const,
  project: (projectId: string) => ["project", projectId] as const,
  members: (projectId: string) => ["members", projectId] as const,
  /** A project's brand kits. */
  brandKits: (projectId: string) => ["brand-kits", projectId] as const,
  /** A project's budget, and the prefix of its forecasts (both change as jobs are accepted). */
  budget: (projectId: string) => ["budget", projectId] as const,
  forecast: (projectId: string, body: object) => ["budget", projectId, "forecast", body] as const,

  /** Every invitation list: the signed-in person's and each project's. */
  invitations: () => ["invitations"] as const,
  myInvitations: () => ["invitations", "mine"] as const,
  projectInvitations: (projectId: string) => ["invitations", projectId] as const,

  /** A project's contents list, and the prefix of every key below that reads its contents. */
  contents: (projectId: string) => ["contents", projectId] as const,
  contentItem: (projectId: string, contentId: string) => ["contents", projectId, "item", contentId] as const,
  contentVersions: (projectId: string, contentId: string) => ["contents", projectId, "versions", contentId] as const,
  contentMedia: (projectId: string, kind: Exclude<Kind, "text">) => ["contents", projectId, "media", kind] as const,
  /** The contents list of one review state (null: all), and an item's review history. */
  contentsByStatus: (projectId: string, status: string | null) => ["contents", projectId, "status", status] as const,
  contentReviews: (projectId: string, contentId: string) => ["contents", projectId, "reviews", contentId] as const,
  /** A project's activity log, and one filtered view of it. */
  activity: (projectId: string) => ["activity", projectId] as const,
  activityFiltered: (projectId: string, filter: object) => ["activity", projectId, filter] as const,
  /** One version of an item as the lists' cards read it; a new version is a new key. */
  contentVersion: (projectId: string, contentId: string, version: number) => ["content", projectId, contentId, version] as const,
  media: (url: string | null | undefined) => ["media", url] as const,

  /** An item's comment threads as placed in one version, by filter. */
  comments: (projectId: string, contentId: string) => ["comments", projectId, contentId] as const,
  commentThreads: (projectId: string, contentId: string, version: number, filter: string) =>
    ["comments", projectId, contentId, version, filter] as const,
  /** The signed-in person's notifications: the unread count and the inbox pages start with it. */
  notifications: () => ["notifications"] as const,
  /** The signed-in person's API keys, and the projects the key form offers (a first page of them, its own key). */
  apiKeys: () => ["api-keys"] as const,
  apiKeyProjects: () => ["api-keys", "projects"] as const,
  unreadNotifications: () => ["notifications", "unread"] as const,
  notificationList: (unreadOnly: boolean) => ["notifications", "list", unreadOnly] as const,
  outbox: () => ["outbox"] as const,

  templates: (projectId: string) => ["templates", projectId] as const,
  /** The Templates screen's list (built-in, library, project's), refreshed with templates(p). */
  templateLibrary: (projectId: string) => ["templates", projectId, "all"] as const,
  templateVersions: (projectId: string, templateId: string) => ["templates", projectId, "versions", templateId] as const,
  job: (projectId: string, jobId: string | null | undefined) => ["job", projectId, jobId] as const,

  batches: (projectId: string) => ["batches", projectId] as const,
  batch: (projectId: string, batchId: string) => ["batch", projectId, batchId] as const,
  batchRuns: (projectId: string, batchId: string) => ["batch-runs", projectId, batchId] as const,

  /** The person's calendar: every window read starts with the first key, so a move refreshes them all. */
  calendar: () => ["calendar"] as const,
  calendarWindow: (from: string, to: string, zone: string) => ["calendar", from, to, zone] as const,
  calendarFeed: () => ["calendar-feed"] as const,
};

/**
 * Puts a project as a write answered it into the cache of the project, which holds what GET gives
 * (with this month's usage): changed fields replace those read, and a project not read yet is left
 * to be read.
 */
export function storeProject(queryClient: QueryClient, changed: Project): void {
  queryClient.setQueryData<ProjectWithUsage>(queryKeys.project(changed.id), (read) => read && { ...read, ...changed });
}
