// Outbound webhooks: the events an owner may subscribe to, the checks of the form before it is
// sent (the server checks again, and resolves the address), and how a delivery is shown.

import type { HookDelivery, HookEventType } from "./api-types";

export const HOOK_EVENTS: { value: Exclude<HookEventType, "ping">; label: string }[] = [
  { value: "job.completed", label: "A generation job ended" },
  { value: "item.failed", label: "An item of a job failed" },
  { value: "content.status_changed", label: "A content item's review status changed" },
  { value: "comment.added", label: "A comment was posted" },
  { value: "batch_run.completed", label: "A batch run ended" },
  { value: "publish.succeeded", label: "Publishing succeeded" },
  { value: "publish.failed", label: "Publishing failed" },
];

/** The problems of a webhook's form, by field; empty when it may be sent. */
export function hookFormErrors(form: { url: string; events: string[]; description: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  const url = form.url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!url) errors.url = "Give the address that receives the messages.";
  else if (url.length > 2048) errors.url = "An address has at most 2048 characters.";
  else if (!parsed) errors.url = "This is not an address.";
  else if (parsed.protocol !== "https:") errors.url = "The address must start with https://.";
  else if (parsed.hash) errors.url = "The address may not have a #fragment.";
  if (form.events.length === 0) errors.events = "Choose at least one event.";
  if (form.description.trim().length > 200) errors.description = "A description has at most 200 characters.";
  return errors;
}

/** A delivery's state in words, with a colour for its badge. */
export function deliveryState(d: Pick<HookDelivery, "status" | "attemptCount" | "lastStatusCode" | "lastError">): {
  label: string;
  palette: "green" | "red" | "orange";
} {
  if (d.status === "succeeded") return { label: `delivered (${d.lastStatusCode ?? "2xx"})`, palette: "green" };
  if (d.status === "failed") return { label: `failed: ${d.lastError ?? "no 2xx answer"}`, palette: "red" };
  return {
    label: d.attemptCount === 0 ? "sending" : `retrying after ${d.lastError ?? "a failed attempt"}`,
    palette: "orange",
  };
}

/** Whether "Send again" applies: only to a message that has ended. */
export function canResend(d: Pick<HookDelivery, "status">): boolean {
  return d.status !== "pending";
}
