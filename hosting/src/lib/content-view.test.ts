import { describe, expect, it } from "vitest";
import { canEdit, defaultComparison, describeVersion, formatBytes, isConflict, relativeTime } from "./content-view";
import { ApiError } from "./problem";
import type { ContentVersion } from "./api-types";

const now = new Date("2026-11-26T12:00:00Z");
const version = (number: number, extra: Partial<ContentVersion> = {}): ContentVersion => ({
  contentId: "c",
  projectId: "p",
  number,
  source: "generated",
  createdBy: "u1",
  createdAt: "2026-11-26T11:00:00Z",
  ...extra,
});

describe("the content reader", () => {
  it("says how and when a version was made", () => {
    expect(describeVersion(version(1, { source: "generated", model: "gpt-4o-mini" }), now)).toBe("Generated with gpt-4o-mini · 1 hour ago");
    expect(describeVersion(version(2, { source: "restored", createdAt: "2026-11-26T11:59:50Z" }), now)).toBe("Restored · just now");
  });

  it("writes times relative to now, and old ones as dates", () => {
    expect(relativeTime("2026-11-26T11:55:00Z", now)).toBe("5 minutes ago");
    expect(relativeTime("2026-11-24T12:00:00Z", now)).toBe("2 days ago");
    expect(relativeTime("2026-10-01T12:00:00Z", now)).toBe("2026-10-01");
    expect(relativeTime("garbage", now)).toBe("");
  });

  it("lets only editors and owners change content", () => {
    expect(canEdit("owner")).toBe(true);
    expect(canEdit("editor")).toBe(true);
    expect(canEdit("viewer")).toBe(false);
    expect(canEdit(undefined)).toBe(false);
  });

  it("recognises a lost race", () => {
    expect(isConflict(new ApiError("stale", 412))).toBe(true);
    expect(isConflict(new ApiError("gone", 404))).toBe(false);
    expect(isConflict(new Error("x"))).toBe(false);
  });

  it("compares the current version with the one before it first", () => {
    expect(defaultComparison([version(1), version(2), version(3)], 3)).toEqual([2, 3]);
    expect(defaultComparison([version(1), version(2), version(3)], 1)).toEqual([2, 1]);
    expect(defaultComparison([version(1)], 1)).toBeNull();
  });

  it("writes file sizes for people", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2 kB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});
