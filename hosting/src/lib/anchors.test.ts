import { describe, expect, test } from "vitest";
import { pointAnchor, segments, selectionAnchor } from "./anchors";

describe("segments", () => {
  const text = "The quick brown fox jumps over the lazy dog.";

  test("an unmarked text is one plain stretch", () => {
    expect(segments(text, [])).toEqual([{ text, start: 0, threads: [] }]);
  });

  test("a passage is cut out and marked for its thread", () => {
    const at = text.indexOf("brown fox");
    const parts = segments(text, [{ id: "t1", start: at, end: at + 9 }]);
    expect(parts.map((p) => p.text)).toEqual(["The quick ", "brown fox", " jumps over the lazy dog."]);
    expect(parts[1]).toEqual({ text: "brown fox", start: at, threads: ["t1"] });
    expect(parts.map((p) => p.text).join("")).toBe(text);
  });

  test("overlapping passages share the stretch where they overlap", () => {
    const parts = segments("abcdefgh", [
      { id: "a", start: 1, end: 5 },
      { id: "b", start: 3, end: 7 },
    ]);
    expect(parts).toEqual([
      { text: "a", start: 0, threads: [] },
      { text: "bc", start: 1, threads: ["a"] },
      { text: "de", start: 3, threads: ["a", "b"] },
      { text: "fg", start: 5, threads: ["b"] },
      { text: "h", start: 7, threads: [] },
    ]);
  });

  test("passages out of range are clipped or left out", () => {
    expect(segments("abc", [{ id: "x", start: 2, end: 10 }, { id: "y", start: 5, end: 8 }, { id: "z", start: 1, end: 1 }]))
      .toEqual([{ text: "ab", start: 0, threads: [] }, { text: "c", start: 2, threads: ["x"] }]);
  });
});

describe("selectionAnchor", () => {
  test("trims white space at the edges and takes the offsets of what is left", () => {
    expect(selectionAnchor("one  two three", 3, 9)).toEqual({ type: "text", quote: "two", start: 5, end: 8 });
  });
  test("a backwards selection is the same", () => {
    expect(selectionAnchor("one two", 7, 4)).toEqual({ type: "text", quote: "two", start: 4, end: 7 });
  });
  test("white space alone is no anchor", () => {
    expect(selectionAnchor("a   b", 1, 4)).toBeNull();
    expect(selectionAnchor("abc", 2, 2)).toBeNull();
  });
  test("a selection longer than the API takes is cut to 2000 characters", () => {
    const a = selectionAnchor("x".repeat(3000), 0, 3000);
    expect(a?.quote.length).toBe(2000);
    expect(a?.end).toBe(2000);
  });
});

describe("pointAnchor", () => {
  test("gives the press as fractions of the picture, kept within it", () => {
    const box = { left: 100, top: 50, width: 200, height: 100 };
    expect(pointAnchor(box, 150, 75)).toEqual({ type: "point", x: 0.25, y: 0.25 });
    expect(pointAnchor(box, 20, 400)).toEqual({ type: "point", x: 0, y: 1 });
  });
});
