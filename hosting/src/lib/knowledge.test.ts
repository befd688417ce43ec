import { describe, expect, it } from "vitest";
import { documentState, scorePercent, stillIndexing, urlProblem } from "./knowledge";

describe("brand knowledge", () => {
  it("says how far a document got", () => {
    expect(documentState({ status: "ready", passageCount: 3, reason: null })).toBe("Ready: 3 passages");
    expect(documentState({ status: "ready", passageCount: 1, reason: null })).toBe("Ready: 1 passage");
    expect(documentState({ status: "queued", passageCount: 9, reason: null })).toBe("Waiting to be indexed");
    expect(documentState({ status: "failed", passageCount: 0, reason: "The PDF could not be read." })).toBe(
      "Failed: The PDF could not be read.",
    );
  });

  it("looks again only while a document is on its way", () => {
    expect(stillIndexing([{ status: "ready" }, { status: "indexing" }])).toBe(true);
    expect(stillIndexing([{ status: "ready" }, { status: "failed" }])).toBe(false);
  });

  it("shows a score as a percentage", () => {
    expect(scorePercent(0.734)).toBe("73%");
    expect(scorePercent(-0.2)).toBe("0%");
  });

  it("checks an address before sending it", () => {
    expect(urlProblem("")).toBe("Enter the page's address.");
    expect(urlProblem("not a url")).toBe("That is not a web address.");
    expect(urlProblem("ftp://example.org/x")).toBe("Use an https address.");
    expect(urlProblem("https://example.org/brand")).toBeNull();
  });
});
