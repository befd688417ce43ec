import { describe, expect, it } from "vitest";
import { canCancel, connectionFormErrors, inFlight, instantToLocal, localToInstant, publicationState } from "./publishing";

describe("connectionFormErrors", () => {
  const wp = { channel: "wordpress" as const, name: "Blog", siteUrl: "https://blog.example.org", username: "editor", secret: "abcd efgh ijkl" };
  it("accepts a complete WordPress connection", () => {
    expect(connectionFormErrors(wp)).toEqual({});
  });
  it("asks for https, no credentials or query in the address", () => {
    expect(connectionFormErrors({ ...wp, siteUrl: "http://blog.example.org" }).siteUrl).toMatch(/https/);
    expect(connectionFormErrors({ ...wp, siteUrl: "https://u:p@blog.example.org" }).siteUrl).toMatch(/user name/);
    expect(connectionFormErrors({ ...wp, siteUrl: "https://blog.example.org/?x=1" }).siteUrl).toMatch(/\?/);
    expect(connectionFormErrors({ ...wp, siteUrl: "nope" }).siteUrl).toMatch(/not an address/);
  });
  it("asks WordPress for a user name and a secret, and a webhook for neither", () => {
    expect(connectionFormErrors({ ...wp, username: " " }).username).toBeDefined();
    expect(connectionFormErrors({ ...wp, secret: "short" }).secret).toMatch(/8 to 512/);
    expect(connectionFormErrors({ ...wp, channel: "webhook", username: "", secret: "" })).toEqual({});
    expect(connectionFormErrors({ ...wp, channel: "mastodon", username: "", secret: "" }).secret).toBeDefined();
  });
});

describe("times in the person's own zone", () => {
  it("reads a datetime-local value as the local time and writes it back the same", () => {
    const iso = localToInstant("2026-12-24T09:30");
    expect(iso).not.toBeNull();
    const d = new Date(iso as string);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 11, 24, 9, 30]);
    expect(instantToLocal(iso as string)).toBe("2026-12-24T09:30");
  });
  it("gives null for an empty or broken value", () => {
    expect(localToInstant("")).toBeNull();
    expect(localToInstant("24/12/2026 9:30")).toBeNull();
  });
});

describe("publication states", () => {
  it("tells a retry from a first try and a draft from a post", () => {
    expect(publicationState({ status: "publishing", nextAttemptAt: "2026-01-01T00:00:00Z", mode: "publish" }).label).toBe("Retrying");
    expect(publicationState({ status: "publishing", nextAttemptAt: null, mode: "publish" }).label).toBe("Publishing");
    expect(publicationState({ status: "published", nextAttemptAt: null, mode: "draft" }).label).toBe("Sent as a draft");
    expect(publicationState({ status: "failed", nextAttemptAt: null, mode: "publish" }).palette).toBe("red");
  });
  it("lets one cancel only what is not being sent", () => {
    expect(canCancel({ status: "scheduled", leaseUntil: null })).toBe(true);
    expect(canCancel({ status: "publishing", leaseUntil: null })).toBe(true);
    expect(canCancel({ status: "publishing", leaseUntil: "2026-01-01T00:00:00Z" })).toBe(false);
    expect(canCancel({ status: "published", leaseUntil: null })).toBe(false);
  });
  it("polls while something is on its way", () => {
    expect(inFlight([{ status: "published" }, { status: "scheduled" }])).toBe(true);
    expect(inFlight([{ status: "failed" }])).toBe(false);
  });
});
