#!/usr/bin/env bash
# Lighthouse 12 (mobile, its default) on the built app served by the local server: prints the
# performance, accessibility and best-practices scores of each public page. Lighthouse 12 has no
# PWA category; installability is tested by hosting/e2e/pwa.test.mjs.
#
#   bench/lighthouse.sh                 the sign-in page and the not-found page
#   PAGES="/signin" RUNS=3 bench/lighthouse.sh
#
# Needs Chromium (CHROME_PATH, default /usr/bin/chromium). Builds the PWA unless SKIP_BUILD=1.
# Reports land in bench/results/lighthouse-*.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[[ -x "$CHROME_PATH" ]] || { echo "Chromium is needed: apt-get install chromium (or set CHROME_PATH)" >&2; exit 1; }
pages=(${PAGES:-/signin /no-such-page})
runs="${RUNS:-1}"
results="$root/bench/results"
mkdir -p "$results"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && npm run --silent build -w hosting >/dev/null)
fi
ensure_built
port="$(free_port)"
data="$(mktemp -d)"
trap 'stop_server; rm -rf "$data"' EXIT
start_server "$data" "$port"
until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health" 2>/dev/null | grep -q 200; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
  sleep 0.2
done

printf '%-16s %4s %12s %14s %15s\n' page run performance accessibility best-practices
for page in "${pages[@]}"; do
  for run in $(seq 1 "$runs"); do
    report="$results/lighthouse-$(echo "$page" | tr -c 'a-zA-Z0-9\n' '_')-$run.json"
    npx --yes lighthouse@12.2.3 "http://127.0.0.1:$port$page" \
      --only-categories=performance,accessibility,best-practices \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --output=json --output-path="$report" --quiet
    REPORT="$report" PAGE="$page" RUN="$run" node -e '
      const r = JSON.parse(require("fs").readFileSync(process.env.REPORT, "utf8"));
      const score = (id) => Math.round(r.categories[id].score * 100);
      console.log(`${process.env.PAGE.padEnd(16)} ${process.env.RUN.padStart(4)} ${String(score("performance")).padStart(12)} ${String(score("accessibility")).padStart(14)} ${String(score("best-practices")).padStart(15)}`);
      // What cost points, so a score under 95 says why.
      for (const [id, category] of Object.entries(r.categories)) {
        for (const ref of category.auditRefs) {
          const audit = r.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
            console.log(`    ${id}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ""}`);
          }
        }
      }
      const m = (id) => r.audits[id]?.displayValue ?? "-";
      console.log(`    FCP ${m("first-contentful-paint")}, LCP ${m("largest-contentful-paint")}, TBT ${m("total-blocking-time")}, CLS ${m("cumulative-layout-shift")}`);
    '
  done
done
