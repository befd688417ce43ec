#!/usr/bin/env bash
# Opening a share link: requests/s of a guest's GET /api/shares/{token} (a link to one image, no
# password; every request is a view, so each one reads the link, its project, the item and its
# version and writes the view count in one transaction), against two references in the same run:
# GET /api/health on the same server (the pipeline with nothing behind it), and the JDK's bare HTTP
# server answering the link's bytes. wrk with CLIENTS (16) connections, ROUNDS (5) rounds of
# DURATION (10s) after one WARMUP, the three taking turns within each round so a noisy neighbour
# slows them alike. Prints requests/s and p99 (median, min, max), the ratios, and the load average.
# The share routes' per-address limit is raised (SHARE_RATE_LIMIT_PER_IP) so no request is refused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
clients="${CLIENTS:-16}"
rounds="${ROUNDS:-5}"
duration="${DURATION:-10s}"
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
  RATE_LIMIT_PER_IP=100000000/1m RATE_LIMIT_PER_PEER=100000000/1m SHARE_RATE_LIMIT_PER_IP=100000000/1m \
  java ${SERVER_JAVA_OPTS:-} -jar "$root/local/target/local.jar" >"$work/server.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$port"
until curl -s -o /dev/null "$base/api/health"; do sleep 0.1; done

token="$(sign_up)"
auth=(-H "Authorization: Bearer $token")
project="$(curl -s -XPOST "$base/api/projects" "${auth[@]}" -H 'content-type: application/json' \
  -d '{"name":"Bench"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')"
# A 64x48 PNG, made here.
python3 - "$work/image.png" <<'PY'
import struct, sys, zlib
w, h = 64, 48
raw = b"".join(b"\x00" + b"".join(bytes((x * 4 % 256, y * 5 % 256, 128)) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
item="$(curl -s -XPOST "$base/api/projects/$project/media?title=Poster" "${auth[@]}" -H 'content-type: image/png' \
  --data-binary "@$work/image.png" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')"
link="$(curl -s -XPOST "$base/api/projects/$project/shares" "${auth[@]}" -H 'content-type: application/json' \
  -d "{\"contentIds\":[\"$item\"],\"label\":\"Bench\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')"
url_share="$base/api/shares/$link"
url_health="$base/api/health"
curl -sf "$url_share" >"$work/body.json"
hello_port="$(free_port)"
java "$root/bench/HelloServer.java" "$hello_port" "$work/body.json" &
pids+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$hello_port/"; do sleep 0.1; done
url_hello="http://127.0.0.1:$hello_port/api/shares/x"

# run NAME URL SECONDS: one wrk run; appends "NAME req/s p99-ms non2xx" to the results.
run() {
  wrk_run "$1" "$2" "$3" "$work/results"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk_rounds "$work/results" share health hello
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
views="$(curl -s "$base/api/projects/$project/shares" "${auth[@]}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["views"])')"
python3 "$root/bench/wrk-summary.py" "$work/results" \
  "guest GETs at $clients clients; views counted by the link: $views" \
  "share=product: GET /api/shares/{token}" "health=same server: GET /api/health" "hello=JDK HttpServer, same bytes" \
  "share/health=share link / health" "share/hello=share link / bare server"
