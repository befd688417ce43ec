import { describe, expect, it } from "vitest";
import { othersViewing, reconnectDelay, staleQueries, toItemLiveEvent } from "./item-live";
import { queryKeys } from "./query-keys";

describe("toItemLiveEvent", () => {
  it("reads who is viewing, keeping only well-formed viewers", () => {
    expect(toItemLiveEvent("presence", '{"viewers":[{"uid":"a","name":"Ana"},{"uid":3},null]}')).toEqual({
      type: "presence",
      viewers: [{ uid: "a", name: "Ana" }],
    });
  });

  it("reads what changed, dropping names a newer server may add", () => {
    expect(toItemLiveEvent("change", '{"what":["comments","review","mood"]}')).toEqual({
      type: "change",
      what: ["comments", "review"],
    });
    expect(toItemLiveEvent("change", '{"what":["mood"]}')).toBeNull();
  });

  it("ignores unknown events and broken data", () => {
    expect(toItemLiveEvent("hello", '{"what":["item"]}')).toBeNull();
    expect(toItemLiveEvent("change", "not json")).toBeNull();
    expect(toItemLiveEvent("presence", "[]")).toBeNull();
  });
});

describe("staleQueries", () => {
  it("reads comments again for a comment, and the item and its history for a review move", () => {
    expect(staleQueries("p", "c", ["comments"])).toEqual([queryKeys.comments("p", "c")]);
    expect(staleQueries("p", "c", ["review"])).toEqual([queryKeys.contentItem("p", "c"), queryKeys.contentReviews("p", "c")]);
  });

  it("names each query once however many changes need it", () => {
    const keys = staleQueries("p", "c", ["item", "versions", "review"]);
    expect(keys).toEqual([queryKeys.contentItem("p", "c"), queryKeys.contentVersions("p", "c"), queryKeys.contentReviews("p", "c")]);
  });
});

describe("othersViewing", () => {
  it("leaves out the signed-in person and repeats", () => {
    const viewers = [
      { uid: "me", name: "Me" },
      { uid: "b", name: "Bo" },
      { uid: "b", name: "Bo" },
      { uid: "c", name: "Cy" },
    ];
    expect(othersViewing(viewers, "me").map((v) => v.uid)).toEqual(["b", "c"]);
  });
});

describe("reconnectDelay", () => {
  it("doubles from one second up to thirty", () => {
    expect([1, 2, 3, 5, 6, 10].map(reconnectDelay)).toEqual([1_000, 2_000, 4_000, 16_000, 30_000, 30_000]);
  });
});
