// Search and the archived filter of the projects list, applied to the pages loaded so far.

import type { Project } from "./api-types";


export type ArchiveFilter = "active" | "archived" | "all";

/** Lower case without accents, so "creme" finds "Crème". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * The projects whose name or description holds every word of the search, in the list's order,
 * keeping only active, only archived, or all of them.
 */
export function filterProjects(projects: Project[], search: string, show: ArchiveFilter): Project[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return projects.filter((project) => {
    if (show === "active" && project.archived) return false;
    if (show === "archived" && !project.archived) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${project.name} ${project.description ?? ""}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Drops repeats of a project that moved between pages while they loaded. */
export function dedupeProjects(projects: Project[]): Project[] {
  const seen = new Set<string>();
  return projects.filter((project) => !seen.has(project.id) && Boolean(seen.add(project.id)));
}

/** What the list says about its count, for the live region under the search box. */
export function resultSummary(shown: number, loaded: number, more: boolean, searching: boolean): string {
  const noun = (n: number) => `${n} ${n === 1 ? "project" : "projects"}`;
  if (!searching) return `${noun(shown)}${more ? " loaded so far" : ""}.`;
  const of = more ? `the ${noun(loaded)} loaded so far` : noun(loaded);
  return `${shown} of ${of} ${shown === 1 ? "matches" : "match"}.${more ? " Load more to search further." : ""}`;
}
