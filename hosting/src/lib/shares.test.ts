import { describe, expect, it } from "vitest";
import { expiresAtFor, guestMediaUrl, sessionKey, shareFormErrors, shareTokenOf, shareUrl } from "./shares";

const TOKEN = "hZGVqeLI4K_UaCkDElCX0TjH_f7G4cj4oXfQ_TzRwmg";

describe("shareTokenOf", () => {
  it("reads the token of a link's page", () => {
    expect(shareTokenOf(`/s/${TOKEN}`)).toBe(TOKEN);
    expect(shareTokenOf(`/s/${TOKEN}/`)).toBe(TOKEN);
  });
  it("refuses anything else", () => {
    expect(shareTokenOf("/s/")).toBeNull();
    expect(shareTokenOf(`/s/${TOKEN}x`)).toBeNull();
    expect(shareTokenOf(`/s/${TOKEN.slice(1)}`)).toBeNull();
    expect(shareTokenOf(`/projects/${TOKEN}`)).toBeNull();
    expect(shareTokenOf(`/s/${TOKEN}/more`)).toBeNull();
    expect(shareTokenOf(`/s/${TOKEN.slice(1)}=`)).toBeNull();
  });
});

describe("expiresAtFor", () => {
  it("adds whole days", () => {
    expect(expiresAtFor(new Date("2030-01-01T00:00:00Z"), 14)).toBe("2030-01-15T00:00:00.000Z");
  });
  it("keeps to what the server allows", () => {
    expect(() => expiresAtFor(new Date(), 0)).toThrow(RangeError);
    expect(() => expiresAtFor(new Date(), 91)).toThrow(RangeError);
    expect(() => expiresAtFor(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe("shareFormErrors", () => {
  it("accepts a link without a password", () => {
    expect(shareFormErrors({ password: "", label: "", contentIds: ["a"] })).toEqual({});
  });
  it("names each field at fault", () => {
    expect(shareFormErrors({ password: "abc", label: "x".repeat(101), contentIds: [] })).toEqual({
      contentIds: "Choose at least one item.",
      password: "A password has at least 4 characters.",
      label: "A label has at most 100 characters.",
    });
    expect(shareFormErrors({ password: "", label: "", contentIds: Array(51).fill("a") }).contentIds).toMatch(/50/);
  });
});

describe("addresses", () => {
  it("joins the origin and the page", () => {
    expect(shareUrl("https://app.example/", `/s/${TOKEN}`)).toBe(`https://app.example/s/${TOKEN}`);
  });
  it("adds the session to media addresses only when there is one", () => {
    expect(guestMediaUrl("/api/shares/t/media?contentId=c", null)).toBe("/api/shares/t/media?contentId=c");
    expect(guestMediaUrl("/api/shares/t/media?contentId=c", "1.a+b")).toBe("/api/shares/t/media?contentId=c&session=1.a%2Bb");
  });
  it("keys a session by the token's start, not the whole token", () => {
    expect(sessionKey(TOKEN)).toBe("share-session:hZGVqeLI4K_U");
    expect(sessionKey(TOKEN)).not.toContain(TOKEN);
  });
});
