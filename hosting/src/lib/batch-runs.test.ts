import { describe, expect, it } from "vitest";
import { isActive, latestRunLine, runCost, runCounts } from "./batch-runs";
import type { BatchRun } from "./people-api";

const run: BatchRun = {
  id: "b_1",
  batchId: "b",
  dueAt: "2026-11-26T09:00:00Z",
  trigger: "schedule",
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
});
