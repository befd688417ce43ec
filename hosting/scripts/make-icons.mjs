// Draws the app's PNG icons from public/favicon.svg with the machine's Chromium, so the icons
// always match the favicon. Run it after changing the favicon and commit the PNGs:
//   node hosting/scripts/make-icons.mjs        (CHROME_PATH overrides /usr/bin/chromium)

import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const publicDir = join(dirname(fileURLToPath(import.meta.url)), "..", "public");
// The favicon's own background, so a maskable icon's bleed area is the same colour.
const BRAND = "#3b4cca";

/**
 * `inset` is the share of the canvas the drawing covers; `background` fills the rest.
 * Maskable icons keep their drawing inside the central 80% safe zone that platforms never crop;
 * the Apple icon is opaque because iOS puts transparent pixels on black.
 */
const ICONS = [
  { file: "icons/icon-192.png", size: 192, inset: 1, background: "transparent" },
  { file: "icons/icon-512.png", size: 512, inset: 1, background: "transparent" },
  { file: "icons/maskable-512.png", size: 512, inset: 0.7, background: BRAND },
  { file: "apple-touch-icon.png", size: 180, inset: 0.84, background: BRAND },
];

const svg = await readFile(join(publicDir, "favicon.svg"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    const drawn = Math.round(icon.size * icon.inset);
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${icon.background}">` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" width="${drawn}" height="${drawn}"></body></html>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: icon.background === "transparent", type: "png" });
    await writeFile(join(publicDir, icon.file), png);
    console.log(`${icon.file}: ${icon.size}x${icon.size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
