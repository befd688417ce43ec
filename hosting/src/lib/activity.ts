// The activity log as the app shows it: one sentence per record, and the filters of the Activity
// page turned into the list's query (checked here, so a bad date never reaches the server).

import type { Activity, ActivityAction } from "./api-types";
import { statusLabel } from "./review";

/** The actions a person can filter by, with their words; the log may hold newer ones too. */
export const ACTION_LABELS: Partial<Record<ActivityAction, string>> = {
  "generation.started": "Generation started",
  "content.created": "Content created",
  "content.regenerated": "Content regenerated",
  "content.edited": "Content edited",
  "content.restored": "Version restored",
  "content.renamed": "Content renamed",
  "content.deleted": "Content deleted",
  "content.status_changed": "Review status changed",
  "member.invited": "Member invited",
  "member.joined": "Member joined",
  "member.role_changed": "Role changed",
  "member.reviewer_changed": "Reviewer named or unnamed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "invitation.revoked": "Invitation revoked",
  "batch.created": "Batch created",
  "batch.changed": "Batch changed",
  "batch.deleted": "Batch deleted",
  "batch.run_started": "Batch run started",
  "project.renamed": "Project renamed",
  "comment.posted": "Comment posted",
  "comment.edited": "Comment edited",
  "comment.deleted": "Comment deleted",
  "comment.resolved": "Thread resolved",
  "comment.reopened": "Thread reopened",
  "share.created": "Share link made",
  "share.revoked": "Share link revoked",
  "provider.key_set": "Provider key set",
  "provider.key_removed": "Provider key removed",
};

function quoted(title: string | undefined): string {
  return title ? `“${title}”` : "an item";
}

/** A comment's record: its title is the start of the comment. */
function excerpt(a: Activity): string {
  return a.target.title ? `“${a.target.title}”` : "a comment";
}

/** Who did it, in words: a member's name, or the product itself. */
export function actorName(a: Activity): string {
  if (a.actor.uid === "system") return "The system";
  if (a.actor.uid === "schedule") return "The schedule";
  return a.actor.name || a.actor.uid;
}

