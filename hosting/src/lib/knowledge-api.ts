// The API calls of a project's brand knowledge: list its documents, add one (a file, or a web
// page by address), delete one, and search its passages by meaning.

import { bodyOf, doneOf, pageQuery, type Api } from "./api";
import type { KnowledgeDocument, KnowledgeSource } from "./api-types";

export function listKnowledge(api: Api, projectId: string, cursor: string | null) {
  return bodyOf(api.client.GET("/api/projects/{projectId}/knowledge", { params: { path: { projectId }, query: pageQuery(cursor) } }));
}

/** Uploads a file as it is; the server tells its kind from its bytes. */
export function uploadKnowledge(api: Api, projectId: string, file: File): Promise<KnowledgeDocument> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/knowledge", {
      params: { path: { projectId }, query: { name: file.name } },
      // Sent as it is, not as JSON.
      body: file as unknown as string,
      bodySerializer: (raw) => raw,
      headers: { "Content-Type": "application/octet-stream" },
    }),
  );
}

export function addKnowledgeUrl(api: Api, projectId: string, url: string): Promise<KnowledgeDocument> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/knowledge", { params: { path: { projectId } }, body: { url } }));
}

export function deleteKnowledge(api: Api, projectId: string, docId: string): Promise<void> {
  return doneOf(api.client.DELETE("/api/projects/{projectId}/knowledge/{docId}", { params: { path: { projectId, docId } } }));
}

export async function searchKnowledge(api: Api, projectId: string, q: string): Promise<KnowledgeSource[]> {
  const answer = await bodyOf(api.client.GET("/api/projects/{projectId}/knowledge/search", { params: { path: { projectId }, query: { q } } }));
  return answer.items;
}
