import { describe, expect, it } from "vitest";
import { findingSegments, flaggedLabel, hasRules, parseRules, parseSamples, parseStyle, ruleLabel, rulesFormOf, styleFormOf } from "./brand-rules";
import type { Finding } from "./api-types";

const empty = { requiredTerms: "", minWords: "", maxWords: "", maxReadingGrade: "" };

describe("parseRules", () => {
  it("reads terms, bounds and the grade", () => {
    expect(parseRules({ requiredTerms: "Acme, fresh bread\nacme", minWords: " 50 ", maxWords: "200", maxReadingGrade: "8.5" })).toEqual({
      rules: { requiredTerms: ["Acme", "fresh bread"], minWords: 50, maxWords: 200, maxReadingGrade: 8.5 },
      errors: {},
    });
  });

  it("leaves empty bounds unset", () => {
    expect(parseRules(empty).rules).toEqual({ requiredTerms: [], minWords: null, maxWords: null, maxReadingGrade: null });
  });

  it("refuses the least above the most", () => {
    expect(parseRules({ ...empty, minWords: "300", maxWords: "200" }).errors).toEqual({ minWords: "The least can’t be above the most." });
  });

  it("refuses bounds that are not whole numbers of words", () => {
    expect(parseRules({ ...empty, minWords: "2.5", maxWords: "0" }).errors).toEqual({
      minWords: "A whole number of words from 1 to 100000.",
      maxWords: "A whole number of words from 1 to 100000.",
    });
  });

  it("refuses a grade outside 1 to 20", () => {
    expect(parseRules({ ...empty, maxReadingGrade: "25" }).errors.maxReadingGrade).toBe("A grade from 1 to 20.");
    expect(parseRules({ ...empty, maxReadingGrade: "easy" }).errors.maxReadingGrade).toBe("A grade from 1 to 20.");
  });

  it("refuses a term over 50 characters", () => {
    expect(parseRules({ ...empty, requiredTerms: "x".repeat(51) }).errors.requiredTerms).toMatch(/longer than 50/);
  });
});

describe("rulesFormOf", () => {
  it("shows a voice's rules and nothing for unset ones", () => {
    expect(rulesFormOf({ requiredTerms: ["Acme", "rye"], maxWords: 200, maxReadingGrade: 8 })).toEqual({
      requiredTerms: "Acme, rye",
      minWords: "",
      maxWords: "200",
      maxReadingGrade: "8",
    });
    expect(rulesFormOf(null)).toEqual(empty);
  });
});

describe("hasRules", () => {
  it("is true only for a voice with a rule texts are checked against", () => {
    expect(hasRules({ tone: "warm", systemPrompt: "Be kind" })).toBe(false);
    expect(hasRules({ bannedWords: ["cheap"] })).toBe(true);
    expect(hasRules({ maxReadingGrade: 9 })).toBe(true);
    expect(hasRules(undefined)).toBe(false);
  });
});

describe("findingSegments", () => {
  const text = "Cheap bread, cheap rolls.";
  const findings: Finding[] = [
    { rule: "banned-term", message: "m", passage: "Cheap", start: 0, end: 5 },
    { rule: "required-term", message: "no Acme" },
    { rule: "banned-term", message: "m", passage: "cheap", start: 13, end: 18 },
  ];

  it("marks each passage with its finding's index and leaves passageless findings out", () => {
    expect(findingSegments(text, findings)).toEqual([
      { text: "Cheap", start: 0, threads: ["0"] },
      { text: " bread, ", start: 5, threads: [] },
      { text: "cheap", start: 13, threads: ["2"] },
      { text: " rolls.", start: 18, threads: [] },
    ]);
  });

  it("joins back into the text", () => {
    expect(findingSegments(text, findings).map((s) => s.text).join("")).toBe(text);
  });
});

describe("labels", () => {
  it("names the rules and the flagged count", () => {
    expect(ruleLabel("max-words")).toBe("Too long");
    expect(ruleLabel("required-term")).toBe("Missing term");
    expect(flaggedLabel(2)).toBe("2 flagged");
    expect(flaggedLabel(0)).toBe("");
    expect(flaggedLabel(undefined)).toBe("");
  });
});

describe("image style", () => {
  it("reads a preset, leaving empty fields unset", () => {
    expect(parseStyle({ stylePrompt: " watercolour ", aspectRatio: "16:9", negativePrompt: "" })).toEqual({
      imageStyle: { stylePrompt: "watercolour", aspectRatio: "16:9", negativePrompt: null },
      errors: {},
    });
  });

  it("is no preset when every field is empty", () => {
    expect(parseStyle({ stylePrompt: " ", aspectRatio: "", negativePrompt: "" }).imageStyle).toBeNull();
  });

  it("refuses a ratio that is not two whole numbers and overlong prompts", () => {
    expect(parseStyle({ stylePrompt: "s".repeat(501), aspectRatio: "wide", negativePrompt: "n".repeat(1001) }).errors).toEqual({
      stylePrompt: "At most 500 characters.",
      aspectRatio: "Two whole numbers such as 16:9.",
      negativePrompt: "At most 1000 characters.",
    });
    expect(parseStyle({ stylePrompt: "", aspectRatio: "0:9", negativePrompt: "" }).errors.aspectRatio).toBeDefined();
  });

  it("shows a voice's preset", () => {
    expect(styleFormOf({ imageStyle: { aspectRatio: "1:1" } })).toEqual({ stylePrompt: "", aspectRatio: "1:1", negativePrompt: "" });
    expect(styleFormOf(null)).toEqual({ stylePrompt: "", aspectRatio: "", negativePrompt: "" });
  });
});

describe("parseSamples", () => {
  it("splits on a dashed line or two blank lines and drops empty ones", () => {
    expect(parseSamples("First sample.\n---\nSecond one,\nstill second.\n\n\n\nThird.\n-----\n")).toEqual({
      samples: ["First sample.", "Second one,\nstill second.", "Third."],
      error: "",
    });
  });

  it("keeps one blank line inside a sample", () => {
    expect(parseSamples("Para one.\n\nPara two.").samples).toEqual(["Para one.\n\nPara two."]);
  });

  it("refuses none, too many and too long", () => {
    expect(parseSamples("  \n---\n ").error).toBe("Paste at least one sample text.");
    expect(parseSamples(Array.from({ length: 11 }, (_, i) => `s${i}`).join("\n---\n")).error).toBe("Paste at most 10 samples (now 11).");
    expect(parseSamples("x".repeat(5001)).error).toBe("Each sample may have at most 5000 characters.");
    expect(parseSamples(["a", "b", "c", "d"].map((c) => c.repeat(4000)).join("\n---\n")).error).toBe(
      "The samples may have at most 15000 characters in all.",
    );
  });
});
