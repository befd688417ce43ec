import { describe, expect, it } from "vitest";
import type { BrandKit } from "./api-types";
import { kitNameProblem, kitSummary } from "./brand-kits";

const kit = (voice: BrandKit["voice"]): BrandKit => ({
  id: "k1",
  projectId: "p1",
  name: "Bakery",
  isDefault: false,
  voice,
  version: 1,
  createdAt: "2026-12-03T00:00:00Z",
  updatedAt: "2026-12-03T00:00:00Z",
});

describe("brand kits", () => {
  it("checks a kit's name", () => {
    expect(kitNameProblem(" ")).toBe("Name the kit.");
    expect(kitNameProblem("x".repeat(61))).toBe("Keep the name to 60 characters.");
    expect(kitNameProblem("Bakery")).toBeNull();
  });

  it("sums a kit up in a line", () => {
    expect(kitSummary(kit({ tone: "warm", bannedWords: ["cheap", "sourdough"], requiredTerms: ["Acme"] }))).toBe(
      "warm tone · bans cheap, sourdough · requires Acme",
    );
    expect(kitSummary(kit({}))).toBe("No rules yet");
  });
});
