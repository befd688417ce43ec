// Calls to the Content Creator HTTP API (/api/**), authorised with the signed-in user's ID token.
// Paths, parameters, bodies and answers are typed from docs/openapi.yaml (api-schema.d.ts):
// openapi-fetch builds each request from them, and this client signs it in, retries it once with
// a fresh token after a 401, and turns an error answer or a lost connection into an ApiError.

import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./api-schema";
import type { Content, Health, Job, JobEvent, Project, ProjectWithUsage, Tagged } from "./api-types";
import { StreamBusy, type StreamProgress } from "./job-stream";
import { ApiError, OFFLINE_MESSAGE, problemToError, responseToError } from "./problem";
import { SseParser } from "./sse";
import { toItemLiveEvent, type ItemLiveEvent } from "./item-live";

/** Gives the current user's ID token; `refresh` asks for a new one instead of the cached one. */
export type TokenSource = (refresh: boolean) => Promise<string>;

export const PAGE_SIZE = 20;

const JSON_ACCEPT = "application/json, application/problem+json";
const EMPTY_MESSAGE = "The server's answer was empty. Try again in a moment.";

/**
 * What openapi-fetch answers: the parsed body of a success (`data`), or of an error (`error`, a
 * problem as the API describes it, or nothing), with the response.
 */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer; rejects with an ApiError holding the server's words otherwise. */
export async function bodyOf<A extends Answer>(pending: Promise<A>): Promise<NonNullable<A["data"]>> {
  return dataOf(await pending);
}

/** The body of a successful answer with its ETag (the server's tags are the version, quoted). */
export async function taggedBodyOf<A extends Answer & { data?: { version: number } }>(pending: Promise<A>): Promise<Tagged<NonNullable<A["data"]>>> {
  const answer = await pending;
  const value = dataOf(answer);
  return { value, etag: answer.response.headers.get("ETag") ?? etag(value.version) };
}

/** Waits for an answer that has no body to read (204), rejecting as bodyOf does. */
export async function doneOf(pending: Promise<Answer>): Promise<void> {
  checked(await pending);
}

/** The body of a successful answer, which a JSON answer always has. */
function dataOf<A extends Answer>(answer: A): NonNullable<A["data"]> {
  const { data } = checked(answer);
  if (data === undefined || data === null) throw new ApiError(EMPTY_MESSAGE, answer.response.status);
  return data;
}

/** The answer when it is a success; throws the ApiError of an error answer. */
function checked<A extends Answer>(answer: A): A {
  // An error answer without a body has an undefined error, so the status decides.
  if (!answer.response.ok) {
    throw problemToError(answer.response.status, answer.error, answer.response.headers.get("Retry-After"));
  }
  return answer;
}

/** The entity tag the server gives a resource at this version, for If-Match. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** The query of one page of a list. */
export function pageQuery(cursor: string | null, limit = PAGE_SIZE): { limit: number; cursor?: string } {
  return cursor ? { limit, cursor } : { limit };
}

export async function getHealth(): Promise<Health> {
  // Anyone may ask, signed in or not: no token.
  return bodyOf(createClient<paths>({ baseUrl: window.location.origin }).GET("/api/health", { headers: { Accept: JSON_ACCEPT } }));
}

/**
 * The text reader of an answer that opened a live stream, or the error of one that did not: a
 * StreamBusy (with its Retry-After) when the person has too many streams open, else the problem.
 */
function streamReader<A extends Answer & { data?: ReadableStream<Uint8Array<ArrayBuffer>> | null }>(answer: A, what: string): ReadableStreamDefaultReader<string> {
  if (answer.response.status === 429) {
    const error = problemToError(429, answer.error, answer.response.headers.get("Retry-After"));
    const seconds = Number(answer.response.headers.get("Retry-After"));
    throw new StreamBusy(error.message, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 5_000);
  }
  const { data: body } = checked(answer);
  if (!body) throw new ApiError(`This browser can't follow the ${what} live.`, 0);
  return body.pipeThrough(new TextDecoderStream()).getReader();
}

export class Api {
  /** The typed client of every route; requests made with it are signed in like the calls below. */
  readonly client: Client<paths>;
  private readonly token: TokenSource;

  constructor(token: TokenSource) {
    this.token = token;
    this.client = createClient<paths>({ baseUrl: window.location.origin, fetch: (request) => this.authorised(request) });
  }

  listProjects(cursor: string | null) {
    return bodyOf(this.client.GET("/api/projects", { params: { query: pageQuery(cursor) } }));
  }

  getProject(projectId: string): Promise<ProjectWithUsage> {
    return bodyOf(this.client.GET("/api/projects/{projectId}", { params: { path: { projectId } } }));
  }

  createProject(name: string, description: string): Promise<Project> {
    return bodyOf(this.client.POST("/api/projects", { body: description ? { name, description } : { name } }));
  }

  listContents(projectId: string, cursor: string | null) {
    return bodyOf(this.client.GET("/api/projects/{projectId}/contents", { params: { path: { projectId }, query: pageQuery(cursor) } }));
  }

