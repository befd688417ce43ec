import { MutationObserver, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { idempotentMutationOptions, IntentKeys, isRefusal } from "./idempotent-mutation";
import { ApiError } from "./problem";

/** Keys "k1", "k2", … so a test can say which one a request carried. */
function countingKeys(): IntentKeys {
  let made = 0;
  return new IntentKeys(() => `k${++made}`);
}

/**
 * A mutation run by TanStack Query's own observer (what useMutation wraps), whose server answers
 * each call with the next outcome and records the keys it was sent.
 */
function startButton(keys: IntentKeys, outcomes: (Error | string)[], requests = 1) {
  const sent: string[][] = [];
  const seen: string[] = [];
  const observer = new MutationObserver(
    new QueryClient(),
    idempotentMutationOptions<string, string>(keys, {
      mutationFn: async (_prompt, key) => {
        sent.push(Array.from({ length: requests }, (_, at) => key(at)));
        const outcome = outcomes.shift() ?? "job";
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
      onSuccess: (job) => void seen.push(`started ${job}`),
      onError: (error) => void seen.push(`failed ${error.message}`),
    }),
  );
  const press = (prompt = "a lighthouse") => observer.mutate(prompt).catch(() => undefined);
  return { press, sent, seen };
}

describe("useIdempotentMutation's keys", () => {
  it("sends the same key again when the same request is retried after a dropped connection", async () => {
    const button = startButton(countingKeys(), [new TypeError("Failed to fetch"), "job-1"]);
    await button.press();
    await button.press();
    expect(button.sent).toEqual([["k1"], ["k1"]]);
    expect(button.seen).toEqual(["failed Failed to fetch", "started job-1"]);
  });

  it("keeps the key across a server error and a 429, which may not have been the request's fault", async () => {
    const button = startButton(countingKeys(), [new ApiError("Busy", 503), new ApiError("Slow down", 429), "job-1"]);
    await button.press();
    await button.press();
    await button.press();
    expect(button.sent).toEqual([["k1"], ["k1"], ["k1"]]);
  });

  it("makes a new key for the next request once one was accepted", async () => {
    const button = startButton(countingKeys(), ["job-1", "job-2"]);
    await button.press();
    await button.press();
    expect(button.sent).toEqual([["k1"], ["k2"]]);
  });

  it("makes a new key after a refusal, since the same request would be refused again", async () => {
    const button = startButton(countingKeys(), [new ApiError("Check the prompt.", 400), "job-1"]);
    await button.press();
    await button.press();
    expect(button.sent).toEqual([["k1"], ["k2"]]);
  });

  it("makes a new key when the person changes the request between tries", async () => {
    const keys = countingKeys();
    const button = startButton(keys, [new TypeError("Failed to fetch"), "job-1"]);
    await button.press("a lighthouse");
    keys.forget();
    await button.press("a lighthouse at dusk");
    expect(button.sent).toEqual([["k1"], ["k2"]]);
  });

  it("gives each request of one intent its own key and keeps them all for a retry", async () => {
    const button = startButton(countingKeys(), [new ApiError("Down", 502), "jobs", "jobs"], 3);
    await button.press();
    await button.press();
    await button.press();
    expect(button.sent).toEqual([
      ["k1", "k2", "k3"],
      ["k1", "k2", "k3"],
      ["k4", "k5", "k6"],
    ]);
  });

  it("counts only a 4xx other than 429 as a refusal", () => {
    expect([400, 403, 404, 409, 422].every((status) => isRefusal(new ApiError("no", status)))).toBe(true);
    expect([429, 500, 503].some((status) => isRefusal(new ApiError("no", status)))).toBe(false);
    expect(isRefusal(new TypeError("Failed to fetch"))).toBe(false);
  });
});
