import { describe, expect, it } from "vitest";
import { followLive, StreamBusy, type StreamProgress } from "./job-stream";
import { ApiError } from "./problem";

/** A scripted server: each call of `open` runs the next step. */
function scripted(steps: ((progress: StreamProgress) => boolean)[]) {
  const asked: (string | undefined)[] = [];
  const waits: number[] = [];
  const open = async (lastEventId: string | undefined, progress: StreamProgress) => {
    asked.push(lastEventId);
    const step = steps.shift();
    if (!step) throw new Error("opened once too often");
    return step(progress);
  };
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { open, sleep, asked, waits };
}

const offline = () => {
  throw new ApiError("Can't reach the server.", 0);
};

describe("followLive", () => {
  it("opens the next stream by itself with the last event's id, after the server's retry", async () => {
    const server = scripted([
      (p) => {
        p.onRetry(1500);
        p.onEventId("v1~0.a.10");
        return false; // the server ended the stream after its bound
      },
      (p) => {
        p.onEventId("v1~0.a.25");
        return false;
      },
      (p) => {
        p.onEventId("v1~0.a.40");
        return true;
      },
    ]);
    const ended = await followLive({ ...server, signal: new AbortController().signal });
    expect(ended).toBe(true);
    expect(server.asked).toEqual([undefined, "v1~0.a.10", "v1~0.a.25"]);
    expect(server.waits).toEqual([1500, 1500]);
  });

  it("keeps the id of the last event that came before a connection broke", async () => {
    const server = scripted([
      (p) => {
        p.onEventId("v1~0.a.7");
        throw new TypeError("network error");
      },
      () => true,
    ]);
    await followLive({ ...server, signal: new AbortController().signal });
    expect(server.asked).toEqual([undefined, "v1~0.a.7"]);
  });

  it("backs off more after each failure and starts over once a stream works", async () => {
    const server = scripted([offline, offline, offline, () => false, offline, () => true]);
    const statuses: string[] = [];
    await followLive({ ...server, signal: new AbortController().signal, backoffMs: [100, 200, 400],
      onStatus: (m) => statuses.push(m) });
    expect(server.waits).toEqual([100, 200, 400, 1000, 100]);
    expect(statuses).toContain("");
    expect(statuses[0]).toMatch(/Reconnecting/);
  });

  it("waits as long as a 429 says before trying again", async () => {
    const server = scripted([
      () => {
        throw new StreamBusy("Too many live streams.", 8000);
      },
      () => true,
    ]);
    expect(await followLive({ ...server, signal: new AbortController().signal })).toBe(true);
    expect(server.waits).toEqual([8000]);
  });

  it("gives up on an answer that won't change, such as 404", async () => {
    const server = scripted([
      () => {
        throw new ApiError("That isn't there.", 404);
      },
    ]);
    await expect(followLive({ ...server, signal: new AbortController().signal })).rejects.toThrow("That isn't there.");
  });

  it("stops when the view closes", async () => {
    const controller = new AbortController();
    const server = scripted([
      () => {
        controller.abort();
        return false;
      },
    ]);
    expect(await followLive({ ...server, signal: controller.signal })).toBe(false);
    expect(server.asked).toHaveLength(1);
  });
});