  getContent(projectId: string, contentId: string): Promise<Content> {
    return bodyOf(this.client.GET("/api/projects/{projectId}/contents/{contentId}", { params: { path: { projectId, contentId } } }));
  }

  getGeneration(projectId: string, jobId: string): Promise<Job> {
    return bodyOf(this.client.GET("/api/projects/{projectId}/generations/{jobId}", { params: { path: { projectId, jobId } } }));
  }

  cancelGeneration(projectId: string, jobId: string): Promise<Job> {
    return bodyOf(this.client.POST("/api/projects/{projectId}/generations/{jobId}/cancel", { params: { path: { projectId, jobId } } }));
  }

  /** Reads media (which needs the Authorization header) as a Blob, for showing via an object URL. */
  async media(url: string, signal?: AbortSignal): Promise<Blob> {
    const address = new URL(url, window.location.href);
    // The token goes only to this app's own server, never to another address.
    const response =
      address.origin === window.location.origin
        ? await this.authorised(new Request(address, { signal, headers: { Accept: "image/*, video/*" } }))
        : await fetch(address, { signal }).catch((error: unknown) => {
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
    const answer = await this.client.GET("/api/projects/{projectId}/generations/{jobId}/events", {
      params: { path: { projectId, jobId }, header: { "Last-Event-ID": lastEventId } },
      headers: { Accept: "text/event-stream" },
      parseAs: "stream",
      cache: "no-store",
      signal,
    });
    const reader = streamReader(answer, "job");
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
   * Reads one stream of what changes on a content item and who views it, calling `onEvent` for
   * each `presence` and `change`, until the server closes it (each stream lasts a bounded time).
   * Rejects with an ApiError when the stream can't be opened (a StreamBusy when too many are open).
   * See `useItemLive` for following an item across streams.
   */
  async followItem(
    projectId: string,
    contentId: string,
    onEvent: (event: ItemLiveEvent) => void,
    signal: AbortSignal,
    onRetry?: (ms: number) => void,
  ): Promise<void> {
    const answer = await this.client.GET("/api/projects/{projectId}/contents/{contentId}/live", {
      params: { path: { projectId, contentId } },
      headers: { Accept: "text/event-stream" },
      parseAs: "stream",
      cache: "no-store",
      signal,
    });
    const reader = streamReader(answer, "item");
    const parser = new SseParser({ onRetry });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const raw of parser.push(value)) {
          const event = toItemLiveEvent(raw.event, raw.data);
          if (event) onEvent(event);
        }
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }

  private async authorised(request: Request): Promise<Response> {
    // Kept unread for a second try: a 401 means the server turned the token away before doing
    // anything, so one retry with a freshly minted token is safe even for a POST.
    const again = request.clone();
    const response = await this.send(request, false);
    return response.status === 401 ? this.send(again, true) : response;
  }

  private async send(request: Request, refresh: boolean): Promise<Response> {
    const headers = new Headers(request.headers);
    if (!headers.has("Accept")) headers.set("Accept", JSON_ACCEPT);
    headers.set("Authorization", `Bearer ${await this.token(refresh)}`);
    try {
      return await fetch(new Request(request, { headers }));
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new ApiError(OFFLINE_MESSAGE, 0);
    }
  }
}

const JOB_STATUSES: readonly Job["status"][] = ["queued", "running", "completed", "failed", "cancelled"];

/** Reads one event of the job stream; unknown or malformed events give null. */
export function toJobEvent(name: string, data: string): JobEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null) return null;
  if (name === "job" || name === "end") return isJob(body) ? { type: name, job: body } : null;
  const index = "index" in body && typeof body.index === "number" && body.index >= 0 ? body.index : null;
  if (index === null) return null;
  switch (name) {
    case "delta":
      return "text" in body && typeof body.text === "string" ? { type: "delta", index, text: body.text } : null;
    case "reset":
      return { type: "reset", index };
    case "item": {
      // An item event reports the item's end.
      const status = "status" in body ? body.status : undefined;
      if (status !== "completed" && status !== "failed") return null;
      return {
        type: "item",
        index,
        status,
        contentId: "contentId" in body && typeof body.contentId === "string" ? body.contentId : undefined,
        cached: "cached" in body && typeof body.cached === "boolean" ? body.cached : undefined,
        failureReason: "failureReason" in body && typeof body.failureReason === "string" ? body.failureReason : undefined,
      };
    }
    case "progress":
      return "percent" in body && typeof body.percent === "number" ? { type: "progress", index, percent: body.percent } : null;
  }
  return null;
}

/** Whether a parsed event is a job: its id, a known status and its items, as the API describes it. */
function isJob(body: object): body is Job {
  return (
    "id" in body &&
    typeof body.id === "string" &&
    "status" in body &&
    JOB_STATUSES.some((status) => status === body.status) &&
    "items" in body &&
    Array.isArray(body.items)
  );
}
