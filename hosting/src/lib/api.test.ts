import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Api, toJobEvent } from "./api";
import type { Job } from "./api-types";
import { deleteContent, startGeneration, updateContent } from "./contents-api";
import { StreamBusy } from "./job-stream";
import { PeopleApi } from "./people-api";
import { ApiError, OFFLINE_MESSAGE } from "./problem";

const ORIGIN = "http://app.test";

/** What the server answers, in order; each request the app sent is kept with its body read. */
function server(...answers: Response[]) {
  const sent: { request: Request; body: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ request, body: await request.text() });
    const answer = answers.shift();
    if (!answer) throw new TypeError("Failed to fetch");
    return answer;
  });
  vi.stubGlobal("fetch", fetch);
  return sent;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

function problem(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json", ...headers } });
}

const tokens: boolean[] = [];
const token = async (refresh: boolean) => {
  tokens.push(refresh);
  return refresh ? "fresh" : "cached";
};

/** A job as the server answers it: queued, one text item. */
const job: Job = { id: "j1", projectId: "p1", kind: "text", provider: "demo", model: "demo-text", demo: true, status: "queued", itemCount: 1, completed: 0, failed: 0, cancelled: 0,
  prompt: "A haiku about tea", options: {}, fresh: false, requestedBy: "u1", createdAt: "2026-11-26T09:00:00Z", updatedAt: "2026-11-26T09:00:00Z",
  maxConcurrent: 0, budgetMicros: 0, costMicros: 0, items: [] };

beforeEach(() => {
  tokens.length = 0;
  vi.stubGlobal("window", { location: new URL(`${ORIGIN}/projects`) });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the API client", () => {
  it("signs each request in and fills the path from its parameters", async () => {
    const sent = server(json(200, { id: "p 1/2", name: "Launch" }));
    await new Api(token).getProject("p 1/2");
    expect(sent[0].request.url).toBe(`${ORIGIN}/api/projects/p%201%2F2`);
    expect(sent[0].request.headers.get("Authorization")).toBe("Bearer cached");
    expect(sent[0].request.headers.get("Accept")).toBe("application/json, application/problem+json");
  });

  it("sends a request turned away with 401 once more, with a fresh token and the same body", async () => {
    const sent = server(problem(401, { detail: "expired" }), json(201, { id: "p1", name: "Launch" }));
    const created = await new Api(token).createProject("Launch", "Spring");
    expect(created.id).toBe("p1");
    expect(tokens).toEqual([false, true]);
    expect(sent.map(({ request }) => request.headers.get("Authorization"))).toEqual(["Bearer cached", "Bearer fresh"]);
    expect(sent.map(({ body }) => JSON.parse(body))).toEqual([
      { name: "Launch", description: "Spring" },
      { name: "Launch", description: "Spring" },
    ]);
  });

  it("turns a problem into an ApiError with the server's words and the fields at fault", async () => {
    server(problem(400, { type: "/problems/invalid", title: "Bad", status: 400, detail: "Fix the name.", errors: [{ field: "name", message: "is required" }] }));
    const error = await new Api(token).createProject("", "").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: "Fix the name.", fieldProblems: [{ field: "name", message: "is required" }] });
  });

  it("words an error answer without a body by its status", async () => {
    server(new Response(null, { status: 404 }));
    await expect(new Api(token).getGeneration("p1", "j1")).rejects.toMatchObject({ status: 404, message: "That isn't there, or you don't have access to it." });
  });

  it("says so when the server can't be reached", async () => {
    server();
    await expect(new Api(token).listProjects(null)).rejects.toMatchObject({ status: 0, message: OFFLINE_MESSAGE });
  });

  it("asks for one page of a list, from the cursor it was given", async () => {
    const sent = server(json(200, { items: [], nextCursor: null }));
    await new Api(token).listContents("p1", "next/1");
    expect(sent[0].request.url).toBe(`${ORIGIN}/api/projects/p1/contents?limit=20&cursor=next%2F1`);
  });

  it("sends a generation's Idempotency-Key with its body", async () => {
    const sent = server(json(202, job));
    const started = await startGeneration(new Api(token), "p1", { kind: "text", prompt: "Hello", count: 1 }, "key-1");
    expect(started.id).toBe("j1");
    expect(sent[0].request.method).toBe("POST");
    expect(sent[0].request.headers.get("Idempotency-Key")).toBe("key-1");
    expect(sent[0].request.headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(sent[0].body)).toEqual({ kind: "text", prompt: "Hello", count: 1 });
  });

  it("sends If-Match with a change and gives back the new entity tag", async () => {
    const sent = server(json(200, { id: "c1", version: 4 }, { ETag: '"4"' }));
    const saved = await updateContent(new Api(token), "p1", "c1", '"3"', { title: "New" });
    expect(sent[0].request.method).toBe("PATCH");
    expect(sent[0].request.headers.get("If-Match")).toBe('"3"');
    expect(saved).toEqual({ value: { id: "c1", version: 4 }, etag: '"4"' });
  });

  it("takes an answer without a body (204) as done", async () => {
    const sent = server(new Response(null, { status: 204 }));
    await expect(deleteContent(new Api(token), "p1", "c1", '"2"')).resolves.toBeUndefined();
    expect(sent[0].request.method).toBe("DELETE");
  });

  it("sends a CSV file as it is, with its own type", async () => {
    const sent = server(json(200, { id: "b1", rows: [] }));
    await new PeopleApi(token).uploadRows("p1", "b1", new Blob(["topic\nbread\n"], { type: "text/csv" }));
    expect(sent[0].request.headers.get("Content-Type")).toBe("text/csv");
    expect(sent[0].body).toBe("topic\nbread\n");
  });

  it("sends the token with media from this app's server only", async () => {
    const sent = server(new Response("own"), new Response("other"));
    const api = new Api(token);
    await api.media("/api/projects/p1/contents/c1/media?version=1");
    await api.media("https://cdn.example/picture.png");
    expect(sent[0].request.headers.get("Authorization")).toBe("Bearer cached");
    expect(sent[1].request.headers.get("Authorization")).toBeNull();
  });
});

