#!/usr/bin/env bash
# Throughput of generation on one machine: ITEMS (1000) text items from the demo provider with a
# fixed LATENCY_MS (200) per call and CONCURRENCY (32) calls at once, sent as jobs of 100 items,
# measured from the first POST to the end of the last job as the product recorded it (its
# updatedAt; each round also prints when the script's polling noticed). The reference is the ideal
# wall time, ceil(ITEMS / CONCURRENCY) x LATENCY_MS: every slot busy with a call all the time. Runs ROUNDS (3)
# times without faults and with FAULTS (0.2) of the calls failing as transient errors, and prints
# median, min and max of the wall time and its ratio to the ideal, the load average, and per round
# the generation requests refused (any answer but 202), the items completed and failed, and the
# provider calls made. A round gives up after DEADLINE_S (120) seconds and says so, so the script
# always ends; extra server settings go in SERVER_ENV ("GUARD_ATTEMPTS=3 ...").
# Each round starts a server of its own and first runs WARMUP_ITEMS (200) items on it, untimed and
# without faults, as an instance that has served for a while would be warm; WARMUP_ITEMS=0 measures
# a freshly started server, whose first seconds go to compiling the code it runs. While waiting, the
# script asks only about jobs not yet ended, one curl each, so that it takes little of the CPU it
# measures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
items="${ITEMS:-1000}"
latency_ms="${LATENCY_MS:-200}"
concurrency="${CONCURRENCY:-32}"
faults="${FAULTS:-0.2}"
rounds="${ROUNDS:-3}"
deadline_s="${DEADLINE_S:-120}"
warmup_items="${WARMUP_ITEMS:-200}"
per_job=100
ensure_built

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }

# job_status ID: the job's status, read from its first "status" field without starting python
job_status() {
  curl -s "$base/projects/$project/generations/$1" -H "Authorization: Bearer $token" |
    grep -o '"status":"[a-z]*"' | head -1 | cut -d'"' -f4
}

