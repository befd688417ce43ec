import { describe, expect, it } from "vitest";
import { keyProblem, keyState, PROVIDER_INFO } from "./provider-keys";

describe("keyProblem", () => {
  it("accepts a key as providers issue them, spaces around it trimmed", () => {
    expect(keyProblem("  sk-ant-api03-AbC_dEf-123  ")).toBeNull();
    expect(keyProblem("AIzaSyD-abcdefghijklmnop")).toBeNull();
  });

  it("says what is wrong with an empty, short, long or spaced key", () => {
    expect(keyProblem("   ")).toBe("Paste the key first.");
    expect(keyProblem("sk-1")).toBe("That is too short to be an API key.");
    expect(keyProblem("x".repeat(513))).toBe("That is too long to be an API key.");
    expect(keyProblem("sk-ant api03 pasted badly")).toMatch(/no spaces/);
    expect(keyProblem("sk-ant-ключ-12345")).toMatch(/no spaces/);
  });
});

describe("keyState", () => {
  it("shows only the last four characters of a set key", () => {
    expect(keyState({ provider: "anthropic", set: true, last4: "Wx4z", enabled: true })).toBe(
      "Set, ending in Wx4z; this project's items use it",
    );
  });

  it("says the server's key is used when none is set", () => {
    expect(keyState({ provider: "gemini", set: false, enabled: true })).toBe("Not set; this project's items use the server's key");
  });

  it("says a key is kept but unused while the server does not offer the provider", () => {
    expect(keyState({ provider: "openai", set: true, last4: "9f2a", enabled: false })).toMatch(/kept, but this server does not offer/);
    expect(keyState({ provider: "openai", set: false, enabled: false })).toMatch(/does not offer this provider yet/);
  });
});

describe("PROVIDER_INFO", () => {
  it("names every provider that takes a project's key", () => {
    expect(Object.keys(PROVIDER_INFO).sort()).toEqual(["anthropic", "gemini", "openai"]);
  });
});