describe("following a job", () => {
  const stream = (text: string) => new Response(text, { headers: { "Content-Type": "text/event-stream" } });

  it("reads the events of one stream up to the end, resuming after the last id", async () => {
    const sent = server(
      stream(
        `retry: 2000\n\nid: v1\nevent: job\ndata: ${JSON.stringify(job)}\n\n` +
          `id: v1~0.e.5\nevent: delta\ndata: {"type":"delta","index":0,"text":"Hello"}\n\n` +
          `id: v1~0.e.5\nevent: end\ndata: ${JSON.stringify({ ...job, status: "completed" })}\n\n`,
      ),
    );
    const events: string[] = [];
    const ids: string[] = [];
    const ended = await new Api(token).followJob("p1", "j1", (event) => events.push(event.type), new AbortController().signal, "v0", {
      onEventId: (id) => ids.push(id),
      onRetry: () => undefined,
    });
    expect(ended).toBe(true);
    expect(events).toEqual(["job", "delta", "end"]);
    expect(ids).toEqual(["v1", "v1~0.e.5", "v1~0.e.5"]);
    expect(sent[0].request.url).toBe(`${ORIGIN}/api/projects/p1/generations/j1/events`);
    expect(sent[0].request.headers.get("Last-Event-ID")).toBe("v0");
    expect(sent[0].request.headers.get("Accept")).toBe("text/event-stream");
  });

  it("waits as long as the server says when too many streams are open", async () => {
    server(problem(429, { detail: "Too many live views." }, { "Retry-After": "7" }));
    const error = await new Api(token).followJob("p1", "j1", () => undefined, new AbortController().signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StreamBusy);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7_000 });
  });
});

describe("the job stream's events", () => {
  it("reads an item's end with its content and whether it came from the cache", () => {
    expect(toJobEvent("item", JSON.stringify({ type: "item", index: 2, status: "completed", contentId: "c1", cached: true }))).toEqual({
      type: "item",
      index: 2,
      status: "completed",
      contentId: "c1",
      cached: true,
      failureReason: undefined,
    });
  });

  it("refuses what the API does not describe", () => {
    expect(toJobEvent("item", JSON.stringify({ index: 0, status: "running" }))).toBeNull();
    expect(toJobEvent("job", JSON.stringify({ id: "j1", status: "queued" }))).toBeNull();
    expect(toJobEvent("end", JSON.stringify({ ...job, status: "paused" }))).toBeNull();
    expect(toJobEvent("progress", JSON.stringify({ index: 0 }))).toBeNull();
    expect(toJobEvent("delta", JSON.stringify({ index: -1, text: "x" }))).toBeNull();
  });
});
