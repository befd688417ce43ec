#!/usr/bin/env bash
# The JavaScript the first screen (sign-in) costs, gzipped (level 9):
#   eager    the module script and modulepreload links of hosting/dist/index.html, fetched before
#            anything renders; the figure to keep small
#   sign-in  what the sign-in screen loads right after the first paint to work: the Firebase Auth
#            SDK behind src/signin/auth-actions.ts (from dist/.vite/manifest.json). React and
#            Chakra UI are not part of it: only someone signed in loads them (src/app-root.tsx)
# Builds the PWA first unless SKIP_BUILD=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  npm run --silent build -w hosting >/dev/null
fi
DIST="$root/hosting/dist" node --input-type=module <<'JS'
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dist = process.env.DIST;
const html = readFileSync(`${dist}/index.html`, "utf8");
const eager = [
  ...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
].map((match) => match[1]);
if (eager.length === 0) throw new Error("index.html loads no module script");

// The sign-in screen's Firebase chunk and everything it imports that index.html did not already load.
const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, "utf8"));
const screen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || screen.has(chunk.file)) return;
  screen.add(chunk.file);
  (chunk.imports ?? []).forEach(visit);
};
visit("src/signin/auth-actions.ts");
const lazy = [...screen].filter((file) => !eager.includes(file));

const row = (label, raw, gz) => console.log(`${label.padEnd(50)} ${String(raw).padStart(9)} ${String(gz).padStart(9)}`);
const sum = (title, files) => {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(`${dist}/${file}`);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    row(`  ${file}`, bytes.length, zipped);
    raw += bytes.length;
    gz += zipped;
  }
  row(`${title} (${files.length} files)`, raw, gz);
  return gz;
};
row("JavaScript", "bytes", "gzip");
const eagerGz = sum("eager, before the first render", eager);
const lazyGz = sum("sign-in screen, after it", lazy);
console.log(`first-route JS gzip: eager ${(eagerGz / 1000).toFixed(1)} kB, with the sign-in screen ${((eagerGz + lazyGz) / 1000).toFixed(1)} kB`);
JS
