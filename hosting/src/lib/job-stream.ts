// Following one job live across many short streams. The server ends each stream after a bounded
// time (and proxies cut long answers at 60 s anyway), so the app opens the next one by itself,
// sending the id of the last event it got as Last-Event-ID: the server then sends only what came
// after it, so no text is lost or repeated.

import { ApiError } from "./problem";

/** What one stream tells its follower as it is read, so nothing is lost when it breaks midway. */
export interface StreamProgress {
  /** The id of each event as it is applied. */
  onEventId: (id: string) => void;
  /** The `retry:` the server asks for, in ms. */
  onRetry: (ms: number) => void;
}

/** The server refused to open a stream for now (429): too many open at once. */
export class StreamBusy extends ApiError {
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number) {
    super(message, 429);
    this.name = "StreamBusy";
    this.retryAfterMs = retryAfterMs;
  }
}

export interface FollowOptions {
  /**
   * Opens one stream, resuming after `lastEventId` when given, and reads it until it closes;
   * resolves true when the `end` event came.
   */
  open: (lastEventId: string | undefined, progress: StreamProgress) => Promise<boolean>;
  signal: AbortSignal;
  /** Told when the connection is lost (with words to show) and when it works again (""). */
  onStatus?: (message: string) => void;
  /** Waits; replaced in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Back-off after failures, in ms; the last one repeats. */
  backoffMs?: readonly number[];
}

export const BACKOFF_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];
/** The wait before the next stream when the server closed one early without saying how long. */
export const DEFAULT_RETRY_MS = 1_000;

/**
 * Follows the job until its `end` event, reopening the stream each time it closes. Resolves true
 * when the job ended, false when aborted; rejects with an ApiError the app can't recover from
 * (such as 404: the job is gone), never with a dropped connection or a 429.
 */
export async function followLive(options: FollowOptions): Promise<boolean> {
  const { open, signal } = options;
  const sleep = options.sleep ?? abortableSleep;
  const backoff = options.backoffMs ?? BACKOFF_MS;
  let lastEventId: string | undefined;
  let retryMs = DEFAULT_RETRY_MS;
  let failures = 0;
  const progress: StreamProgress = {
    onEventId: (id) => {
      lastEventId = id;
    },
    onRetry: (ms) => {
      retryMs = ms;
    },
  };
  while (!signal.aborted) {
    let wait: number;
    try {
      if (await open(lastEventId, progress)) return true;
      failures = 0;
      options.onStatus?.("");
      wait = retryMs;
    } catch (error) {
      if (signal.aborted) return false;
      if (error instanceof StreamBusy) {
        options.onStatus?.("Too many live views are open; this one will resume shortly.");
        wait = Math.max(error.retryAfterMs, retryMs);
      } else if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        throw error;
      } else {
        options.onStatus?.("Lost the live connection. Reconnecting…");
        wait = backoff[Math.min(failures, backoff.length - 1)];
        failures += 1;
      }
    }
    await sleep(wait, signal);
  }
  return false;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}
