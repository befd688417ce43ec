// Names of the files a content item is exported as. The documents themselves (Markdown, HTML, Word,
// PDF in the project's export style) are written by the server.

/** The formats the server writes a content item in, with the words of their buttons. */
export const DOCUMENT_FORMATS = [
  { format: "md", label: "Markdown" },
  { format: "html", label: "HTML" },
  { format: "docx", label: "Word" },
  { format: "pdf", label: "PDF" },
] as const;

export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]["format"];

/** A file name made from a title: letters, digits and dashes, never empty, with the extension. */
export function exportFileName(title: string, extension: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "content"}.${extension.replace(/^\./, "")}`;
}

/** The name the server gives a document: the title in ASCII, the version, the format (Morning-tea-v3.pdf). */
export function documentFileName(title: string, kind: string, version: number, format: DocumentFormat): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || kind}-v${version}.${format}`;
}

/** The extension for a media type, for naming the downloaded file. */
export function extensionFor(contentType: string | undefined): string {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  const known: Record<string, string> = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
    "video/mp4": "mp4",
    "video/webm": "webm",
  };
  return known[type] ?? "bin";
}
