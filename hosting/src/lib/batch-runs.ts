// How a batch's runs read in its history and in the live line about the latest one.

import type { BatchRun, RunStatus } from "./people-api";
import { formatMicros } from "./usage";

export const RUN_STATUS_WORDS: Record<RunStatus, string> = {
  queued: "Waiting to start",
  running: "Running",
  completed: "Finished",
  failed: "Failed",
  cancelled: "Cancelled",
  skipped: "Skipped",
};

export const RUN_STATUS_COLORS: Record<RunStatus, string> = {
  queued: "gray",
  running: "blue",
  completed: "green",
  failed: "red",
  cancelled: "orange",
  skipped: "orange",
};

/** Whether the run may still change, so the history keeps itself up to date and it can be cancelled. */
export function isActive(run: BatchRun | undefined): boolean {
  return run?.status === "queued" || run?.status === "running";
}

/** "7 of 10 items done, 1 failed, 2 cancelled", or why a run was skipped. */
export function runCounts(run: BatchRun): string {
  if (run.status === "skipped") return run.skipped ? `Not started: ${run.skipped}` : "Not started.";
  const items = run.items ?? 0;
  const parts = [`${run.completed ?? 0} of ${items} ${items === 1 ? "item" : "items"} done`];
  if (run.failed) parts.push(`${run.failed} failed`);
  if (run.cancelled) parts.push(`${run.cancelled} cancelled`);
  return parts.join(", ");
}

export function runCost(run: BatchRun): string {
  return run.status === "skipped" ? "—" : formatMicros(run.costMicros ?? 0);
}

/** The sentence the live region says about the latest run. */
export function latestRunLine(run: BatchRun | undefined): string {
  if (!run) return "This batch hasn't run yet.";
  const how = run.trigger === "manual" ? "started by hand" : "started by the schedule";
  return `Latest run (${how}): ${RUN_STATUS_WORDS[run.status].toLowerCase()}. ${runCounts(run)}.`.replace("..", ".");
}
