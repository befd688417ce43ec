import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

describe("SseParser", () => {
  it("reads a named event with JSON data", () => {
    const events = new SseParser().push('event: delta\ndata: {"index":0,"text":"Hi"}\n\n');
    expect(events).toEqual([{ event: "delta", data: '{"index":0,"text":"Hi"}' }]);
  });

  it("waits for the blank line before giving an event split across chunks", () => {
    const parser = new SseParser();
    expect(parser.push("event: job\nda")).toEqual([]);
    expect(parser.push('ta: {"id":"j1"}\n')).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "job", data: '{"id":"j1"}' }]);
  });

  it("skips keep-alive comments", () => {
    expect(new SseParser().push(": still working\n\n")).toEqual([]);
  });

  it("joins several data lines with newlines and calls an unnamed event a message", () => {
    expect(new SseParser().push("data: one\ndata: two\n\n")).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("accepts CRLF line ends even when a chunk ends between CR and LF", () => {
    const parser = new SseParser();
    expect(parser.push("event: end\r\ndata: {}\r")).toEqual([]);
    expect(parser.push("\n\r\n")).toEqual([{ event: "end", data: "{}" }]);
  });

  it("keeps a value's spaces after the one that follows the colon", () => {
    expect(new SseParser().push("data:   two spaces\n\n")[0].data).toBe("  two spaces");
  });

  it("gives several events from one chunk in order", () => {
    const events = new SseParser().push("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n");
    expect(events.map((event) => event.event)).toEqual(["a", "b"]);
  });

  it("keeps the last id for the events after it and reports retry hints", () => {
    const retries: number[] = [];
    const parser = new SseParser({ onRetry: (ms) => retries.push(ms) });
    const events = parser.push("retry: 1500\n\nid: v1~0.a.3\nevent: delta\ndata: 1\n\nevent: job\ndata: 2\n\nretry: x\n\n");
    expect(events.map((event) => event.id)).toEqual(["v1~0.a.3", "v1~0.a.3"]);
    expect(retries).toEqual([1500]);
  });
});
