import { describe, expect, it } from "vitest";
import { finishLinkRequest, isAppPath, linkNext, rememberLinkRequest, rememberedLinkEmail, type KeyValueStore } from "./email-link";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe("the email link's memory", () => {
  it("remembers the address and the screen until the link is used", () => {
    const store = memoryStore();
    rememberLinkRequest("ada@example.com", "/projects/p1/members", store);
    expect(rememberedLinkEmail(store)).toBe("ada@example.com");
    expect(linkNext(store)).toBe("/projects/p1/members");
    expect(rememberedLinkEmail(store)).toBe("ada@example.com");
    expect(finishLinkRequest(store)).toBe("/projects/p1/members");
    expect(rememberedLinkEmail(store)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  it("never sends the person to another site afterwards", () => {
    const store = memoryStore();
    rememberLinkRequest("ada@example.com", "//evil.example/path", store);
    expect(finishLinkRequest(store)).toBe("/");
    expect(isAppPath("https://evil.example")).toBe(false);
    expect(isAppPath("/\\evil.example")).toBe(false);
  });

  it("copes with storage that refuses", () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(() => rememberLinkRequest("ada@example.com", "/", refusing)).not.toThrow();
    expect(rememberedLinkEmail(refusing)).toBeNull();
    expect(finishLinkRequest(refusing)).toBe("/");
  });
});
