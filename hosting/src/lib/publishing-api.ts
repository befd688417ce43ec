// The API calls of publishing: a project's connections (owners make, test and delete them) and
// its items' publications (editors publish, move, cancel and try again; members read them).

import { bodyOf, doneOf, pageQuery, type Api } from "./api";
import type { Connection, IssuedConnection, NewConnection, NewPublication, Publication } from "./api-types";

export function listConnections(api: Api, projectId: string): Promise<{ items: Connection[] }> {
  return bodyOf(api.client.GET("/api/projects/{projectId}/connections", { params: { path: { projectId } } }));
}

export function createConnection(api: Api, projectId: string, body: NewConnection): Promise<IssuedConnection> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/connections", { params: { path: { projectId } }, body }));
}

export function deleteConnection(api: Api, projectId: string, connectionId: string): Promise<void> {
  return doneOf(
    api.client.DELETE("/api/projects/{projectId}/connections/{connectionId}", { params: { path: { projectId, connectionId } } }),
  );
}

export function testConnection(api: Api, projectId: string, connectionId: string): Promise<Connection> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/connections/{connectionId}/test", { params: { path: { projectId, connectionId } } }),
  );
}

export function listItemPublications(api: Api, projectId: string, contentId: string, cursor: string | null) {
  return bodyOf(
    api.client.GET("/api/projects/{projectId}/contents/{contentId}/publications", {
      params: { path: { projectId, contentId }, query: pageQuery(cursor) },
    }),
  );
}

export function publishItem(api: Api, projectId: string, contentId: string, body: NewPublication): Promise<Publication> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/contents/{contentId}/publications", { params: { path: { projectId, contentId } }, body }),
  );
}

export function reschedulePublication(api: Api, projectId: string, publicationId: string, publishAt: string): Promise<Publication> {
  return bodyOf(
    api.client.PATCH("/api/projects/{projectId}/publications/{publicationId}", {
      params: { path: { projectId, publicationId } },
      body: { publishAt },
    }),
  );
}

export function cancelPublication(api: Api, projectId: string, publicationId: string): Promise<Publication> {
  return bodyOf(
    api.client.DELETE("/api/projects/{projectId}/publications/{publicationId}", { params: { path: { projectId, publicationId } } }),
  );
}

export function retryPublication(api: Api, projectId: string, publicationId: string): Promise<Publication> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/publications/{publicationId}/retry", { params: { path: { projectId, publicationId } } }),
  );
}
