// The API calls of share links: a project's links for its editors and owners (make, list, revoke),
// and the guest's calls without an account (open, unlock, media, review, comments), which send no token.

import createClient from "openapi-fetch";
import { bodyOf, pageQuery, type Api } from "./api";
import type { paths } from "./api-schema";
import type { Comment, Content, IssuedShare, NewShare, Share, SharedPage, Thread } from "./api-types";

export function listShares(api: Api, projectId: string, cursor: string | null) {
  return bodyOf(api.client.GET("/api/projects/{projectId}/shares", { params: { path: { projectId }, query: pageQuery(cursor) } }));
}

export function createShare(api: Api, projectId: string, body: NewShare): Promise<IssuedShare> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/shares", { params: { path: { projectId } }, body }));
}

export function revokeShare(api: Api, projectId: string, shareId: string): Promise<Share> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/shares/{shareId}/revoke", { params: { path: { projectId, shareId } } }));
}

/** A client of the guest routes: no token, ever; the session (for a link with a password) as a header. */
function guestClient() {
  return createClient<paths>({ baseUrl: window.location.origin });
}

const ACCEPT = "application/json, application/problem+json";

export function openShare(token: string, session: string | null): Promise<SharedPage> {
  return bodyOf(
    guestClient().GET("/api/shares/{token}", {
      params: { path: { token }, header: session ? { "X-Share-Session": session, Accept: ACCEPT } : { Accept: ACCEPT } },
    }),
  );
}

export function unlockShare(token: string, password: string): Promise<{ session: string; expiresAt: string }> {
  return bodyOf(guestClient().POST("/api/shares/{token}/unlock", { params: { path: { token } }, body: { password } }));
}

export function reviewShared(
  token: string,
  session: string | null,
  body: { contentId: string; status: "approved" | "changes_requested"; note?: string; guestName: string },
): Promise<Content> {
  return bodyOf(
    guestClient().POST("/api/shares/{token}/review", {
      params: { path: { token }, header: session ? { "X-Share-Session": session } : {} },
      body,
    }),
  );
}

export function sharedThreads(token: string, session: string | null, contentId: string): Promise<{ items: Thread[]; nextCursor: string | null }> {
  return bodyOf(
    guestClient().GET("/api/shares/{token}/comments", {
      params: { path: { token }, query: { contentId, limit: 100 }, header: session ? { "X-Share-Session": session } : {} },
    }),
  );
}

export function commentShared(
  token: string,
  session: string | null,
  body: { contentId: string; guestName: string; body: string; parentId?: string },
  idempotencyKey: string,
): Promise<Comment> {
  return bodyOf(
    guestClient().POST("/api/shares/{token}/comments", {
      params: {
        path: { token },
        header: { "Idempotency-Key": idempotencyKey, ...(session ? { "X-Share-Session": session } : {}) },
      },
      body,
    }),
  );
}
