// A reader for the text/event-stream format, fed with decoded text as it arrives.
// EventSource can't send an Authorization header, so the app reads the stream with fetch()
// and hands the text to this parser.

export interface SseEvent {
  /** The `event:` field, or "message" when the server gave none. */
  event: string;
  /** Every `data:` line of the event, joined with newlines. */
  data: string;
  id?: string;
}

export interface SseOptions {
  /** Called with each `retry:` the server sends: how long to wait before reconnecting, in ms. */
  onRetry?: (ms: number) => void;
}

export class SseParser {
  private buffer = "";
  private eventName = "";
  private dataLines: string[] = [];
  private id: string | undefined;
  private sawData = false;

  private readonly options: SseOptions;

  constructor(options: SseOptions = {}) {
    this.options = options;
  }

  /** Takes the next piece of the stream; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone \r at the very end might be the first half of \r\n: wait for more text.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null; // a comment, such as a keep-alive
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.eventName = value;
    else if (field === "data") {
      this.dataLines.push(value);
      this.sawData = true;
    } else if (field === "id") {
      // An id with a NUL is ignored, as browsers do.
      if (!value.includes("\0")) this.id = value;
    } else if (field === "retry" && /^\d+$/.test(value)) this.options.onRetry?.(Number(value));
    return null;
  }

  private dispatch(): SseEvent | null {
    const event: SseEvent | null = this.sawData
      ? { event: this.eventName || "message", data: this.dataLines.join("\n"), ...(this.id ? { id: this.id } : {}) }
      : null;
    this.eventName = "";
    this.dataLines = [];
    this.sawData = false;
    return event;
  }
}
