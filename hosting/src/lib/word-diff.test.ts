import { describe, expect, it } from "vitest";
import { diffStats, diffWords, sideOf, tokenize } from "./word-diff";

describe("tokenize", () => {
  it("keeps words, spaces and line breaks", () => {
    expect(tokenize("Hi  there,\nyou")).toEqual(["Hi", "  ", "there,", "\n", "you"]);
    expect(tokenize("")).toEqual([]);
  });
});

describe("diffWords", () => {
  it("says nothing changed for equal texts", () => {
    expect(diffWords("same words here", "same words here")).toEqual([{ kind: "same", text: "same words here" }]);
  });

  it("marks one replaced word", () => {
    expect(diffWords("a quick fox", "a slow fox")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "quick" },
      { kind: "added", text: "slow" },
      { kind: "same", text: " fox" },
    ]);
  });

  it("marks words added at the end and removed at the start", () => {
    expect(diffWords("Hello world", "Hello world again")).toEqual([
      { kind: "same", text: "Hello world" },
      { kind: "added", text: " again" },
    ]);
    expect(diffWords("Well, hello", "hello")).toEqual([
      { kind: "removed", text: "Well, " },
      { kind: "same", text: "hello" },
    ]);
  });

  it("keeps a replaced phrase together instead of interleaving its words", () => {
    expect(diffWords("x red big y", "x small blue y")).toEqual([
      { kind: "same", text: "x " },
      { kind: "removed", text: "red big" },
      { kind: "added", text: "small blue" },
      { kind: "same", text: " y" },
    ]);
  });

  it("finds the words kept between two changes", () => {
    const parts = diffWords("one two three four five", "ONE two three FOUR five");
    expect(parts.filter((part) => part.kind === "same").map((part) => part.text)).toEqual([" two three ", " five"]);
    expect(diffStats(parts)).toEqual({ added: 2, removed: 2 });
  });

  it("treats a changed word's case and punctuation as a change", () => {
    expect(diffStats(diffWords("Done.", "done"))).toEqual({ added: 1, removed: 1 });
  });

  it("gives back both texts exactly, line breaks included", () => {
    const before = "# Title\n\nFirst paragraph with some words.\n\n- item one\n- item two\n";
    const after = "# New title\n\nFirst paragraph with other words, and more.\n- item two\n\nThe end.";
    const parts = diffWords(before, after);
    expect(sideOf(parts, "before")).toBe(before);
    expect(sideOf(parts, "after")).toBe(after);
  });

  it("handles texts too large to compare word by word as a whole replacement", () => {
    const before = Array.from({ length: 2500 }, (_, i) => `a${i}`).join(" ");
    const after = Array.from({ length: 2500 }, (_, i) => `b${i}`).join(" ");
    const parts = diffWords(before, after);
    expect(parts.map((part) => part.kind)).toEqual(["removed", "added"]);
    expect(sideOf(parts, "after")).toBe(after);
  });

  it("compares against an empty text", () => {
    expect(diffWords("", "new text")).toEqual([{ kind: "added", text: "new text" }]);
    expect(diffWords("old", "")).toEqual([{ kind: "removed", text: "old" }]);
  });
});
