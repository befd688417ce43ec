// Calls to the Content Creator HTTP API (/api/**), authorised with the signed-in user's ID token.

import { ApiError, OFFLINE_MESSAGE, responseToError } from "./problem";
import { SseParser } from "./sse";
import { StreamBusy, type StreamProgress } from "./job-stream";

export type Role = "owner" | "editor" | "viewer";
export type Kind = "text" | "image" | "video";
export type JobStatus = "queued" | "running" | "completed" | "failed" | "cancelled";
export type ItemStatus = "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";

export interface Project {
  id: string;
  name: string;
  description?: string | null;
  archived?: boolean;
  role: Role;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ContentVersion {
  number: number;
  text?: string | null;
  mediaUrl?: string | null;
  renditions?: Record<string, string>;
  dominantColor?: string;
  contentType?: string;
  width?: number | null;
  height?: number | null;
  createdAt: string;
}

export interface Content {
  id: string;
  projectId: string;
  kind: Kind;
  title?: string;
  preview?: string | null;
  demo?: boolean;
  currentVersion: number;
  current?: ContentVersion;
}

export interface JobItem {
  index: number;
  status: ItemStatus;
  contentId?: string;
  failureReason?: string;
  cached?: boolean;
  attempts?: number;
}

export interface Job {
  id: string;
  projectId: string;
  kind: Kind;
  demo?: boolean;
  status: JobStatus;
  itemCount: number;
  completed: number;
  failed: number;
  cancelled: number;
  prompt?: string;
  items: JobItem[];
}

/** One event of a job's live stream, already parsed. */
export type JobEvent =
  | { type: "job"; job: Job }
  | { type: "delta"; index: number; text: string }
  | { type: "reset"; index: number }
  | { type: "item"; index: number; status: ItemStatus; contentId?: string; failureReason?: string }
  | { type: "progress"; index: number; percent: number }
  | { type: "end"; job: Job };

export interface Health {
  status: string;
  demo?: boolean;
}

/** Gives the current user's ID token; `refresh` asks for a new one instead of the cached one. */
export type TokenSource = (refresh: boolean) => Promise<string>;

export const PAGE_SIZE = 20;

export async function getHealth(): Promise<Health> {
  const response = await fetch("/api/health", { headers: { Accept: "application/json" } });
  if (!response.ok) throw await responseToError(response);
  return (await response.json()) as Health;
}

export class Api {
  private readonly token: TokenSource;

  constructor(token: TokenSource) {
    this.token = token;
  }

  listProjects(cursor: string | null): Promise<Page<Project>> {
    return this.request(`/api/projects?${pageQuery(cursor)}`);
  }

  getProject(projectId: string): Promise<Project> {
    return this.request(`/api/projects/${encodeURIComponent(projectId)}`);
  }

  createProject(name: string, description: string): Promise<Project> {
    return this.request("/api/projects", {
      method: "POST",
      body: JSON.stringify(description ? { name, description } : { name }),
    });
  }

  listContents(projectId: string, cursor: string | null): Promise<Page<Content>> {
    return this.request(`/api/projects/${encodeURIComponent(projectId)}/contents?${pageQuery(cursor)}`);
  }

  getContent(projectId: string, contentId: string): Promise<Content> {
    return this.request(`/api/projects/${encodeURIComponent(projectId)}/contents/${encodeURIComponent(contentId)}`);
  }

  getGeneration(projectId: string, jobId: string): Promise<Job> {
    return this.request(`/api/projects/${encodeURIComponent(projectId)}/generations/${encodeURIComponent(jobId)}`);
  }

  cancelGeneration(projectId: string, jobId: string): Promise<Job> {
    return this.request(
      `/api/projects/${encodeURIComponent(projectId)}/generations/${encodeURIComponent(jobId)}:cancel`,
      { method: "POST" },
    );
  }

  /** Reads media (which needs the Authorization header) as a Blob, for showing via an object URL. */
  async media(url: string, signal?: AbortSignal): Promise<Blob> {
    // The token goes only to this app's own server, never to another address.
    const sameOrigin = new URL(url, window.location.href).origin === window.location.origin;
    const response = sameOrigin
      ? await this.authorised(url, { signal }, "image/*, video/*")
      : await fetch(url, { signal }).catch((error: unknown) => {
          if (signal?.aborted) throw error;
          throw new ApiError(OFFLINE_MESSAGE, 0);
        });
    if (!response.ok) throw await responseToError(response);
    return response.blob();
  }

