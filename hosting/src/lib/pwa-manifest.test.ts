import { describe, expect, it } from "vitest";
import indexHtml from "../../index.html?raw";
import { iconSizes, manifest, manifestProblems } from "./pwa-manifest";

// Every PNG under public/, as data: URLs keyed by the path the browser asks for.
const pngs = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>("../../public/**/*.png", { query: "?inline", import: "default", eager: true }),
  ).map(([path, url]) => [path.replace("../../public", ""), url]),
);

/** Width and height from the IHDR chunk of a PNG under public/. */
function pngSize(path: string): { width: number; height: number } {
  const url = pngs[path];
  expect(url, `${path} is missing from public/`).toBeDefined();
  const bytes = Uint8Array.from(atob(url.slice(url.indexOf(",") + 1)), (c) => c.charCodeAt(0));
  expect(String.fromCharCode(...bytes.subarray(1, 4))).toBe("PNG");
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("the web app manifest", () => {
  it("has everything Chromium needs to offer installing the app", () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it("opens as its own window at the app's root", () => {
    expect(manifest.display).toBe("standalone");
    expect(manifest.start_url).toBe("/");
    expect(manifest.scope).toBe("/");
  });

  it("lists only icons whose files exist with the sizes it declares", () => {
    for (const icon of manifest.icons) {
      const { width, height } = pngSize(icon.src);
      expect({ src: icon.src, width, height }).toEqual({ src: icon.src, width: iconSizes(icon)[0], height: iconSizes(icon)[0] });
    }
  });

  it("ships an opaque 180 px apple-touch-icon linked from index.html", () => {
    expect(pngSize("/apple-touch-icon.png")).toEqual({ width: 180, height: 180 });
    expect(indexHtml).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png"/);
    expect(indexHtml).toContain(`<meta name="theme-color" content="${manifest.theme_color}"`);
  });
});

describe("manifestProblems", () => {
  it("names each missing piece", () => {
    expect(manifestProblems({ display: "browser", theme_color: "blue", icons: [] })).toEqual([
      "It has no name.",
      "It has no short name.",
      "It has no start URL.",
      "It opens in a browser tab rather than a window of its own.",
      "Its theme_color is not a #rrggbb colour.",
      "Its background_color is not a #rrggbb colour.",
      "It has no 192x192 PNG icon.",
      "It has no 512x512 PNG icon.",
      "It has no maskable icon.",
    ]);
  });

  it("does not count a maskable-only icon as the 512 px one", () => {
    const icons = manifest.icons.filter((icon) => icon.src !== "/icons/icon-512.png");
    expect(manifestProblems({ ...manifest, icons })).toEqual(["It has no 512x512 PNG icon."]);
  });

  it("refuses a start URL outside the scope", () => {
    expect(manifestProblems({ ...manifest, scope: "/app/", start_url: "/" })).toEqual([
      "Its start URL lies outside its scope.",
    ]);
  });
});

describe("iconSizes", () => {
  it("reads every square size and skips the rest", () => {
    expect(iconSizes({ sizes: "192x192 512x512 640x480 any" })).toEqual([192, 512]);
  });
});
