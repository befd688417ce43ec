#!/usr/bin/env bash
# Requests per second and latency (p50, p90, p99) of an authenticated GET /api/projects/{id} with
# CLIENTS (default 16) concurrent connections for DURATION (default 20s), after a WARMUP (default
# 10s) run whose figures are dropped. Rate limits are off for the run. The load comes from wrk
# (Debian package `wrk`), on the same machine as the server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
clients="${CLIENTS:-16}"
ensure_built
port="$(free_port)"
data="$(mktemp -d)"
start_server "$data" "$port" ${SERVER_JAVA_OPTS:-}
trap 'stop_server; rm -rf "$data"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.05; done
token="$(sign_up)"
project="$(curl -s -XPOST "http://127.0.0.1:$port/api/projects" -H "Authorization: Bearer $token" \
  -H 'content-type: application/json' -d '{"name":"Bench"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')"
url="http://127.0.0.1:$port/api/projects/$project"
wrk -t2 -c"$clients" -d"${WARMUP:-10s}" -H "Authorization: Bearer $token" "$url" >/dev/null
out="$(wrk -t2 -c"$clients" -d"${DURATION:-20s}" --latency -H "Authorization: Bearer $token" "$url")"
echo "$out" | grep -E "Requests/sec|Non-2xx|Socket errors" || true
echo "$out" | awk '/Latency Distribution/ {on=1; next} on && /%/ {print "  p" $1 " " $2} /requests in/ {on=0}'
