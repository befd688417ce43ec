// The events of a content item's live stream (GET .../contents/{contentId}/live), and what each
// change means for the app's cached queries: the stream says what changed, the app reads it again.

import { queryKeys } from "./query-keys";

export interface Viewer {
  uid: string;
  name: string;
}

export type ItemChange = "item" | "versions" | "comments" | "review";

export type ItemLiveEvent = { type: "presence"; viewers: Viewer[] } | { type: "change"; what: ItemChange[] };

const CHANGES: readonly string[] = ["item", "versions", "comments", "review"];

/** The event of a raw SSE event, or null for one this app does not know (a newer server's) or a malformed one. */
export function toItemLiveEvent(name: string, data: string): ItemLiveEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const o = parsed as Record<string, unknown>;
  if (name === "presence" && Array.isArray(o.viewers)) {
    const viewers = o.viewers.filter(
      (v): v is Viewer => typeof v === "object" && v !== null && typeof v.uid === "string" && typeof v.name === "string",
    );
    return { type: "presence", viewers };
  }
  if (name === "change" && Array.isArray(o.what)) {
    const what = o.what.filter((w): w is ItemChange => typeof w === "string" && CHANGES.includes(w));
    return what.length ? { type: "change", what } : null;
  }
  return null;
}

/** The cached queries to read again for a change: prefixes, so every variant below one is included. */
export function staleQueries(projectId: string, contentId: string, what: ItemChange[]): (readonly unknown[])[] {
  const keys: (readonly unknown[])[] = [];
  const add = (key: readonly unknown[]) => {
    if (!keys.some((k) => k.length === key.length && k.every((part, i) => part === key[i]))) keys.push(key);
  };
  for (const w of what) {
    if (w === "item") add(queryKeys.contentItem(projectId, contentId));
    if (w === "versions") {
      add(queryKeys.contentItem(projectId, contentId));
      add(queryKeys.contentVersions(projectId, contentId));
    }
    if (w === "comments") add(queryKeys.comments(projectId, contentId));
    if (w === "review") {
      add(queryKeys.contentItem(projectId, contentId));
      add(queryKeys.contentReviews(projectId, contentId));
    }
  }
  return keys;
}

/** The other people viewing, each once, without the signed-in person. */
export function othersViewing(viewers: Viewer[], me: string | undefined): Viewer[] {
  const seen = new Set<string>();
  return viewers.filter((v) => {
    if (v.uid === me || seen.has(v.uid)) return false;
    seen.add(v.uid);
    return true;
  });
}

/** How long to wait before opening the next stream after `failures` failed tries in a row: 1 s doubling to 30 s. */
export function reconnectDelay(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
}
