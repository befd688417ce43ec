import { describe, expect, it } from "vitest";
import { DEFAULT_STYLE, isFont, styleProblems } from "./export-style";

describe("styleProblems", () => {
  it("finds nothing wrong with the default", () => {
    expect(styleProblems(DEFAULT_STYLE)).toEqual({});
  });

  it("wants the accent as #rrggbb and the footer as one short line", () => {
    expect(styleProblems({ ...DEFAULT_STYLE, accentColor: "red" }).accentColor).toMatch(/#rrggbb/);
    expect(styleProblems({ ...DEFAULT_STYLE, footer: "a\nb" }).footer).toBe("One line.");
    expect(styleProblems({ ...DEFAULT_STYLE, footer: "x".repeat(201) }).footer).toMatch(/200/);
    expect(styleProblems({ ...DEFAULT_STYLE, footer: "é".repeat(200) })).toEqual({});
  });

  it("knows the three font families", () => {
    expect(isFont("serif")).toBe(true);
    expect(isFont("comic")).toBe(false);
  });
});
