#!/usr/bin/env bash
# The gateway's throughput with its rate limits on, in memory and on Redis, against the JDK's bare
# HTTP server answering the same bytes: an authenticated GET /api/projects/{id} from wrk with CLIENTS
# (16) connections, ROUNDS (5) rounds of DURATION (10s) each after one WARMUP (20s) of each, the
# three servers taking turns within each round so that a noisy neighbour slows them alike. The bare
# server sends the product's answer as it is on the wire: the same body and the same headers
# (BARE_HEADERS=0: the body with a Content-Type only, as it did before 2026-12-04). The
# warm-up is long because a serving instance is warm: on two cores the JIT compiler was still at
# work through a 5 s warm-up, and the product's first rounds came out at a third of its later ones.
# Prints requests/s and p99 latency (median, min, max) for each, and the ratios Redis / memory and
# memory / bare server; then, for the product's two servers, what a request cost in the rounds
# (medians): the server's user and system CPU, redis-server's CPU, and the server's context switches,
# which say where the Redis limiter's share of the two cores goes.
# Limits are on and high (RATE_LIMIT_PER_USER and _PER_IP at 100000000/1m) so every request passes
# through its buckets without being refused. Redis: a redis-server of its own on a free port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install redis-server" >&2; exit 1; }
clients="${CLIENTS:-16}"
export WARMUP="${WARMUP:-20s}"
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
redis_pid=$!

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
  printf -v "PID_$name" '%s' "$!"
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
curl -s -D "$work/headers.txt" -H "Authorization: Bearer $token" "$url_memory" >"$work/body.json"
hello_port="$(free_port)"
if [[ "${BARE_HEADERS:-1}" == 1 ]]; then
  java "$root/bench/HelloServer.java" "$hello_port" "$work/body.json" "$work/headers.txt" &
else
  java "$root/bench/HelloServer.java" "$hello_port" "$work/body.json" &
fi
pids+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$hello_port/"; do sleep 0.1; done
url_hello="http://127.0.0.1:$hello_port/api/projects/x"

# run NAME URL SECONDS: one wrk run; appends "NAME req/s p99-ms non2xx" to the results and, for
# the product's two servers, what each request cost in CPU (the server's user and system time,
# redis-server's time) and in context switches of the server's threads to the costs.
run() {
  local pid_var="PID_${1#warmup-}" before redis_before switches_before after redis_after
  if [[ -z "${!pid_var:-}" ]]; then
    wrk_run "$1" "$2" "$3" "$work/results" -H "Authorization: Bearer $token"
    return
  fi
  before="$(cpu_ticks "${!pid_var}")"
  redis_before="$(cpu_ticks "$redis_pid")"
  switches_before="$(context_switches "${!pid_var}")"
  wrk_run "$1" "$2" "$3" "$work/results" -H "Authorization: Bearer $token"
  after="$(cpu_ticks "${!pid_var}")"
  redis_after="$(cpu_ticks "$redis_pid")"
  echo "$1 $WRK_REQUESTS $before $after $redis_before $redis_after $switches_before $(context_switches "${!pid_var}")" \
    >>"$work/costs"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk_rounds "$work/results" memory redis hello
# The warm-up runs' costs are not the rounds'.
grep -v '^warmup-' "$work/costs" >"$work/costs.rounds" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$root/bench/wrk-summary.py" "$work/results" "authenticated GET at $clients clients" \
  "memory=product, limits in memory" "redis=product, limits on Redis" "hello=JDK HttpServer, same bytes" \
  "redis/memory=Redis / memory" "memory/hello=memory / bare server"
python3 - "$work/costs.rounds" "$(getconf CLK_TCK)" <<'PY'
import statistics, sys
# Lines: NAME REQUESTS USER SYS (before) USER SYS (after) REDIS_USER REDIS_SYS (before, after) SWITCHES (before, after).
ticks = int(sys.argv[2])
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    n = int(f[1])
    v = [int(x) for x in f[2:]]
    us = 1e6 / ticks / n
    rows.setdefault(f[0], []).append(((v[2] - v[0]) * us, (v[3] - v[1]) * us,
                                      (v[6] + v[7] - v[4] - v[5]) * us, (v[9] - v[8]) / n))
print("per request, medians: server CPU user / system (us), redis-server CPU (us), the server's context switches")
for name, label in (("memory", "limits in memory"), ("redis", "limits on Redis")):
    cols = list(zip(*rows[name]))
    print(f"  {label:18} {statistics.median(cols[0]):6.0f} / {statistics.median(cols[1]):4.0f}"
          f" {statistics.median(cols[2]):8.1f} {statistics.median(cols[3]):10.2f}")
PY
