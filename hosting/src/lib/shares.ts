// Share links: what the member screens send to make one, and what the guest page needs to read
// one (the token from its address, the session a password gives, the media addresses).

import type { SharePermission } from "./api-types";

/** The web app's page of a link: /s/<43 base64url characters>. */
const SHARE_PATH = /^\/s\/([A-Za-z0-9_-]{43})\/?$/;

/** The link's token when the page is a share link's, else null. */
export function shareTokenOf(pathname: string): string | null {
  return SHARE_PATH.exec(pathname)?.[1] ?? null;
}

export const PERMISSIONS: { value: SharePermission; label: string; help: string }[] = [
  { value: "view", label: "View", help: "Guests see the items, read-only." },
  { value: "comment", label: "View and comment", help: "Guests see the items and their comments, and comment or reply under a name they give." },
  { value: "approve", label: "View, comment and approve", help: "Guests also comment, and a named guest may approve or ask for changes." },
];

/** How long a link may live: the choices offered, in days; the server allows 90 at most. */
export const EXPIRY_DAYS = [1, 7, 14, 30, 90] as const;

/** The expiry sent for a link made `now` that lives `days` days. */
export function expiresAtFor(now: Date, days: number): string {
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new RangeError("a link lives 1 to 90 days");
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** The problems of a link's form, by field; empty when it may be sent. */
export function shareFormErrors(form: { password: string; label: string; contentIds: string[] }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.contentIds.length === 0) errors.contentIds = "Choose at least one item.";
  if (form.contentIds.length > 50) errors.contentIds = "A link opens at most 50 items.";
  const password = form.password.trim();
  if (password && password.length < 4) errors.password = "A password has at least 4 characters.";
  if (password.length > 200) errors.password = "A password has at most 200 characters.";
  if (form.label.trim().length > 100) errors.label = "A label has at most 100 characters.";
  return errors;
}

/** The full address of a link's page, to copy. */
export function shareUrl(origin: string, path: string): string {
  return origin.replace(/\/+$/, "") + path;
}

/** A media address of the link as the page may load it: with the guest session when it has one. */
export function guestMediaUrl(url: string, session: string | null): string {
  return session ? `${url}${url.includes("?") ? "&" : "?"}session=${encodeURIComponent(session)}` : url;
}

/** Where the tab keeps a link's guest session (this tab only, gone when it closes). */
export function sessionKey(token: string): string {
  // The token itself is not the key: a hash-free prefix is enough to tell links apart in one tab.
  return `share-session:${token.slice(0, 12)}`;
}

/** A link's state in words for its owner's list. */
export function shareStatusLabel(status: "active" | "expired" | "revoked"): string {
  return status === "active" ? "Active" : status === "expired" ? "Expired" : "Revoked";
}
