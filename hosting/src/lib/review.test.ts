import { describe, expect, it } from "vitest";
import { noteProblem, reviewMoves, statusLabel, statusPalette } from "./review";

const targets = (moves: ReturnType<typeof reviewMoves>) => moves.map((m) => m.to);

describe("reviewMoves", () => {
  it("lets editors submit a draft, and nothing more", () => {
    expect(targets(reviewMoves("draft", "editor", false))).toEqual(["in_review"]);
  });
  it("lets an editor withdraw what is in review but not approve it", () => {
    expect(targets(reviewMoves("in_review", "editor", false))).toEqual(["draft"]);
  });
  it("lets an editor named reviewer approve as well as withdraw", () => {
    expect(targets(reviewMoves("in_review", "editor", true))).toEqual(["approved", "changes_requested", "draft"]);
  });
  it("lets a viewer named reviewer decide but never submit", () => {
    expect(targets(reviewMoves("in_review", "viewer", true))).toEqual(["approved", "changes_requested"]);
    expect(reviewMoves("draft", "viewer", true)).toEqual([]);
    expect(reviewMoves("approved", "viewer", true)).toEqual([]);
  });
  it("offers a plain viewer nothing", () => {
    for (const status of ["draft", "in_review", "changes_requested", "approved"] as const) {
      expect(reviewMoves(status, "viewer", false)).toEqual([]);
    }
  });
  it("offers owners every move from in review, and back to draft from approved", () => {
    expect(targets(reviewMoves("in_review", "owner", false))).toEqual(["approved", "changes_requested", "draft"]);
    expect(targets(reviewMoves("approved", "owner", false))).toEqual(["draft"]);
    expect(targets(reviewMoves("changes_requested", "owner", false))).toEqual(["in_review", "draft"]);
  });
  it("reads a missing status as draft and offers nothing before the role is known", () => {
    expect(targets(reviewMoves(undefined, "editor", false))).toEqual(["in_review"]);
    expect(reviewMoves("in_review", undefined, true)).toEqual([]);
  });
  it("asks for a note only when asking for changes", () => {
    expect(reviewMoves("in_review", "owner", false).map((m) => m.noteRequired)).toEqual([false, true, false]);
  });
});

describe("noteProblem", () => {
  const request = { to: "changes_requested" as const, label: "Request changes", noteRequired: true };
  const approve = { to: "approved" as const, label: "Approve", noteRequired: false };
  it("wants a note that says what to change", () => {
    expect(noteProblem("  ", request)).toMatch(/what should change/);
    expect(noteProblem("Warmer colours", request)).toBeNull();
    expect(noteProblem("", approve)).toBeNull();
  });
  it("counts characters, not UTF-16 units, up to 2,000", () => {
    expect(noteProblem("😀".repeat(2000), approve)).toBeNull();
    expect(noteProblem("a".repeat(2001), approve)).toMatch(/2,000/);
  });
});

describe("statusLabel", () => {
  it("names every state, a missing one as draft, and an unknown one as the server does", () => {
    expect(statusLabel("changes_requested")).toBe("Changes requested");
    expect(statusLabel(undefined)).toBe("Draft");
    expect(statusLabel("published")).toBe("published");
    expect(statusPalette("approved")).toBe("green");
    expect(statusPalette("published")).toBe("gray");
  });
});
