// Publishing in the web app: the channels a connection may be, the checks of its form and of the
// publish form before they are sent (the server checks again), the time a person picks in their
// own time zone as an instant, and how a publication's state is shown.

import type { Connection, Publication } from "./api-types";

export type Channel = Connection["channel"];

export const CHANNELS: { value: Channel; label: string; secretLabel?: string; hint: string }[] = [
  {
    value: "wordpress",
    label: "WordPress site",
    secretLabel: "Application password",
    hint: "The site's address, your WordPress user name and an application password (Users → Profile → Application Passwords).",
  },
  {
    value: "mastodon",
    label: "Mastodon account",
    secretLabel: "Access token",
    hint: "The instance's address and an access token with the write:statuses and write:media scopes (Preferences → Development).",
  },
  {
    value: "webhook",
    label: "Webhook receiver",
    hint: "Any https address: each publication is sent there as a signed JSON message. The signing secret is shown once.",
  },
];

export type ConnectionForm = { channel: Channel; name: string; siteUrl: string; username: string; secret: string };

/** The problems of a connection's form, by field; empty when it may be sent. */
export function connectionFormErrors(f: ConnectionForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = f.name.trim();
  if (name.length === 0 || name.length > 100) errors.name = "Give it a name of 1 to 100 characters.";
  const url = f.siteUrl.trim();
  if (url.length === 0) {
    errors.siteUrl = "Give the address.";
  } else {
    try {
      const u = new URL(url);
      if (u.protocol !== "https:") errors.siteUrl = "The address must start with https://.";
      else if (u.username || u.password) errors.siteUrl = "Leave the user name and password out of the address.";
      else if (u.search || u.hash) errors.siteUrl = "Leave out ?… and #… from the address.";
    } catch {
      errors.siteUrl = "This is not an address.";
    }
  }
  if (f.channel === "wordpress" && f.username.trim().length === 0) errors.username = "Give the WordPress user name.";
  if (f.channel !== "webhook") {
    const s = f.secret.trim();
    if (s.length < 8 || s.length > 512) errors.secret = "It is 8 to 512 characters long.";
  }
  return errors;
}

/**
 * The instant of a date and time a person typed in a datetime-local field, read in their own
 * time zone (the browser's), as ISO-8601 with Z; null when empty or unreadable.
 */
export function localToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The value of a datetime-local field for an instant, in the person's own time zone. */
export function instantToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** How a publication's state is shown: a label and a colour. */
export function publicationState(p: Pick<Publication, "status" | "nextAttemptAt" | "mode">): { label: string; palette: string } {
  switch (p.status) {
    case "scheduled":
      return { label: "Scheduled", palette: "blue" };
    case "publishing":
      return p.nextAttemptAt ? { label: "Retrying", palette: "orange" } : { label: "Publishing", palette: "blue" };
    case "published":
      return { label: p.mode === "draft" ? "Sent as a draft" : "Published", palette: "green" };
    case "failed":
      return { label: "Failed", palette: "red" };
    default:
      return { label: "Canceled", palette: "gray" };
  }
}

/** Whether a publication may still be canceled or moved (not sent yet). */
export function canCancel(p: Pick<Publication, "status" | "leaseUntil">): boolean {
  return p.status === "scheduled" || (p.status === "publishing" && !p.leaseUntil);
}

/** Whether the list should be read again soon: something is still on its way. */
export function inFlight(items: Pick<Publication, "status">[]): boolean {
  return items.some((p) => p.status === "scheduled" || p.status === "publishing");
}
