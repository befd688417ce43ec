#!/usr/bin/env bash
# Outbound webhooks: the messages per second the sender sustains against a local receiver, against
# a reference in the same run: a bare JDK HttpClient posting the same number of messages of the
# same size to the same receiver from as many threads as the local queue has workers
# (QUEUE_WORKERS, 8). The product's messages come from real events: HOOKS (20) webhooks on one
# project all want content.status_changed, and MOVES (25) review moves of one item (in review,
# back to draft, ...) each fan out to every webhook, so one round is MOVES x HOOKS messages, each
# signed, address-checked, posted on a new connection, and logged in its delivery. The rate is
# taken at the receiver, from its first message to its last, so the moves themselves (answered at
# once: they only queue the event) do not count. ROUNDS (5) rounds after one warm-up, product and
# reference taking turns in each; prints the median, min and max of each, the ratio of the medians,
# and the load average before and after. Plain http to loopback is allowed for the run only
# (HOOKS_ALLOW_HTTP_LOOPBACK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rounds="${ROUNDS:-5}"
hooks="${HOOKS:-20}"
moves="${MOVES:-25}"
workers="${QUEUE_WORKERS:-8}"
ensure_built
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rport="$(free_port)"
java "$root/bench/HookBench.java" receiver "$rport" &
pids+=($!)
receiver="http://127.0.0.1:$rport"
until curl -s -o /dev/null "$receiver/stats"; do sleep 0.1; done

port="$(free_port)"
mkdir -p "$work/data"
PORT="$port" DATA_DIR="$work/data" PROJECT_ROOT="$root" RATE_LIMITS=memory RATE_LIMIT_PER_USER=off \
  RATE_LIMIT_PER_IP=off RATE_LIMIT_PER_PEER=off HOOKS_ALLOW_HTTP_LOOPBACK=true QUEUE_WORKERS="$workers" \
  java ${SERVER_JAVA_OPTS:-} -jar "$root/local/target/local.jar" >"$work/server.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$port"
until curl -s -o /dev/null "$base/api/health"; do sleep 0.1; done

token="$(sign_up)"
auth=(-H "Authorization: Bearer $token")
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
project="$(curl -s -XPOST "$base/api/projects" "${auth[@]}" -H 'content-type: application/json' \
  -d '{"name":"Bench"}' | json '["id"]')"
python3 - "$work/image.png" <<'PY'
import struct, sys, zlib
w, h = 16, 16
raw = b"".join(b"\x00" + b"".join(bytes((x * 16 % 256, y * 16 % 256, 128)) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
item="$(curl -s -XPOST "$base/api/projects/$project/media?title=Poster" "${auth[@]}" -H 'content-type: image/png' \
  --data-binary "@$work/image.png" | json '["id"]')"
for _ in $(seq 1 "$hooks"); do
  curl -sf -XPOST "$base/api/projects/$project/hooks" "${auth[@]}" -H 'content-type: application/json' \
    -d "{\"url\":\"$receiver/in\",\"events\":[\"content.status_changed\"]}" >/dev/null
done
per_round=$((moves * hooks))

# wait_for COUNT: until the receiver has COUNT messages (at most DEADLINE_S, 300); prints messages/s.
wait_for() {
  local want="$1" stats
  for _ in $(seq 1 $((${DEADLINE_S:-300} * 10))); do
    stats="$(curl -s "$receiver/stats")"
    if (( ${stats%% *} >= want )); then
      python3 -c "c,f,l=map(int,'$stats'.split()); print(c / max(l - f, 1) * 1000)"
      return
    fi
    sleep 0.1
  done
  echo "the receiver got $stats of $want within the deadline" >&2
  exit 1
}

product_round() {
  curl -s -XPOST "$receiver/reset" >/dev/null
  # Rounds run in subshells: ask the item where it stands rather than remembering it.
  local status
  status="$(curl -s "$base/api/projects/$project/contents/$item" "${auth[@]}" | json '["reviewStatus"]')"
  for _ in $(seq 1 "$moves"); do
    if [[ "$status" == draft ]]; then status=in_review; else status=draft; fi
    curl -sf -XPOST "$base/api/projects/$project/contents/$item/review" "${auth[@]}" \
      -H 'content-type: application/json' -d "{\"status\":\"$status\"}" >/dev/null
  done
  wait_for "$per_round"
}

# The reference posts a body as large as a real message: take one from the product's log.
curl -s "$base/api/projects/$project/hooks" "${auth[@]}" | json '["items"][0]["id"]' >"$work/hook"
reference_round() {
  curl -s -XPOST "$receiver/reset" >/dev/null
  java "$root/bench/HookBench.java" client "$receiver/in" "$per_round" "$workers" "$work/body.json"
  wait_for "$per_round"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
product_round >/dev/null   # warm-up, and a real message body for the reference
curl -s "$base/api/projects/$project/hooks/$(cat "$work/hook")/deliveries?limit=1" "${auth[@]}" \
  | json '["items"][0]["body"]' | tr -d '\n' >"$work/body.json"
reference_round >/dev/null
: >"$work/results"
for _ in $(seq 1 "$rounds"); do
  echo "product $(product_round)" >>"$work/results"
  echo "reference $(reference_round)" >>"$work/results"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
failed="$(curl -s "$base/api/projects/$project/hooks" "${auth[@]}" | python3 -c '
import sys, json; print(sum(h["failureStreak"] for h in json.load(sys.stdin)["items"]))')"
python3 - "$work/results" "$per_round" "$hooks" "$moves" "$workers" "$failed" "$(wc -c <"$work/body.json")" <<'PY'
import statistics, sys
path, per_round, hooks, moves, workers, failed, size = sys.argv[1:]
rates = {}
for line in open(path):
    name, value = line.split()
    rates.setdefault(name, []).append(float(value))
print(f"{per_round} messages a round ({moves} review moves x {hooks} webhooks), bodies of {size} bytes, "
      f"{workers} queue workers; webhooks with failures: {failed}")
for name, label in (("product", "product: signed, checked, posted and logged"),
                    ("reference", "reference: bare JDK HttpClient, same receiver")):
    v = rates[name]
    print(f"{label:48s} median {statistics.median(v):8.1f} msg/s  (min {min(v):.1f}, max {max(v):.1f}, {len(v)} rounds)")
print(f"product / reference (medians): {statistics.median(rates['product']) / statistics.median(rates['reference']):.3f}")
PY
