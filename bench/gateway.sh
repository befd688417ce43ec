#!/usr/bin/env bash
# The gateway's throughput with its rate limits on, in memory and on Redis, against the JDK's bare
# HTTP server answering the same bytes: an authenticated GET /api/projects/{id} from wrk with CLIENTS
# (16) connections, ROUNDS (5) rounds of DURATION (10s) each after one WARMUP, the three servers
# taking turns within each round so that a noisy neighbour slows them alike. Prints requests/s and
# p99 latency (median, min, max) for each, and the ratios Redis / memory and memory / bare server.
# Limits are on and high (RATE_LIMIT_PER_USER and _PER_IP at 100000000/1m) so every request passes
# through its buckets without being refused. Redis: a redis-server of its own on a free port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install redis-server" >&2; exit 1; }
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

redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)

# start NAME [ENV...]: the local server on a free port with high limits; sets PORT_<NAME>.
start() {
  local name="$1" port
  shift
  port="$(free_port)"
  mkdir -p "$work/$name"
  env "$@" PORT="$port" DATA_DIR="$work/$name" PROJECT_ROOT="$root" RATE_LIMIT_PER_USER=100000000/1m \
    RATE_LIMIT_PER_IP=100000000/1m RATE_LIMIT_PER_PEER=100000000/1m \
    java ${SERVER_JAVA_OPTS:-} -jar "$root/local/target/local.jar" >"$work/$name/server.log" 2>&1 &
  pids+=($!)
  printf -v "PORT_$name" '%s' "$port"
  until curl -s -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.1; done
}
start memory RATE_LIMITS=memory
start redis RATE_LIMITS=redis CACHE=memory REDIS_URL="redis://127.0.0.1:$redis_port/0"

token="$(sign_up)"
# project NAME: a project made on that server; prints its URL.
project() {
  local port="$1" id
  id="$(curl -s -XPOST "http://127.0.0.1:$port/api/projects" -H "Authorization: Bearer $token" \
    -H 'content-type: application/json' -d '{"name":"Bench"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')"
  echo "http://127.0.0.1:$port/api/projects/$id"
}
url_memory="$(project "$PORT_memory")"
url_redis="$(project "$PORT_redis")"
curl -s -H "Authorization: Bearer $token" "$url_memory" >"$work/body.json"
hello_port="$(free_port)"
java "$root/bench/HelloServer.java" "$hello_port" "$work/body.json" &
pids+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$hello_port/"; do sleep 0.1; done
url_hello="http://127.0.0.1:$hello_port/api/projects/x"

# run NAME URL SECONDS: one wrk run; appends "NAME req/s p99-ms non2xx" to the results.
run() {
  local out
  out="$(wrk -t2 -c"$clients" -d"$3" --latency -H "Authorization: Bearer $token" "$2")"
  python3 - "$1" "$out" >>"$work/results" <<'PY'
import re, sys
name, out = sys.argv[1], sys.argv[2]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(name, rps, p99, bad.group(1) if bad else 0)
PY
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in memory redis hello; do
  url_var="url_$name"
  run "warmup-$name" "${!url_var}" "${WARMUP:-5s}"
done
: >"$work/results"
for _ in $(seq 1 "$rounds"); do
  for name in memory redis hello; do
    url_var="url_$name"
    run "$name" "${!url_var}" "$duration"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/results" "$clients" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rps, p99, bad = line.split()
    rows.setdefault(name, []).append((float(rps), float(p99), int(bad)))
labels = {"memory": "product, limits in memory", "redis": "product, limits on Redis",
          "hello": "JDK HttpServer, same bytes"}
print(f"authenticated GET at {sys.argv[2]} clients; {len(rows['memory'])} rounds")
print(f"{'':30} {'req/s median':>12} {'min':>8} {'max':>8} {'p99 ms median':>14} {'min':>6} {'max':>6} {'non-2xx':>8}")
med = {}
for name, label in labels.items():
    rps = sorted(r[0] for r in rows[name]); p99 = sorted(r[1] for r in rows[name])
    med[name] = statistics.median(rps)
    print(f"{label:30} {med[name]:12.0f} {rps[0]:8.0f} {rps[-1]:8.0f} {statistics.median(p99):14.2f} "
          f"{p99[0]:6.2f} {p99[-1]:6.2f} {sum(r[2] for r in rows[name]):8d}")
print(f"ratio Redis / memory: {med['redis'] / med['memory']:.2f}")
print(f"ratio memory / bare server: {med['memory'] / med['hello']:.2f}")
PY
