// How a batch's runs read in its history and in the live line about the latest one.

import { formatMicros } from "./usage";
import type { Batch, BatchRun, RunStatus } from "./api-types";

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
  const left = run.skippedRows?.length ?? 0;
  if (left) parts.push(`${left} ${left === 1 ? "row" : "rows"} not sent`);
  return parts.join(", ");
}

/** What to tell the person who pressed "Run now", given the answer. */
export function runNowNotice(run: BatchRun): { text: string; error: boolean } {
  if (run.status === "skipped") return { text: `The run didn't start: ${run.skipped ?? "no reason given"}.`, error: true };
  if (run.started === false) {
    return { text: "A run of this batch had just started or is still going, so no second run was made; it's shown below.", error: false };
  }
  return { text: "A run has started.", error: false };
}

/** The sentence about the scheduler's last unexpected failure on this batch, if there is one. */
export function schedulerProblem(batch: Pick<Batch, "lastError" | "lastErrorAt">, format: (iso: string) => string): string | null {
  if (!batch.lastError) return null;
  const when = batch.lastErrorAt ? ` (${format(batch.lastErrorAt)})` : "";
  return `The scheduler couldn't start this batch's last run${when}. ${batch.lastError}`;
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

/** The formats a run is downloaded in: its rows as CSV or JSON Lines, or its media as a ZIP. */
export type RunExportFormat = "csv" | "jsonl" | "zip";

/** The downloads a run of a batch of this kind offers: media only where the batch makes media. */
export function runDownloads(kind: string): RunExportFormat[] {
  return kind === "text" ? ["csv", "jsonl"] : ["csv", "jsonl", "zip"];
}

/**
 * The name a run's download is saved under, as the server names it: the batch's name in ASCII
 * letters and digits, the run's start (UTC, to the minute), the format; "batch" for a name with none.
 */
export function runExportFileName(batchName: string, run: Pick<BatchRun, "startedAt">, format: RunExportFormat): string {
  const ascii = batchName
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const started = new Date(run.startedAt);
  const stamp = Number.isNaN(started.getTime())
    ? "run"
    : `run-${started.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-")}`;
  return `${ascii || "batch"}-${stamp}.${format}`;
}
