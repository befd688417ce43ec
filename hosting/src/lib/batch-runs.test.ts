import { describe, expect, it } from "vitest";
import { isActive, latestRunLine, runCost, runCounts, runDownloads, runExportFileName, runNowNotice, schedulerProblem } from "./batch-runs";
import type { BatchRun } from "./api-types";

const run: BatchRun = {
  id: "b_1",
  batchId: "b",
  projectId: "p",
  dueAt: "2026-11-26T09:00:00Z",
  trigger: "schedule",
  jobId: "j1",
  jobIds: ["j1"],
  skippedRows: [],
  startedAt: "2026-11-26T09:00:01Z",
  status: "running",
  items: 10,
  completed: 7,
  failed: 1,
  cancelled: 0,
  costMicros: 40_000,
};

describe("batch runs", () => {
  it("counts a run's items", () => {
    expect(runCounts(run)).toBe("7 of 10 items done, 1 failed");
    expect(runCost(run)).toBe("$0.04");
  });

  it("says why a run was skipped", () => {
    const skipped: BatchRun = { ...run, status: "skipped", skipped: "the batch has no rows", items: undefined };
    expect(runCounts(skipped)).toBe("Not started: the batch has no rows");
    expect(runCost(skipped)).toBe("—");
    expect(isActive(skipped)).toBe(false);
  });

  it("treats queued and running runs as still going", () => {
    expect(isActive(run)).toBe(true);
    expect(isActive({ ...run, status: "queued" })).toBe(true);
    expect(isActive({ ...run, status: "completed" })).toBe(false);
    expect(isActive(undefined)).toBe(false);
  });

  it("describes the latest run in one sentence", () => {
    expect(latestRunLine(undefined)).toBe("This batch hasn't run yet.");
    expect(latestRunLine({ ...run, trigger: "manual" })).toBe("Latest run (started by hand): running. 7 of 10 items done, 1 failed.");
  });

  it("counts rows left out when the run started", () => {
    expect(runCounts({ ...run, skippedRows: [{ row: 3, reason: "too long" }] })).toBe("7 of 10 items done, 1 failed, 1 row not sent");
    expect(runCounts({ ...run, failed: 0, skippedRows: [{ row: 3, reason: "a" }, { row: 4, reason: "b" }] })).toBe("7 of 10 items done, 2 rows not sent");
  });

  it("says when run now answered a run already going", () => {
    expect(runNowNotice({ ...run, started: false }).text).toMatch(/no second run was made/);
    expect(runNowNotice({ ...run, started: true })).toEqual({ text: "A run has started.", error: false });
    expect(runNowNotice({ ...run, status: "skipped", skipped: "the batch has no rows", started: true })).toEqual({
      text: "The run didn't start: the batch has no rows.",
      error: true,
    });
  });

  it("describes the scheduler's last failure on a batch, or nothing", () => {
    expect(schedulerProblem({ lastError: null, lastErrorAt: null }, (iso) => iso)).toBeNull();
    expect(schedulerProblem({ lastError: "It broke.", lastErrorAt: "2026-11-26T09:00:00Z" }, () => "26 Nov, 09:00")).toBe(
      "The scheduler couldn't start this batch's last run (26 Nov, 09:00). It broke.",
    );
  });
});

describe("runExportFileName", () => {
  it("names the file as the server does: the batch's name in ASCII, the run's start in UTC, the format", () => {
    const run = { startedAt: "2026-12-03T09:05:30Z" };
    expect(runExportFileName("Crème brûlée / \"Spring\"", run, "csv")).toBe("Creme-brulee-Spring-run-20261203-0905.csv");
    expect(runExportFileName("../\r\n", run, "jsonl")).toBe("batch-run-20261203-0905.jsonl");
  });

  it("keeps long names to 60 characters", () => {
    const name = runExportFileName("a".repeat(100), { startedAt: "2026-12-03T09:05:30Z" }, "csv");
    expect(name).toBe(`${"a".repeat(60)}-run-20261203-0905.csv`);
  });
});

describe("runDownloads", () => {
  it("offers the media as a ZIP only for batches that make media", () => {
    expect(runDownloads("text")).toEqual(["csv", "jsonl"]);
    expect(runDownloads("image")).toEqual(["csv", "jsonl", "zip"]);
    expect(runDownloads("video")).toEqual(["csv", "jsonl", "zip"]);
  });
});
