import { describe, expect, it } from "vitest";
import { canResend, deliveryState, HOOK_EVENTS, hookFormErrors } from "./hooks";

describe("hookFormErrors", () => {
  const ok = { url: "https://hooks.example.org/in", events: ["job.completed"], description: "" };
  it("accepts an https address with at least one event", () => {
    expect(hookFormErrors(ok)).toEqual({});
  });
  it("asks for https, a real address and no fragment", () => {
    expect(hookFormErrors({ ...ok, url: "" }).url).toMatch(/Give/);
    expect(hookFormErrors({ ...ok, url: "http://hooks.example.org/in" }).url).toMatch(/https/);
    expect(hookFormErrors({ ...ok, url: "not an address" }).url).toMatch(/not an address/);
    expect(hookFormErrors({ ...ok, url: "https://hooks.example.org/#x" }).url).toMatch(/fragment/);
    expect(hookFormErrors({ ...ok, url: `https://a.example/${"x".repeat(2048)}` }).url).toMatch(/2048/);
  });
  it("asks for an event and a short description", () => {
    expect(hookFormErrors({ ...ok, events: [] }).events).toMatch(/at least one/);
    expect(hookFormErrors({ ...ok, description: "d".repeat(201) }).description).toMatch(/200/);
  });
});

describe("HOOK_EVENTS", () => {
  it("offers every event but the test ping, once each", () => {
    const values = HOOK_EVENTS.map((e) => e.value);
    expect(new Set(values).size).toBe(values.length);
    expect(values).not.toContain("ping");
    expect(values).toContain("content.status_changed");
  });
});

describe("deliveryState", () => {
  it("says how a message ended or why it is being tried again", () => {
    expect(deliveryState({ status: "succeeded", attemptCount: 1, lastStatusCode: 204, lastError: null })).toEqual({
      label: "delivered (204)",
      palette: "green",
    });
    expect(deliveryState({ status: "failed", attemptCount: 8, lastStatusCode: 500, lastError: "the receiver answered 500" }).label).toBe(
      "failed: the receiver answered 500",
    );
    expect(deliveryState({ status: "pending", attemptCount: 0, lastStatusCode: null, lastError: null }).label).toBe("sending");
    expect(deliveryState({ status: "pending", attemptCount: 2, lastStatusCode: null, lastError: "no answer within PT15S" }).palette).toBe("orange");
  });
  it("offers Send again only for a message that ended", () => {
    expect(canResend({ status: "pending" })).toBe(false);
    expect(canResend({ status: "failed" })).toBe(true);
    expect(canResend({ status: "succeeded" })).toBe(true);
  });
});