  /**
   * Reads one stream of a job's events, calling `onEvent` for each, until `end` or until the
   * server closes it (each stream lasts a bounded time). With `lastEventId` the server sends only
   * what came after that event. Resolves true when the `end` event came; rejects with an
   * ApiError when the stream can't be opened (a StreamBusy when too many are open).
   * See `followLive` for following a job across streams.
   */
  async followJob(
    projectId: string,
    jobId: string,
    onEvent: (event: JobEvent) => void,
    signal: AbortSignal,
    lastEventId?: string,
    progress?: StreamProgress,
  ): Promise<boolean> {
    const path = `/api/projects/${encodeURIComponent(projectId)}/generations/${encodeURIComponent(jobId)}/events`;
    const headers: Record<string, string> = lastEventId ? { "Last-Event-ID": lastEventId } : {};
    const response = await this.authorised(path, { signal, cache: "no-store", headers }, "text/event-stream");
    if (response.status === 429) {
      const error = await responseToError(response);
      const seconds = Number(response.headers.get("Retry-After"));
      throw new StreamBusy(error.message, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 5_000);
    }
    if (!response.ok) throw await responseToError(response);
    if (!response.body) throw new ApiError("This browser can't follow the job live.", 0);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser({ onRetry: (ms) => progress?.onRetry(ms) });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return false;
        for (const raw of parser.push(value)) {
          const event = toJobEvent(raw.event, raw.data);
          if (event) onEvent(event);
          // The id counts only once its event is applied, so a break right here loses nothing.
          if (raw.id !== undefined) progress?.onEventId(raw.id);
          if (event?.type === "end") return true;
        }
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }

  /**
   * An authorised request whose answer the caller reads itself: for headers such as ETag, answers
   * without a body (204), or files.
   */
  fetch(path: string, init: RequestInit = {}, accept = "application/json, application/problem+json"): Promise<Response> {
    return this.authorised(path, init, accept);
  }

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.authorised(path, init, "application/json, application/problem+json");
    if (!response.ok) throw await responseToError(response);
    return (await response.json()) as T;
  }

  private async authorised(path: string, init: RequestInit, accept: string): Promise<Response> {
    let response = await this.send(path, init, accept, false);
    // A 401 means the server turned the token away before doing anything, so one retry
    // with a freshly minted token is safe even for a POST.
    if (response.status === 401) response = await this.send(path, init, accept, true);
    return response;
  }

  private async send(path: string, init: RequestInit, accept: string, refresh: boolean): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("Accept", accept);
    headers.set("Authorization", `Bearer ${await this.token(refresh)}`);
    if (init.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    try {
      return await fetch(path, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError(OFFLINE_MESSAGE, 0);
    }
  }
}

function pageQuery(cursor: string | null): URLSearchParams {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) query.set("cursor", cursor);
  return query;
}

/** Reads one event of the job stream; unknown or malformed events give null. */
export function toJobEvent(name: string, data: string): JobEvent | null {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null) return null;
  const index = typeof body.index === "number" ? body.index : -1;
  switch (name) {
    case "job":
    case "end":
      return typeof body.id === "string" ? { type: name, job: body as unknown as Job } : null;
    case "delta":
      return index >= 0 && typeof body.text === "string" ? { type: "delta", index, text: body.text } : null;
    case "reset":
      return index >= 0 ? { type: "reset", index } : null;
    case "item":
      return index >= 0 && typeof body.status === "string"
        ? {
            type: "item",
            index,
            status: body.status as ItemStatus,
            contentId: typeof body.contentId === "string" ? body.contentId : undefined,
            failureReason: typeof body.failureReason === "string" ? body.failureReason : undefined,
          }
        : null;
    case "progress":
      return index >= 0 && typeof body.percent === "number" ? { type: "progress", index, percent: body.percent } : null;
  }
  return null;
}
