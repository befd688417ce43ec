#!/usr/bin/env bash
# Requests per second and latency (p50, p90, p99) of an authenticated GET /api/projects/{id} at
# CLIENTS (default 16) concurrent clients, for SECONDS (default 20) after WARMUP (default 10) s.
# Rate limits are off for the run; the load comes from bench/LoadTest.java on the same machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
clients="${CLIENTS:-16}"
ensure_built
port="$(free_port)"
data="$(mktemp -d)"
start_server "$data" "$port"
trap 'stop_server; rm -rf "$data"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.05; done
token="$(sign_up)"
project="$(curl -s -XPOST "http://127.0.0.1:$port/api/projects" -H "Authorization: Bearer $token" \
  -H 'content-type: application/json' -d '{"name":"Bench"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')"
java "$root/bench/LoadTest.java" "http://127.0.0.1:$port/api/projects/$project" "$token" "$clients" \
  "${WARMUP:-10}" "${SECONDS_TO_RUN:-20}"
