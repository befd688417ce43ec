// What the invitation screens work out without the server: the link to pass on, the secret in an
// opened link, and how long an invitation has left.

import type { Invitation } from "./api-types";


/** The whole accept link, from the path the server gives (it knows no web origin). */
export function acceptLink(origin: string, acceptPath: string): string {
  return new URL(acceptPath, origin).toString();
}

/** The secret of an opened accept link: #token=..., or null when the address has none. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash).get("token");
  return token && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null;
}

/** "expires in 3 days", "expires in 5 hours", "expires in a moment" or "expired". */
export function expiryText(invitation: Pick<Invitation, "status" | "expiresAt">, now: Date): string {
  const left = Date.parse(invitation.expiresAt) - now.getTime();
  if (invitation.status === "expired" || !(left > 0)) return "expired";
  const hours = Math.floor(left / 3_600_000);
  if (hours >= 48) return `expires in ${Math.round(left / 86_400_000)} days`;
  if (hours >= 2) return `expires in ${hours} hours`;
  const minutes = Math.floor(left / 60_000);
  return minutes >= 2 ? `expires in ${minutes} minutes` : "expires in a moment";
}
