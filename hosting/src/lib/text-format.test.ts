import { describe, expect, it } from "vitest";
import { inlineText, parseBlocks, parseInline, safeHref } from "./text-format";

describe("parseBlocks", () => {
  it("reads headings, paragraphs and both kinds of list", () => {
    const blocks = parseBlocks("# Title\n\nFirst line\nsecond line\n\n- one\n- two\n\n1. first\n2) second");
    expect(blocks.map((block) => block.type)).toEqual(["heading", "paragraph", "list", "list"]);
    expect(blocks[0]).toEqual({ type: "heading", level: 1, children: [{ type: "text", text: "Title" }] });
    expect(blocks[1]).toEqual({ type: "paragraph", children: [{ type: "text", text: "First line\nsecond line" }] });
    expect(blocks[2]).toMatchObject({ type: "list", ordered: false, items: [[{ text: "one" }], [{ text: "two" }]] });
    expect(blocks[3]).toMatchObject({ type: "list", ordered: true });
  });

  it("keeps code fences verbatim, markup included", () => {
    expect(parseBlocks("```\n<b>**not bold**</b>\n```")).toEqual([{ type: "code", text: "<b>**not bold**</b>" }]);
  });

  it("joins quoted lines and reads rules", () => {
    expect(parseBlocks("> a\n> b\n\n---")).toEqual([
      { type: "quote", children: [{ type: "text", text: "a\nb" }] },
      { type: "rule" },
    ]);
  });

  it("keeps HTML as text", () => {
    expect(parseBlocks("<script>alert(1)</script>")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "<script>alert(1)</script>" }] },
    ]);
  });

  it("gives nothing for an empty text", () => {
    expect(parseBlocks("\n\n  \n")).toEqual([]);
  });
});

describe("parseInline", () => {
  it("reads bold, italic and code", () => {
    expect(parseInline("a **bold** and *soft* `x*y`")).toEqual([
      { type: "text", text: "a " },
      { type: "strong", children: [{ type: "text", text: "bold" }] },
      { type: "text", text: " and " },
      { type: "em", children: [{ type: "text", text: "soft" }] },
      { type: "text", text: " " },
      { type: "code", text: "x*y" },
    ]);
  });

  it("leaves lone stars and snake_case words alone", () => {
    expect(inlineText(parseInline("2 * 3 * 4 and snake_case_name"))).toBe("2 * 3 * 4 and snake_case_name");
    expect(parseInline("snake_case_name")).toEqual([{ type: "text", text: "snake_case_name" }]);
  });

  it("makes links only of web and mail addresses", () => {
    expect(parseInline("[site](https://example.com/a)")).toEqual([
      { type: "link", href: "https://example.com/a", children: [{ type: "text", text: "site" }] },
    ]);
    expect(parseInline("[click](javascript:alert(1))")).toEqual([{ type: "text", text: "[click](javascript:alert(1))" }]);
  });
});

describe("safeHref", () => {
  it("refuses scripts and data", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
    expect(safeHref("mailto:a@example.com")).toBe("mailto:a@example.com");
  });
});
