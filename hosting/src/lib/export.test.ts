import { describe, expect, it } from "vitest";
import { documentFileName, exportFileName, extensionFor } from "./export";

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

describe("documentFileName", () => {
  it("names a document as the server does: the title in ASCII, the version and the format", () => {
    expect(documentFileName("Crème brûlée: the Recipe!", "text", 3, "pdf")).toBe("Creme-brulee-the-Recipe-v3.pdf");
    expect(documentFileName("../../etc/passwd", "text", 1, "docx")).toBe("etc-passwd-v1.docx");
    expect(documentFileName("你好", "image", 2, "html")).toBe("image-v2.html");
  });
});
