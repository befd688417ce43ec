// Small decisions of the content reader, kept apart from the screen so they can be tested.

import { ApiError } from "./problem";
import type { ContentVersion, Role } from "./api-types";

const SOURCE_WORDS: Record<string, string> = {
  generated: "Generated",
  uploaded: "Uploaded",
  imported: "Imported",
  edited: "Edited",
  restored: "Restored",
};

/** One line about a version: how it was made, by which model, and when. */
export function describeVersion(version: ContentVersion, now: Date = new Date()): string {
  const parts = [SOURCE_WORDS[version.source ?? ""] ?? "Saved"];
  if (version.model && version.source === "generated") parts[0] += ` with ${version.model}`;
  parts.push(relativeTime(version.createdAt, now));
  return parts.filter(Boolean).join(" · ");
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", or the date. */
export function relativeTime(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return "";
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return "";
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} ${minutes === 1 ? "minute" : "minutes"} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? "hour" : "hours"} ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} ${days === 1 ? "day" : "days"} ago`;
  return then.toISOString().slice(0, 10);
}

export function canEdit(role: Role | undefined): boolean {
  return role === "owner" || role === "editor";
}

/** Whether a failed write was refused because someone else changed the item first. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 409);
}

/** Words for a write that lost a race, telling the person what is kept and what to do. */
export const CONFLICT_MESSAGE =
  "Someone saved a newer version while you were working on this one. Your text is still here: load the latest version, compare, and save again.";

/** The two versions to compare first: the one before the current, and the current. */
export function defaultComparison(versions: ContentVersion[], current: number): [number, number] | null {
  if (versions.length < 2) return null;
  const numbers = versions.map((version) => version.number).sort((a, b) => a - b);
  const right = numbers.includes(current) ? current : numbers[numbers.length - 1];
  const left = [...numbers].reverse().find((number) => number < right) ?? numbers.find((number) => number !== right)!;
  return [left, right];
}

/** Human size of a file. */
export function formatBytes(bytes: number | undefined): string {
  if (!bytes || bytes < 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
