// Calls for working together on content: comments on an item, the signed-in person's
// notifications, and the development outbox. Sent through api.ts's client (the person's ID token,
// one retry with a fresh token after a 401), like the other screens' calls.

import { Api, bodyOf, doneOf, pageQuery, type TokenSource } from "./api";
import type { Comment, NewComment, Notification, OutboxMessage, Thread, UnreadCount, User } from "./api-types";

export type EmailPreference = NonNullable<User["emailNotifications"]>;

export type ThreadFilter = "open" | "resolved" | "all";

export class CollabApi {
  private readonly client: Api["client"];

  constructor(token: TokenSource) {
    this.client = new Api(token).client;
  }

  /** One page of an item's threads, text anchors placed in `version`. */
  threads(projectId: string, contentId: string, version: number, filter: ThreadFilter, cursor: string | null): Promise<{ items: Thread[]; nextCursor: string | null }> {
    const query = { ...pageQuery(cursor, 50), version, ...(filter === "all" ? {} : { resolved: filter === "resolved" ? ("true" as const) : ("false" as const) }) };
    return bodyOf(this.client.GET("/api/projects/{projectId}/contents/{contentId}/comments", { params: { path: { projectId, contentId }, query } }));
  }

  /** Posts a comment or a reply; `key` makes a retried post answer the first comment instead of a second. */
  post(projectId: string, contentId: string, body: NewComment, key: string): Promise<Comment> {
    return bodyOf(
      this.client.POST("/api/projects/{projectId}/contents/{contentId}/comments", {
        params: { path: { projectId, contentId }, header: { "Idempotency-Key": key } },
        body,
      }),
    );
  }

  edit(projectId: string, contentId: string, commentId: string, body: string, mentions: string[]): Promise<Comment> {
    return bodyOf(
      this.client.PATCH("/api/projects/{projectId}/contents/{contentId}/comments/{commentId}", {
        params: { path: { projectId, contentId, commentId } },
        body: { body, mentions },
      }),
    );
  }

  remove(projectId: string, contentId: string, commentId: string): Promise<void> {
    return doneOf(this.client.DELETE("/api/projects/{projectId}/contents/{contentId}/comments/{commentId}", { params: { path: { projectId, contentId, commentId } } }));
  }

  /** Resolves (true) or reopens a thread by its first comment. */
  resolve(projectId: string, contentId: string, commentId: string, resolved: boolean): Promise<Comment> {
    const params = { params: { path: { projectId, contentId, commentId } } };
    return bodyOf(
      resolved
        ? this.client.POST("/api/projects/{projectId}/contents/{contentId}/comments/{commentId}/resolve", params)
        : this.client.POST("/api/projects/{projectId}/contents/{contentId}/comments/{commentId}/reopen", params),
    );
  }

  notifications(unreadOnly: boolean, cursor: string | null): Promise<{ items: Notification[]; nextCursor: string | null }> {
    return bodyOf(this.client.GET("/api/me/notifications", { params: { query: { ...pageQuery(cursor), ...(unreadOnly ? { unread: "true" as const } : {}) } } }));
  }

  unread(): Promise<UnreadCount> {
    return bodyOf(this.client.GET("/api/me/notifications/unread"));
  }

  mark(notificationId: string, read: boolean): Promise<Notification> {
    return bodyOf(this.client.PATCH("/api/me/notifications/{notificationId}", { params: { path: { notificationId } }, body: { read } }));
  }

  markAllRead(): Promise<{ updated: number }> {
    return bodyOf(this.client.POST("/api/me/notifications/read-all"));
  }

  /** Which notifications are also e-mailed to the signed-in person. */
  setEmailNotifications(emailNotifications: EmailPreference): Promise<User> {
    return bodyOf(this.client.PATCH("/api/me", { body: { emailNotifications } }));
  }

  /** The development outbox; rejects with a 404 ApiError where mail goes to a real server. */
  outbox(): Promise<{ items: OutboxMessage[] }> {
    return bodyOf(this.client.GET("/api/dev/outbox", { params: { query: { limit: 100 } } }));
  }
}
