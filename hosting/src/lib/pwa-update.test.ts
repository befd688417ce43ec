import { describe, expect, it } from "vitest";
import { createUpdateStore } from "./pwa-update";

describe("the update offer", () => {
  it("starts with nothing to offer", () => {
    expect(createUpdateStore().getSnapshot()).toEqual({ ready: false, applying: false });
  });

  it("tells its listeners when a new version waits", () => {
    const store = createUpdateStore();
    const seen: boolean[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().ready));
    store.offer(async () => undefined);
    expect(seen).toEqual([true]);
  });

  it("activates the waiting version once, however often reload is pressed", async () => {
    const store = createUpdateStore();
    let activations = 0;
    let finish: () => void = () => undefined;
    store.offer(() => {
      activations += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = store.apply();
    expect(store.getSnapshot()).toEqual({ ready: true, applying: true });
    await store.apply();
    finish();
    await first;
    expect(activations).toBe(1);
  });

  it("lets the person try again when activating fails", async () => {
    const store = createUpdateStore();
    store.offer(() => Promise.reject(new Error("no waiting worker")));
    await expect(store.apply()).rejects.toThrow("no waiting worker");
    expect(store.getSnapshot()).toEqual({ ready: true, applying: false });
  });

  it("does nothing on reload after being dismissed", async () => {
    const store = createUpdateStore();
    let activations = 0;
    store.offer(async () => {
      activations += 1;
    });
    store.dismiss();
    await store.apply();
    expect(activations).toBe(0);
    expect(store.getSnapshot().ready).toBe(false);
  });

  it("stops telling a listener that unsubscribed", () => {
    const store = createUpdateStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    unsubscribe();
    store.offer(async () => undefined);
    expect(calls).toBe(0);
  });
});
