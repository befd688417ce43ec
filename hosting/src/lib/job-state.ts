// What the live view of one job shows, kept up to date from its events.

import type { Job, JobEvent, JobItem } from "./api-types";

export interface LiveJob {
  job: Job;
  /** Text streamed so far, by item index. */
  texts: Record<number, string>;
  /** Percent done, by item index, for media items that report it. */
  progress: Record<number, number>;
  ended: boolean;
}

export function startLiveJob(job: Job): LiveJob {
  return { job, texts: {}, progress: {}, ended: isFinished(job) };
}

export function isFinished(job: Job): boolean {
  return job.status === "completed" || job.status === "failed" || job.status === "cancelled";
}

export function applyJobEvent(state: LiveJob, event: JobEvent): LiveJob {
  switch (event.type) {
    case "job":
      return { ...state, job: event.job, ended: state.ended || isFinished(event.job) };
    case "end":
      return { ...state, job: event.job, ended: true };
    case "delta":
      return { ...state, texts: { ...state.texts, [event.index]: (state.texts[event.index] ?? "") + event.text } };
    case "reset": {
      const texts = { ...state.texts };
      delete texts[event.index];
      return { ...state, texts };
    }
    case "progress":
      return { ...state, progress: { ...state.progress, [event.index]: event.percent } };
    case "item": {
      const change: Partial<JobItem> = { status: event.status };
      if (event.contentId) change.contentId = event.contentId;
      if (event.failureReason) change.failureReason = event.failureReason;
      if (event.cached !== undefined) change.cached = event.cached;
      const items = itemsWith(state.job, event.index, change);
      return { ...state, job: { ...state.job, items } };
    }
  }
}

function itemsWith(job: Job, index: number, change: Partial<JobItem>): JobItem[] {
  const items = [...job.items];
  const at = items.findIndex((item) => item.index === index);
  if (at >= 0) items[at] = { ...items[at], ...change };
  else items.push({ ...queuedItem(index), ...change });
  return items.sort((a, b) => a.index - b.index);
}

/** An item the job has not reported yet: waiting to start, not tried, not from the cache. */
export function queuedItem(index: number): JobItem {
  return { index, status: "queued", cached: false, attempts: 0 };
}

/**
 * Words for an item another provider made because the job's own was failing (the ordered
 * fallback), or null when the job's provider made it or nothing says who did.
 */
export function fallbackNote(job: Pick<Job, "provider">, item: Pick<JobItem, "provider" | "model">): string | null {
  if (!item.provider || item.provider === job.provider) return null;
  return `Made by ${item.provider}${item.model ? ` (${item.model})` : ""}: ${job.provider} was failing`;
}
