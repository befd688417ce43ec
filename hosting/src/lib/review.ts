// The review states of content items as the app shows them, and which moves the signed-in person
// may offer: the same table as the server's ReviewRules (core/review), which decides in the end.

import type { ReviewStatus, Role } from "./api-types";

export const REVIEW_STATUSES: readonly ReviewStatus[] = ["draft", "in_review", "changes_requested", "approved"];

const LABELS: Record<ReviewStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
};

const PALETTES: Record<ReviewStatus, string> = {
  draft: "gray",
  in_review: "blue",
  changes_requested: "orange",
  approved: "green",
};

/** The words for a state; a state this app does not know yet is shown as the server names it. */
export function statusLabel(status: string | undefined): string {
  if (!status) return LABELS.draft;
  return (LABELS as Record<string, string>)[status] ?? status.replace(/_/g, " ");
}

export function statusPalette(status: string | undefined): string {
  return (PALETTES as Record<string, string>)[status ?? "draft"] ?? "gray";
}

/** One move the person may make: where to, its button's words, and whether it asks for a note. */
export interface ReviewMove {
  to: ReviewStatus;
  label: string;
  /** Asking for changes without saying which is no help: the note is asked for (and required). */
  noteRequired: boolean;
}

type Power = "author" | "reviewer";

const MOVES: { from: ReviewStatus; to: ReviewStatus; power: Power; label: string }[] = [
  { from: "in_review", to: "approved", power: "reviewer", label: "Approve" },
  { from: "in_review", to: "changes_requested", power: "reviewer", label: "Request changes" },
  { from: "draft", to: "in_review", power: "author", label: "Submit for review" },
  { from: "changes_requested", to: "in_review", power: "author", label: "Submit again" },
  { from: "in_review", to: "draft", power: "author", label: "Withdraw to draft" },
  { from: "changes_requested", to: "draft", power: "author", label: "Back to draft" },
  { from: "approved", to: "draft", power: "author", label: "Back to draft" },
];

function has(power: Power, role: Role | undefined, reviewer: boolean): boolean {
  if (power === "author") return role === "owner" || role === "editor";
  return role === "owner" || (role !== undefined && reviewer);
}

/** The moves from `status` that someone with `role` (a named reviewer or not) may make, most useful first. */
export function reviewMoves(status: ReviewStatus | undefined, role: Role | undefined, reviewer: boolean): ReviewMove[] {
  const from = status ?? "draft";
  return MOVES.filter((m) => m.from === from && has(m.power, role, reviewer)).map((m) => ({
    to: m.to,
    label: m.label,
    noteRequired: m.to === "changes_requested",
  }));
}

/** Why a note may not be sent, or null when it may: at most 2,000 characters, required for some moves. */
export function noteProblem(note: string, move: ReviewMove): string | null {
  const trimmed = note.trim();
  if (move.noteRequired && trimmed.length === 0) return "Say what should change.";
  if ([...trimmed].length > 2000) return "A note is at most 2,000 characters.";
  return null;
}
