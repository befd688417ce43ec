import { describe, expect, it } from "vitest";
import { escapeHtml, exportFileName, extensionFor, toHtmlDocument, toMarkdown } from "./export";

describe("exportFileName", () => {
  it("makes a tidy name from any title", () => {
    expect(exportFileName("Crème brûlée: the Recipe!", "md")).toBe("creme-brulee-the-recipe.md");
    expect(exportFileName("   ", ".html")).toBe("content.html");
    expect(exportFileName("../../etc/passwd", "md")).toBe("etc-passwd.md");
  });

  it("knows the extensions of the media the server stores", () => {
    expect(extensionFor("image/webp")).toBe("webp");
    expect(extensionFor("video/mp4; codecs=avc1")).toBe("mp4");
    expect(extensionFor(undefined)).toBe("bin");
  });
});

describe("toMarkdown", () => {
  it("puts the title as a heading above the text", () => {
    expect(toMarkdown({ title: "Taglines", kind: "text", text: "- Fresh\r\n- Warm\n", version: 2, createdAt: "2026-11-26T04:00:00Z" })).toBe(
      "# Taglines\n\n- Fresh\n- Warm\n\n*Version 2 · 2026-11-26*\n",
    );
  });

  it("escapes markup in the title", () => {
    expect(toMarkdown({ title: "# *not* a [link]", kind: "text", text: "x" })).toBe("# \\# \\*not\\* a \\[link\\]\n\nx\n");
  });

  it("links an image to its downloaded file", () => {
    expect(toMarkdown({ title: "Dusk", kind: "image", mediaFileName: "dusk shot.webp", width: 800, height: 600 })).toBe(
      "# Dusk\n\n![Dusk](dusk%20shot.webp)\n\n*800 × 600 px*\n",
    );
  });
});

describe("toHtmlDocument", () => {
  it("escapes every piece of text", () => {
    const html = toHtmlDocument({ title: "<img onerror=x>", kind: "text", text: 'Hi <script>alert("x")</script> & **bye**' });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img onerror");
    expect(html).toContain("<title>&lt;img onerror=x&gt;</title>");
    expect(html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <strong>bye</strong>");
  });

  it("is a whole document that may load nothing from elsewhere", () => {
    const html = toHtmlDocument({ title: "T", kind: "text", text: "# Part\n\n[a](https://example.com)" });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).toContain("<h2>Part</h2>");
    expect(html).toContain('<a href="https://example.com/" rel="noopener noreferrer">a</a>');
  });

  it("embeds an image given as a data address, and nothing else", () => {
    const source = { title: "Pic", kind: "image" as const, width: 2, height: 1 };
    expect(toHtmlDocument(source, "data:image/png;base64,AAAA")).toContain(
      '<img src="data:image/png;base64,AAAA" alt="Pic" width="2" height="1">',
    );
    expect(toHtmlDocument(source, 'javascript:alert(1)"')).not.toContain("javascript");
  });

  it("escapes the characters HTML gives meaning to", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