/** One record as a sentence, e.g. `Rita approved “Poster”`. */
export function describeActivity(a: Activity): string {
  const who = actorName(a);
  const d = a.details ?? {};
  const what = quoted(a.target.title);
  switch (a.action) {
    case "generation.started":
      return `${who} started generating ${d.count ?? ""} ${d.kind ?? "item"}${d.count === "1" ? "" : "s"}`.replace(/\s+/g, " ");
    case "content.created":
      return d.source === "uploaded" ? `${who} uploaded ${what}` : d.source === "imported" ? `${who} imported ${what}` : `${who} generated ${what}`;
    case "content.regenerated":
      return `${who} regenerated ${what} (version ${d.version ?? "?"})`;
    case "content.edited":
      return `${who} edited ${what} (version ${d.version ?? "?"})`;
    case "content.restored":
      return `${who} restored version ${d.restoredFrom ?? "?"} of ${what}`;
    case "content.renamed":
      return `${who} renamed “${d.from ?? ""}” to “${d.to ?? ""}”`;
    case "content.deleted":
      return `${who} deleted ${what}`;
    case "content.status_changed":
      if (d.automatic === "true") return `${what} went back to draft: a new version was made after approval`;
      if (d.to === "approved") return `${who} approved ${what}`;
      if (d.to === "changes_requested") return `${who} requested changes to ${what}`;
      if (d.to === "in_review") return `${who} submitted ${what} for review`;
      return `${who} moved ${what} to ${statusLabel(d.to).toLowerCase()}`;
    case "member.invited":
      return `${who} invited ${a.target.title ?? "someone"} as ${d.role ?? "a member"}`;
    case "member.joined":
      return `${who} joined as ${d.role ?? "a member"}`;
    case "member.role_changed":
      return `${who} made ${a.target.title ?? "a member"} ${d.to === "editor" ? "an" : "a"} ${d.to ?? "member"}`;
    case "member.reviewer_changed":
      return d.reviewer === "true"
        ? `${who} named ${a.target.title ?? "a member"} a reviewer`
        : `${who} took reviewing from ${a.target.title ?? "a member"}`;
    case "member.removed":
      return `${who} removed ${a.target.title ?? "a member"}`;
    case "member.left":
      return `${who} left the project`;
    case "invitation.revoked":
      return `${who} revoked the invitation of ${a.target.title ?? "someone"}`;
    case "batch.created":
      return `${who} created the batch ${what}`;
    case "batch.changed":
      return `${who} changed the batch ${what}${d.changed ? ` (${d.changed.split(",").join(", ")})` : ""}`;
    case "batch.deleted":
      return `${who} deleted the batch ${what}`;
    case "batch.run_started":
      return `${who} started a run of ${what}`;
    case "project.renamed":
      return `${who} renamed the project to “${d.to ?? a.target.title ?? ""}”`;
    case "comment.posted":
      return `${who} ${d.reply === "true" ? "replied" : "commented"}: ${excerpt(a)}`;
    case "comment.edited":
      return `${who} edited a comment: ${excerpt(a)}`;
    case "comment.deleted":
      return `${who} deleted a comment: ${excerpt(a)}`;
    case "comment.resolved":
      return `${who} resolved the thread ${excerpt(a)}`;
    case "comment.reopened":
      return `${who} reopened the thread ${excerpt(a)}`;
    case "share.created":
      return `${who} made ${d.permission === "approve" ? "an approve" : d.permission === "comment" ? "a comment" : "a view"} link to ${what}${d.items && d.items !== "1" ? ` (${d.items} items)` : ""}`;
    case "share.revoked":
      return `${who} revoked the share link ${what}`;
    case "provider.key_set":
      return `${who} set the project's own ${a.target.title ?? "provider"} key${d.last4 ? ` (ending in ${d.last4})` : ""}`;
    case "provider.key_removed":
      return `${who} removed the project's own ${a.target.title ?? "provider"} key`;
    default:
      return `${who}: ${a.action} ${a.target.title ?? ""}`.trim();
  }
}

/** The Activity page's filters as typed: empty strings for "any"; times from datetime-local inputs. */
export interface ActivityFilterForm {
  action: string;
  actor: string;
  since: string;
  until: string;
}

export const NO_FILTER: ActivityFilterForm = { action: "", actor: "", since: "", until: "" };

/** The list's query, or the words of what is wrong with the form. */
export type FilterQuery =
  | { ok: true; query: { action?: ActivityAction; actor?: string; since?: string; until?: string } }
  | { ok: false; message: string };

/**
 * A datetime-local value (`2026-01-31T09:00`, the person's own time) as a UTC instant, or null
 * when it names no moment.
 */
export function localToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function filterQuery(form: ActivityFilterForm): FilterQuery {
  const query: { action?: ActivityAction; actor?: string; since?: string; until?: string } = {};
  if (form.action) query.action = form.action as ActivityAction;
  if (form.actor) query.actor = form.actor;
  if (form.since) {
    const since = localToInstant(form.since);
    if (!since) return { ok: false, message: "“From” is not a date and time." };
    query.since = since;
  }
  if (form.until) {
    const until = localToInstant(form.until);
    if (!until) return { ok: false, message: "“To” is not a date and time." };
    query.until = until;
  }
  if (query.since && query.until && query.since >= query.until) {
    return { ok: false, message: "“To” must come after “From”." };
  }
  return { ok: true, query };
}

/** The name of the exported file: the project and today's date. */
export function csvFileName(projectName: string | undefined, now: Date = new Date()): string {
  const safe = (projectName ?? "project").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "project";
  return `${safe}-activity-${now.toISOString().slice(0, 10)}.csv`;
}