run() { # run FAILURE_RATE: prints "wall_ms refused completed failed attempts timed_out"
  local rate="$1" port data token project t0 t1 jobs=() refused=0 pending answer code timed_out=0
  port="$(free_port)"
  data="$(mktemp -d)"
  (
    export DEMO_LATENCY="${latency_ms}ms" DEMO_CHUNK_DELAY=0ms DEMO_FAILURE_RATE="$rate" \
      GENERATION_CONCURRENCY="$concurrency" GUARD_BULKHEAD="$concurrency" QUOTA_TOKENS_PER_MONTH=1000000000
    # shellcheck disable=SC2086
    if [[ -n "${SERVER_ENV:-}" ]]; then export ${SERVER_ENV?}; fi
    start_server "$data" "$port"
    echo "$SERVER_PID" >"$data/pid"
  )
  until curl -s -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.05; done
  token="$(sign_up)"
  local base="http://127.0.0.1:$port/api"
  project="$(curl -s -XPOST "$base/projects" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"name":"Bench"}' | json 'd["id"]')"
  local warm w
  for ((w = 0; w < warmup_items; w += per_job)); do
    warm="$(curl -s -XPOST "$base/projects/$project/generations" -H "Authorization: Bearer $token" \
      -H 'content-type: application/json' -H "Idempotency-Key: warmup-$rate-$w" \
      -d "{\"kind\":\"text\",\"prompt\":\"Warm up $RANDOM $w\",\"count\":$((warmup_items - w < per_job ? warmup_items - w : per_job)),\"fresh\":true}" |
      json 'd["id"]')"
    until [[ "$(job_status "$warm")" =~ ^(completed|failed|cancelled)$ ]]; do sleep 0.2; done
  done
  t0=$(date +%s%N)
  for ((sent = 0; sent < items; sent += per_job)); do
    local n=$((items - sent < per_job ? items - sent : per_job))
    answer="$(curl -s -w '\n%{http_code}' -XPOST "$base/projects/$project/generations" \
      -H "Authorization: Bearer $token" -H 'content-type: application/json' -H "Idempotency-Key: bench-$rate-$sent" \
      -d "{\"kind\":\"text\",\"prompt\":\"Bench $RANDOM $sent\",\"count\":$n,\"fresh\":true}")"
    code="${answer##*$'\n'}"
    if [[ "$code" == 202 ]]; then
      jobs+=("$(printf '%s' "${answer%$'\n'*}" | json 'd["id"]')")
    else
      refused=$((refused + 1))
      if ((refused == 1)); then
        printf '%s' "${answer%$'\n'*}" | json '"first refusal: %s %s" % (d.get("status"), d.get("detail"))' >&2
      fi
    fi
  done
  local waiting=("${jobs[@]}") still
  while ((${#waiting[@]} > 0)); do
    still=()
    for job in "${waiting[@]}"; do
      [[ "$(job_status "$job")" =~ ^(completed|failed|cancelled)$ ]] || still+=("$job")
    done
    waiting=("${still[@]}")
    ((${#waiting[@]} == 0)) && break
    if (( ($(date +%s%N) - t0) / 1000000000 >= deadline_s )); then timed_out=1; break; fi
    sleep 0.2
  done
  t1=$(date +%s%N)
  # The wall time ends when the last job ended by the product's own record (its updatedAt, written
  # when it settles), on the same clock as t0: the poller notices it up to a sleep and a round of
  # curls later, which is the script's delay, not the product's.
  local summary
  summary="$(for job in "${jobs[@]}"; do curl -s "$base/projects/$project/generations/$job" -H "Authorization: Bearer $token"; echo; done |
    python3 -c 'import sys,json,datetime
c=f=a=0; end=0
for line in sys.stdin:
    if line.strip():
        j=json.loads(line); c+=j["completed"]; f+=j["failed"]; a+=sum(i["attempts"] for i in j["items"])
        if j["status"] in ("completed","failed","cancelled"):
            end=max(end, datetime.datetime.fromisoformat(j["updatedAt"].replace("Z","+00:00")).timestamp())
print(c, f, a, int(end*1000))')"
  local pid
  pid="$(cat "$data/pid")"
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -rf "$data"
  local ended_ms="${summary##* }"
  summary="${summary% *}"
  local wall=$(((t1 - t0) / 1000000))
  if ((timed_out == 0 && ended_ms > 0)); then wall=$((ended_ms - t0 / 1000000)); fi
  echo "$wall $refused $summary $timed_out $(((t1 - t0) / 1000000))"
}

ideal_ms=$(( ((items + concurrency - 1) / concurrency) * latency_ms ))
echo "items=$items latency=${latency_ms}ms concurrency=$concurrency rounds=$rounds reference: ideal=${ideal_ms}ms"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for rate in 0 "$faults"; do
  walls=()
  for ((r = 1; r <= rounds; r++)); do
    read -r wall refused completed failed attempts timed_out noticed <<<"$(run "$rate")"
    walls+=("$wall")
    echo "  faults=$rate round $r: wall=${wall}ms ratio=$(python3 -c "print(f'{$wall/$ideal_ms:.2f}')") (noticed by the poller at ${noticed}ms)" \
      "refused=$refused completed=$completed failed=$failed attempts=$attempts$([[ $timed_out == 1 ]] && echo " TIMED OUT after ${deadline_s}s")"
  done
  python3 - "$rate" "$ideal_ms" "${walls[@]}" <<'PY'
import statistics, sys
rate, ideal, walls = sys.argv[1], int(sys.argv[2]), [int(w) for w in sys.argv[3:]]
m = statistics.median(walls)
print(f"faults={rate}: product median {m:.0f} ms (min {min(walls)}, max {max(walls)}), ideal {ideal} ms, "
      f"ratio {m/ideal:.2f} (min {min(walls)/ideal:.2f}, max {max(walls)/ideal:.2f})")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
