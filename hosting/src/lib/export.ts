// Exports of a content item: Markdown, and a self-contained HTML document in which every piece of
// text is escaped. Pure functions; the screen turns their strings into downloads.

import { parseBlocks, type Block, type Inline } from "./text-format";

export interface ExportSource {
  title: string;
  kind: "text" | "image" | "video";
  /** The text of a text item. */
  text?: string | null;
  /** For media: the file name the media download is saved under, and its size. */
  mediaFileName?: string;
  width?: number | null;
  height?: number | null;
  /** When the exported version was made (ISO 8601). */
  createdAt?: string;
  version?: number;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Escapes what Markdown would read as markup in a line of plain text, such as a title. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`).replace(/\s+/g, " ").trim();
}

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

/** The item as Markdown: its title as a heading, then the text (already Markdown) or a link to the media file. */
export function toMarkdown(source: ExportSource): string {
  const lines = [`# ${escapeMarkdown(source.title) || "Untitled"}`, ""];
  if (source.kind === "text") {
    lines.push((source.text ?? "").replace(/\r\n?/g, "\n").trim());
  } else {
    const file = source.mediaFileName ?? exportFileName(source.title, "bin");
    const target = encodeURI(file);
    lines.push(source.kind === "image" ? `![${escapeMarkdown(source.title)}](${target})` : `[${escapeMarkdown(source.title)}](${target})`);
  }
  const facts = factsOf(source);
  if (facts) lines.push("", `*${facts}*`);
  return lines.join("\n") + "\n";
}

function factsOf(source: ExportSource): string {
  const parts: string[] = [];
  if (source.version) parts.push(`Version ${source.version}`);
  if (source.createdAt) parts.push(source.createdAt.slice(0, 10));
  if (source.width && source.height) parts.push(`${source.width} × ${source.height} px`);
  return parts.join(" · ");
}

/**
 * A complete HTML page that needs nothing else: escaped text, inline styles, a policy that lets it
 * load nothing, and for an image the picture itself as a data: address when one is given.
 */
export function toHtmlDocument(source: ExportSource, imageDataUrl?: string): string {
  const title = source.title.trim() || "Untitled";
  let body: string;
  if (source.kind === "text") {
    body = parseBlocks(source.text ?? "").map(blockHtml).join("\n");
  } else if (source.kind === "image" && imageDataUrl && /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/.test(imageDataUrl)) {
    const size = source.width && source.height ? ` width="${source.width}" height="${source.height}"` : "";
    body = `<figure><img src="${imageDataUrl}" alt="${escapeHtml(title)}"${size}></figure>`;
  } else {
    const file = source.mediaFileName ?? exportFileName(title, "bin");
    body = `<p>The ${source.kind === "image" ? "image" : "video"} is in the file <code>${escapeHtml(file)}</code>.</p>`;
  }
  const facts = factsOf(source);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    "<style>",
    ":root{color-scheme:light dark}body{font:17px/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}",
    "img{max-width:100%;height:auto}pre{overflow-x:auto;padding:.75rem;background:rgba(127,127,127,.12)}",
    "blockquote{margin-left:0;padding-left:1rem;border-left:3px solid rgba(127,127,127,.5)}footer{opacity:.7;font-size:.9em}",
    "</style>",
    "</head>",
    "<body>",
    "<article>",
    `<h1>${escapeHtml(title)}</h1>`,
    body,
    "</article>",
    facts ? `<footer><p>${escapeHtml(facts)}</p></footer>` : "",
    "</body>",
    "</html>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "heading":
      // The document's title is its h1; the text's own headings sit one level below it.
      return `<h${block.level + 1}>${inlineHtml(block.children)}</h${block.level + 1}>`;
    case "paragraph":
      return `<p>${inlineHtml(block.children)}</p>`;
    case "quote":
      return `<blockquote><p>${inlineHtml(block.children)}</p></blockquote>`;
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "rule":
      return "<hr>";
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join("")}</${tag}>`;
    }
  }
}

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((part) => {
      switch (part.type) {
        case "text":
          return escapeHtml(part.text).replace(/\n/g, "<br>");
        case "code":
          return `<code>${escapeHtml(part.text)}</code>`;
        case "strong":
          return `<strong>${inlineHtml(part.children)}</strong>`;
        case "em":
          return `<em>${inlineHtml(part.children)}</em>`;
        case "link":
          return `<a href="${escapeHtml(part.href)}" rel="noopener noreferrer">${inlineHtml(part.children)}</a>`;
      }
    })
    .join("");
}
