// Exports built in the background: when to use them, and what to tell the person meanwhile.

import type { BackgroundExport, BatchRun } from "./api-types";

/** How many rows of the batch a run covered: those sent as items and those it could not send. */
export function runRows(run: Pick<BatchRun, "items" | "skippedRows">): number {
  return (run.items ?? 0) + (run.skippedRows?.length ?? 0);
}

/** Whether a run's file is built in the background: more rows than the server's threshold. */
export function buildsInBackground(run: Pick<BatchRun, "items" | "skippedRows">, backgroundRows: number | undefined): boolean {
  return backgroundRows !== undefined && runRows(run) > backgroundRows;
}

/** Whether the export is still being made, so the screen keeps asking. */
export function inProgress(record: Pick<BackgroundExport, "status"> | undefined): boolean {
  return record === undefined || record.status === "queued" || record.status === "building";
}

/** A size in bytes as people read it. */
export function sizeText(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
