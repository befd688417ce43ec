import { describe, expect, test } from "vitest";
import { linkify } from "./outbox";

describe("linkify", () => {
  test("finds the addresses in a message and leaves the rest as text", () => {
    expect(linkify("Open it:\nhttp://127.0.0.1:8080/invitations/abc#token=x-y_z\n\nBye")).toEqual([
      { text: "Open it:\n", link: false },
      { text: "http://127.0.0.1:8080/invitations/abc#token=x-y_z", link: true },
      { text: "\n\nBye", link: false },
    ]);
  });
  test("a sentence's full stop after an address is not part of it", () => {
    expect(linkify("See https://app.test/p?comment=1.")).toEqual([
      { text: "See ", link: false },
      { text: "https://app.test/p?comment=1", link: true },
      { text: ".", link: false },
    ]);
  });
  test("text without addresses is one run", () => {
    expect(linkify("no links here")).toEqual([{ text: "no links here", link: false }]);
    expect(linkify("")).toEqual([]);
  });
});
