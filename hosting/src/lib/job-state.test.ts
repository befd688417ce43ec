import { describe, expect, it } from "vitest";
import { toJobEvent } from "./api";
import { applyJobEvent, fallbackNote, startLiveJob, type LiveJob } from "./job-state";
import type { Job } from "./api-types";

const job: Job = {
  id: "j1",
  projectId: "p1",
  kind: "text",
  provider: "demo",
  model: "demo-text",
  demo: true,
  status: "running",
  itemCount: 2,
  completed: 0,
  failed: 0,
  cancelled: 0,
  prompt: "A haiku about tea",
  options: {},
  fresh: false,
  requestedBy: "u1",
  createdAt: "2026-11-26T09:00:00Z",
  updatedAt: "2026-11-26T09:00:02Z",
  maxConcurrent: 2,
  budgetMicros: 0,
  costMicros: 0,
  items: [
    { index: 0, status: "running", cached: false, attempts: 1 },
    { index: 1, status: "queued", cached: false, attempts: 0 },
  ],
};

function feed(state: LiveJob, ...raw: [string, unknown][]): LiveJob {
  return raw.reduce((current, [name, data]) => {
    const event = toJobEvent(name, JSON.stringify(data));
    if (!event) throw new Error(`not an event: ${name}`);
    return applyJobEvent(current, event);
  }, state);
}

describe("the live view of a job", () => {
  it("adds streamed text to its item", () => {
    const state = feed(startLiveJob(job), ["delta", { index: 0, text: "Hello" }], ["delta", { index: 0, text: " there" }]);
    expect(state.texts[0]).toBe("Hello there");
    expect(state.texts[1]).toBeUndefined();
  });

  it("drops an item's text on reset so a retry starts clean", () => {
    const state = feed(
      startLiveJob(job),
      ["delta", { index: 0, text: "first try" }],
      ["delta", { index: 1, text: "other item" }],
      ["reset", { index: 0 }],
      ["delta", { index: 0, text: "second" }],
    );
    expect(state.texts).toEqual({ 0: "second", 1: "other item" });
  });

  it("records an item's failure reason", () => {
    const state = feed(startLiveJob(job), ["item", { index: 1, status: "failed", failureReason: "The prompt was refused." }]);
    expect(state.job.items[1]).toMatchObject({ status: "failed", failureReason: "The prompt was refused." });
  });

  it("marks an item served from the cache as it ends", () => {
    const state = feed(startLiveJob(job), ["item", { index: 1, status: "completed", contentId: "c1", cached: true }]);
    expect(state.job.items[1]).toMatchObject({ status: "completed", contentId: "c1", cached: true });
  });

  it("adds an item the job had not listed yet", () => {
    const state = feed(startLiveJob({ ...job, items: [] }), ["item", { index: 1, status: "failed", failureReason: "No." }]);
    expect(state.job.items).toEqual([{ index: 1, status: "failed", failureReason: "No.", cached: false, attempts: 0 }]);
  });

  it("ends on the end event with the final job", () => {
    const state = feed(startLiveJob(job), ["end", { ...job, status: "completed", completed: 2 }]);
    expect(state.ended).toBe(true);
    expect(state.job.completed).toBe(2);
  });

  it("keeps the text it has when a whole-job update arrives", () => {
    const state = feed(startLiveJob(job), ["delta", { index: 0, text: "kept" }], ["job", { ...job, completed: 1 }]);
    expect(state.texts[0]).toBe("kept");
    expect(state.ended).toBe(false);
  });

  it("ignores events it doesn't know or can't read", () => {
    expect(toJobEvent("delta", "not json")).toBeNull();
    expect(toJobEvent("delta", JSON.stringify({ text: "no index" }))).toBeNull();
    expect(toJobEvent("something-new", "{}")).toBeNull();
  });
});

describe("fallbackNote", () => {
  it("names the provider and model that made an item in the failing provider's place", () => {
    expect(fallbackNote({ provider: "anthropic" }, { provider: "openai", model: "gpt-4o-mini" })).toBe(
      "Made by openai (gpt-4o-mini): anthropic was failing",
    );
  });

  it("says nothing when the job's own provider made it, or nobody is named", () => {
    expect(fallbackNote({ provider: "anthropic" }, { provider: "anthropic", model: "claude-sonnet-4-5" })).toBeNull();
    expect(fallbackNote({ provider: "anthropic" }, {})).toBeNull();
  });
});
