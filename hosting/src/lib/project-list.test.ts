import { describe, expect, it } from "vitest";
import { dedupeProjects, filterProjects, resultSummary } from "./project-list";
import type { Project } from "./api-types";

function project(id: string, name: string, extra: Partial<Project> = {}): Project {
  return { id, name, description: "", archived: false, role: "owner", createdBy: "u1", createdAt: "2026-11-01T10:00:00Z", updatedAt: "2026-11-01T10:00:00Z", version: 1, batchRunsChargeCreator: false, ...extra };
}

const all = [
  project("a", "Crème brûlée launch", { description: "Dessert menu for spring" }),
  project("b", "Winter newsletter", { archived: true }),
  project("c", "Spring campaign"),
];

describe("filterProjects", () => {
  it("hides archived projects unless asked", () => {
    expect(filterProjects(all, "", "active").map((p) => p.id)).toEqual(["a", "c"]);
    expect(filterProjects(all, "", "archived").map((p) => p.id)).toEqual(["b"]);
    expect(filterProjects(all, "", "all")).toHaveLength(3);
  });

  it("finds words in names and descriptions, ignoring case and accents", () => {
    expect(filterProjects(all, "creme", "all").map((p) => p.id)).toEqual(["a"]);
    expect(filterProjects(all, "SPRING", "all").map((p) => p.id)).toEqual(["a", "c"]);
  });

  it("needs every word to match", () => {
    expect(filterProjects(all, "spring menu", "all").map((p) => p.id)).toEqual(["a"]);
    expect(filterProjects(all, "spring winter", "all")).toEqual([]);
  });
});

describe("dedupeProjects", () => {
  it("keeps the first of each id", () => {
    expect(dedupeProjects([all[0], all[1], { ...all[0], name: "again" }]).map((p) => p.name)).toEqual([
      "Crème brûlée launch",
      "Winter newsletter",
    ]);
  });
});

describe("resultSummary", () => {
  it("says when the search only covers what is loaded", () => {
    expect(resultSummary(1, 20, true, true)).toBe("1 of the 20 projects loaded so far matches. Load more to search further.");
    expect(resultSummary(2, 5, false, true)).toBe("2 of 5 projects match.");
    expect(resultSummary(5, 5, false, false)).toBe("5 projects.");
  });
});
