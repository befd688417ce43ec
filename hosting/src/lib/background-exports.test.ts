import { describe, expect, it } from "vitest";
import { buildsInBackground, inProgress, runRows, sizeText } from "./background-exports";

describe("background exports", () => {
  it("counts a run's rows as its items and the rows it could not send", () => {
    expect(runRows({ items: 998, skippedRows: [{ row: 3, reason: "x" }, { row: 9, reason: "y" }] })).toBe(1000);
    expect(runRows({ skippedRows: [] })).toBe(0);
  });

  it("builds a run's file in the background only above the server's threshold", () => {
    expect(buildsInBackground({ items: 501, skippedRows: [] }, 500)).toBe(true);
    expect(buildsInBackground({ items: 500, skippedRows: [] }, 500)).toBe(false);
    expect(buildsInBackground({ items: 5000, skippedRows: [] }, undefined)).toBe(false);
  });

  it("keeps asking while the export is queued or building", () => {
    expect(inProgress(undefined)).toBe(true);
    expect(inProgress({ status: "building" })).toBe(true);
    expect(inProgress({ status: "ready" })).toBe(false);
    expect(inProgress({ status: "failed" })).toBe(false);
  });

  it("says sizes in bytes, KB or MB", () => {
    expect(sizeText(512)).toBe("512 B");
    expect(sizeText(2048)).toBe("2.0 KB");
    expect(sizeText(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(sizeText(null)).toBe("");
  });
});
