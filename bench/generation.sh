#!/usr/bin/env bash
# Throughput of generation on one machine: ITEMS (1000) text items from the demo provider with a
# fixed LATENCY (200ms) per call and a concurrency limit of CONCURRENCY (32), measured from the
# first POST to the last item's end, against the ideal ceil(ITEMS / CONCURRENCY) x LATENCY; once
# without faults and once with FAULTS (0.2) of the provider calls failing as transient errors.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
items="${ITEMS:-1000}"
latency_ms="${LATENCY_MS:-200}"
concurrency="${CONCURRENCY:-32}"
faults="${FAULTS:-0.2}"
per_job=100
ensure_built

run() { # run FAILURE_RATE: prints the wall time in ms and the end state of the jobs
  local rate="$1" port data token project t0 t1 jobs=() pending
  port="$(free_port)"
  data="$(mktemp -d)"
  DEMO_LATENCY="${latency_ms}ms" DEMO_CHUNK_DELAY=0ms DEMO_FAILURE_RATE="$rate" \
    GENERATION_CONCURRENCY="$concurrency" GUARD_BULKHEAD="$concurrency" \
    start_server "$data" "$port"
  until curl -s -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.05; done
  token="$(sign_up)"
  local base="http://127.0.0.1:$port/api"
  project="$(curl -s -XPOST "$base/projects" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"name":"Bench"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')"
  t0=$(date +%s%N)
  for ((sent = 0; sent < items; sent += per_job)); do
    local n=$((items - sent < per_job ? items - sent : per_job))
    jobs+=("$(curl -s -XPOST "$base/projects/$project/generations" -H "Authorization: Bearer $token" \
      -H 'content-type: application/json' -H "Idempotency-Key: bench-$rate-$sent" \
      -d "{\"kind\":\"text\",\"prompt\":\"Bench $RANDOM $sent\",\"count\":$n,\"fresh\":true}" |
      python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')")
  done
  while true; do
    pending=0
    for job in "${jobs[@]}"; do
      status="$(curl -s "$base/projects/$project/generations/$job" -H "Authorization: Bearer $token" |
        python3 -c 'import sys,json; print(json.load(sys.stdin)["status"])')"
      [[ "$status" == completed || "$status" == failed || "$status" == cancelled ]] || pending=$((pending + 1))
    done
    ((pending == 0)) && break
    sleep 0.2
  done
  t1=$(date +%s%N)
  local summary
  summary="$(for job in "${jobs[@]}"; do curl -s "$base/projects/$project/generations/$job" -H "Authorization: Bearer $token"; echo; done |
    python3 -c 'import sys,json
c=f=a=0
for line in sys.stdin:
    if line.strip():
        j=json.loads(line); c+=j["completed"]; f+=j["failed"]; a+=sum(i["attempts"] for i in j["items"])
print(f"completed={c} failed={f} attempts={a}")')"
  stop_server
  rm -rf "$data"
  echo "$(((t1 - t0) / 1000000)) $summary"
}

ideal_ms=$(( ((items + concurrency - 1) / concurrency) * latency_ms ))
echo "items=$items latency=${latency_ms}ms concurrency=$concurrency ideal=${ideal_ms}ms"
for rate in 0 "$faults"; do
  read -r wall rest <<<"$(run "$rate")"
  python3 -c "print(f'faults=$rate wall=${wall}ms ratio={$wall/$ideal_ms:.2f}x $rest')"
done
