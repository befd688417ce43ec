#!/usr/bin/env bash
# Exporting a batch run: the time of GET .../runs/{runId}/export?format=csv for a run of ROWS (1,000)
# rows made by the demo provider (DEMO_LATENCY=0ms), against a reference in the same run: Apache
# Commons CSV writing the same rows, already in memory, with the same apostrophe rule, in a warm JVM
# (bench/CsvReference.java). ROUNDS (5) timed downloads after one warm-up; prints the median, min and
# max of each, the ratio of the medians, the file's size and the load average. Every fifth row's
# variable starts with "=" so the escaping is exercised. Uses the built local server (local/target/local.jar)
# and the Auth emulator on FIREBASE_AUTH_EMULATOR_HOST (started if none answers). Then one of the run's texts
# as a document: GET .../contents/{contentId}/export?format=html|docx|pdf, ROUNDS each after a warm-up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rows="${ROWS:-1000}"
rounds="${ROUNDS:-5}"
ensure_built
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port="$(free_port)"
mkdir -p "$work/data"
PORT="$port" DATA_DIR="$work/data" PROJECT_ROOT="$root" RATE_LIMITS=memory RATE_LIMIT_PER_USER=100000000/1m \
  RATE_LIMIT_PER_IP=100000000/1m RATE_LIMIT_PER_PEER=100000000/1m DEMO_LATENCY=0ms DEMO_CHUNK_DELAY=0ms QUOTA_TOKENS_PER_MONTH=1000000000 \
  java ${SERVER_JAVA_OPTS:-} -jar "$root/local/target/local.jar" >"$work/server.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$port"
until curl -s -o /dev/null "$base/api/health"; do sleep 0.1; done

token="$(sign_up)"
auth=(-H "Authorization: Bearer $token")
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
project="$(curl -s -XPOST "$base/api/projects" "${auth[@]}" -H 'content-type: application/json' \
  -d '{"name":"Bench"}' | json '["id"]')"
template="$(curl -s -XPOST "$base/api/templates" "${auth[@]}" -H 'content-type: application/json' -d "{\"projectId\":\"$project\",
  \"name\":\"Line\",\"kind\":\"text\",\"body\":\"One line about {{product}} for {{audience}}\",\"variables\":[
  {\"name\":\"product\",\"type\":\"string\",\"required\":true},{\"name\":\"audience\",\"type\":\"string\",\"required\":false,
  \"defaultValue\":\"everyone\"}]}" | json '["id"]')"
python3 - "$rows" "$template" >"$work/batch.json" <<'PY'
import json, sys
n, template = int(sys.argv[1]), sys.argv[2]
rows = [{"product": ("=SUM(A%d)" % i) if i % 5 == 0 else "product %d, the %dth" % (i, i), "audience": "teams"}
        for i in range(1, n + 1)]
print(json.dumps({"name": "Bench export", "templateId": template, "schedule": "0 9 * * 1", "maxConcurrent": 32,
                  "rows": rows}))
PY
batch="$(curl -s -XPOST "$base/api/projects/$project/batches" "${auth[@]}" -H 'content-type: application/json' \
  --data-binary "@$work/batch.json" | json '["id"]')"
run="$(curl -s -XPOST "$base/api/projects/$project/batches/$batch/run" "${auth[@]}" | json '["id"]')"
echo "waiting for the $rows rows of run $run to be made..." >&2
for _ in $(seq 1 1200); do
  state="$(curl -s "$base/api/projects/$project/batches/$batch/runs" "${auth[@]}" |
    python3 -c 'import sys,json; r=json.load(sys.stdin)["items"][0]; print(r["status"], r.get("completed"))')"
  [[ "$state" == "completed $rows" ]] && break
  sleep 0.5
done
[[ "$state" == "completed $rows" ]] || { echo "the run did not complete: $state" >&2; exit 1; }

url="$base/api/projects/$project/batches/$batch/runs/$run/export?format=csv"
curl -sf "${auth[@]}" -o "$work/run.csv" "$url"
lines="$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' "$work/run.csv")"
[[ "$lines" == "$((rows + 1))" ]] || { echo "the export has $lines records, not $((rows + 1))" >&2; exit 1; }
: >"$work/product.txt"
for _ in $(seq 1 "$rounds"); do
  curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$url" | awk '{ print $1 * 1000 }' >>"$work/product.txt"
done
# Commons CSV and what it needs, as the server ships them.
java -cp "$root/local/target/lib/*" "$root/bench/CsvReference.java" "$work/run.csv" "$rounds" | awk '{ print $1 }' >"$work/reference.txt"

python3 - "$work/product.txt" "$work/reference.txt" "$(stat -c %s "$work/run.csv")" "$rows" <<'PY'
import statistics, sys
product = [float(x) for x in open(sys.argv[1])]
reference = [float(x) for x in open(sys.argv[2])]
size, rows = int(sys.argv[3]), int(sys.argv[4])
def line(name, xs):
    return f"{name:<44} median {statistics.median(xs):8.2f} ms  min {min(xs):8.2f}  max {max(xs):8.2f}  (n={len(xs)})"
print(f"export of a {rows}-row run as CSV ({size} bytes)")
print(line("product: GET .../runs/{runId}/export", product))
print(line("reference: Commons CSV from memory", reference))
print(f"ratio of medians (product / reference): {statistics.median(product) / statistics.median(reference):.1f}")
PY

# One of the run's texts as a document: the time of GET .../contents/{contentId}/export?format=pdf|docx|html.
content="$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=""))); print(r[0]["contentId"])' "$work/run.csv")"
for format in html docx pdf; do
  doc="$base/api/projects/$project/contents/$content/export?format=$format"
  curl -sf "${auth[@]}" -o "$work/item.$format" "$doc"
  : >"$work/doc-$format.txt"
  for _ in $(seq 1 "$rounds"); do
    curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$doc" | awk '{ print $1 * 1000 }' >>"$work/doc-$format.txt"
  done
done
python3 - "$work" <<'PY'
import os, statistics, sys
w = sys.argv[1]
print("one text item of the run as a document (after one warm-up download each)")
for f in ("html", "docx", "pdf"):
    xs = [float(x) for x in open(os.path.join(w, f"doc-{f}.txt"))]
    size = os.path.getsize(os.path.join(w, f"item.{f}"))
    print(f"  {f:<5} {size:>7} bytes  median {statistics.median(xs):8.2f} ms  min {min(xs):8.2f}  max {max(xs):8.2f}  (n={len(xs)})")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
