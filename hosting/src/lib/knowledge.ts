// How the web app shows brand knowledge: a document's state in words, and a score as a percentage.

import type { KnowledgeDocument } from "./api-types";

/** A document's state as a person reads it. */
export function documentState(doc: Pick<KnowledgeDocument, "status" | "passageCount" | "reason">): string {
  switch (doc.status) {
    case "ready":
      return doc.passageCount === 1 ? "Ready: 1 passage" : `Ready: ${doc.passageCount} passages`;
    case "queued":
      return "Waiting to be indexed";
    case "indexing":
      return "Indexing…";
    default:
      return `Failed: ${doc.reason ?? "no reason given"}`;
  }
}

/** Whether the list should look again soon: a document is still on its way. */
export function stillIndexing(docs: Pick<KnowledgeDocument, "status">[]): boolean {
  return docs.some((d) => d.status === "queued" || d.status === "indexing");
}

/** A cosine similarity as a whole percentage, never below 0. */
export function scorePercent(score: number): string {
  return `${Math.max(0, Math.round(score * 100))}%`;
}

/** The message of a URL that cannot be sent, or null when it can. */
export function urlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return "Enter the page's address.";
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "Use an https address.";
  } catch {
    return "That is not a web address.";
  }
  return null;
}
