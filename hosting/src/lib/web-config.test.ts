import { describe, expect, it } from "vitest";
import { recallConfig, rememberConfig, type ConfigStore } from "./web-config";

function memoryStore(): ConfigStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

const config = { apiKey: "demo-api-key", projectId: "demo-contentcreator", authEmulatorUrl: "http://127.0.0.1:9099" };

describe("the remembered web config", () => {
  it("gives back what was stored", () => {
    const store = memoryStore();
    rememberConfig(store, config);
    expect(recallConfig(store)).toEqual(config);
  });

  it("is null before anything was stored", () => {
    expect(recallConfig(memoryStore())).toBeNull();
    expect(recallConfig(undefined)).toBeNull();
  });

  it("never stores a config Firebase couldn't start with", () => {
    const store = memoryStore();
    rememberConfig(store, { apiKey: "", projectId: "p" });
    rememberConfig(store, { projectId: "p" });
    expect(store.data.size).toBe(0);
  });

  it("ignores a damaged copy", () => {
    const store = memoryStore();
    rememberConfig(store, config);
    const [key] = store.data.keys();
    store.data.set(key, "{not json");
    expect(recallConfig(store)).toBeNull();
    store.data.set(key, JSON.stringify({ apiKey: 7 }));
    expect(recallConfig(store)).toBeNull();
  });

  it("keeps working when storage refuses", () => {
    const refusing: ConfigStore = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("quota");
      },
    };
    expect(() => rememberConfig(refusing, config)).not.toThrow();
    expect(recallConfig(refusing)).toBeNull();
  });
});
