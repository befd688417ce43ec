#!/usr/bin/env bash
# Generation on the production document store: the local server on the Firestore and Pub/Sub
# emulators (gcloud's), the demo provider at LATENCY_MS (200) per call and CONCURRENCY (32) calls at
# once. Two scenes, ROUNDS (1) times each:
#   one project:  one person sends JOBS (10) jobs of 100 items into one project, and a further job
#                 that is cancelled 2 s later (the cancel's status and time, and how that job ended:
#                 when accepting the jobs one after another takes long, it may have run already);
#   many projects: JOBS people at once, each with a project of their own and one job of 100 items.
# The reference is the ideal wall time, ceil(items / CONCURRENCY) x LATENCY_MS; the script prints the
# wall time (from the first POST to the end of the last job as the product recorded it, its
# updatedAt; also when the script's polling noticed), the ratio, how long accepting the jobs took
# (one python process sends them one after another, so the client's start-up is not counted per
# job), whether every item ended, whether the usage the API shows is exact (items used = items
# completed, nothing left reserved) and the load average. A scene gives up after DEADLINE_S (600)
# seconds and says so. SCENES ("one many") picks the scenes to run; the product's own
# FIRESTORE_TRANSPORT (rest, or grpc for the Firestore client library) passes through to it.
# KEEP_LOGS=DIR copies the server's and the emulators' logs there at the end.
# gcloud's Pub/Sub emulator loses a delivery now and then: when a client resets a streaming pull it
# fails with a NoSuchMethodError (a gRPC mismatch inside its own jar), and the messages outstanding
# on that stream come back only minutes later. A job whose event it lost then waits for the server's
# sweep of queued jobs (JOBS_SWEEP, 5m, as Cloud Scheduler's jobs-sweep in production), and its scene
# takes minutes instead of seconds; so each scene's line says how many streams the emulator failed
# meanwhile and how many times the sweep fanned out a job still queued.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$root/scripts/lib/gcloud-emulator.sh"
latency_ms="${LATENCY_MS:-200}"
concurrency="${CONCURRENCY:-32}"
jobs_n="${JOBS:-10}"
rounds="${ROUNDS:-1}"
deadline_s="${DEADLINE_S:-600}"
scenes=" ${SCENES:-one many} "
ensure_built
why="$(gcloud_emulator_installed firestore)" || { echo "firestore-jobs: $why" >&2; exit 1; }

json() { # json EXPR: EXPR of the JSON document on stdin (d); an answer without it is shown and stops the run
  python3 -c "import sys,json
raw=sys.stdin.read()
try:
    d=json.loads(raw); print($1)
except Exception:
    sys.exit('unexpected answer: ' + raw[:400])"
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

work="$(mktemp -d)"
fs="127.0.0.1:$(free_port)"
ps="127.0.0.1:$(free_port)"
finish() {
  stop_server
  stop_gcloud_emulators
  if [[ -n "${KEEP_LOGS:-}" ]]; then
    mkdir -p "$KEEP_LOGS"
    cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null || true
    cp "$work"/data/*.log "$KEEP_LOGS"/ 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap finish EXIT
start_gcloud_emulator firestore "$fs" "$work/firestore.log"
start_gcloud_emulator pubsub "$ps" "$work/pubsub.log"

port="$(free_port)"
base="http://127.0.0.1:$port/api"
(
  export DOCUMENTS=firestore EVENTS=pubsub FIRESTORE_EMULATOR_HOST="$fs" PUBSUB_EMULATOR_HOST="$ps" \
    GOOGLE_CLOUD_PROJECT=demo-contentcreator DEMO_LATENCY="${latency_ms}ms" DEMO_CHUNK_DELAY=0ms \
    GENERATION_CONCURRENCY="$concurrency" QUOTA_TOKENS_PER_MONTH=1000000000
  start_server "$work/data" "$port"
  echo "$SERVER_PID" >"$work/pid"
)
SERVER_PID="$(cat "$work/pid")"
until curl -s -o /dev/null "$base/health"; do sleep 0.1; done

project_of() { # project_of TOKEN NAME
  curl -s -XPOST "$base/projects" -H "Authorization: Bearer $1" -H 'content-type: application/json' \
    -d "{\"name\":\"$2\"}" | json 'd["id"]'
}
post_jobs() { # post_jobs "TOKEN PROJECT KEY"...: starts each job in turn from one python process; prints "JOB MS" per job
  python3 - "$base" "$@" <<'PY'
import json, sys, time, urllib.request
base = sys.argv[1]
for spec in sys.argv[2:]:
    token, project, key = spec.split()
    body = json.dumps({"kind": "text", "prompt": "Bench " + key, "count": 100, "fresh": True}).encode()
    request = urllib.request.Request(f"{base}/projects/{project}/generations", data=body, method="POST", headers={
        "Authorization": "Bearer " + token, "content-type": "application/json", "Idempotency-Key": key})
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(request) as answer:
            job = json.load(answer)["id"]
    except urllib.error.HTTPError as e:
        sys.exit(f"job {key} refused: {e.code} {e.read()[:400]!r}")
    print(job, round((time.monotonic() - t0) * 1000), flush=True)
PY
}
ended_ms() { # ended_ms "TOKEN PROJECT JOB"...: when the last of these jobs ended, by the product's record (epoch ms)
  for line in "$@"; do
    read -r tok proj job <<<"$line"
    curl -s "$base/projects/$proj/generations/$job" -H "Authorization: Bearer $tok"
    echo
  done | python3 -c 'import sys,json,datetime
end=0
for line in sys.stdin:
    if line.strip():
        j=json.loads(line)
        end=max(end, datetime.datetime.fromisoformat(j["updatedAt"].replace("Z","+00:00")).timestamp())
print(int(end*1000))'
}
job_state() { # job_state TOKEN PROJECT JOB: "status completed failed cancelled"
  curl -s "$base/projects/$2/generations/$3" -H "Authorization: Bearer $1" |
    json '"%s %d %d %d" % (d["status"], d["completed"], d["failed"], d["cancelled"])'
}
await_jobs() { # await_jobs START_MS TOKEN PROJECT JOB... (token and project per job: "token project job")
  local t0="$1" pending line
  shift
  while true; do
    pending=0
    for line in "$@"; do
      read -r tok proj job <<<"$line"
      read -r status _ <<<"$(job_state "$tok" "$proj" "$job")"
      [[ "$status" == completed || "$status" == failed || "$status" == cancelled ]] || pending=$((pending + 1))
    done
    ((pending == 0)) && { echo ok; return; }
    (( ($(now_ms) - t0) / 1000 >= deadline_s )) && { echo "TIMED OUT with $pending jobs open"; return; }
    sleep 0.5
  done
}
usage_exact() { # usage_exact TOKEN COMPLETED: "yes" when used items = completed and nothing is reserved
  curl -s "$base/me" -H "Authorization: Bearer $1" | python3 -c "import sys,json
u=json.load(sys.stdin)['usage']
ok=u['items']==$2 and u['reservedTokens']==0 and u['reservedImages']==0
print(('yes' if ok else 'NO') + f\" (items {u['items']}, reserved tokens {u['reservedTokens']})\")"
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
lost_so_far() { # lost_so_far: "STREAMS SWEPT": the emulator's failed streams and the jobs the sweep fanned out, so far
  local streams swept
  streams="$(grep -c 'Exception in onRstStreamRead' "$work/pubsub.log" || true)"
  swept="$(grep -o 'queued the items of [0-9]* job' "$work/data/server.log" | awk '{s += $5} END {print s + 0}')"
  echo "${streams:-0} ${swept:-0}"
}
lost_since() { # lost_since "STREAMS SWEPT": what lost_so_far added since, in words
  local before now
  read -r -a before <<<"$1"
  read -r -a now <<<"$(lost_so_far)"
  echo "Pub/Sub emulator streams failed: $((now[0] - before[0])), queued jobs the sweep fanned out: $((now[1] - before[1]))"
}

items=$((jobs_n * 100))
ideal_ms=$(( ((items + concurrency - 1) / concurrency) * latency_ms ))
echo "firestore emulator: $items items in $jobs_n jobs of 100, latency ${latency_ms}ms, concurrency $concurrency," \
  "transport ${FIRESTORE_TRANSPORT:-rest}; reference: ideal ${ideal_ms}ms"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  # One project, one person.
  if [[ "$scenes" == *" one "* ]]; then
    token="$(sign_up)"
    project="$(project_of "$token" "One $r")"
    lines=() specs=() each=()
    lost="$(lost_so_far)"
    for ((j = 0; j < jobs_n; j++)); do specs+=("$token $project one-$r-$j"); done
    t0="$(now_ms)"
    while read -r job ms; do
      lines+=("$token $project $job")
      each+=("$ms")
    done < <(post_jobs "${specs[@]}" "$token $project one-$r-cancelled")
    accepted_ms=$(( $(now_ms) - t0 ))
    extra="$(cut -d' ' -f3 <<<"${lines[$jobs_n]}")"
    unset "lines[$jobs_n]" "each[$jobs_n]"
    sleep 2
    c0="$(now_ms)"
    cancel_status="$(curl -s -o /dev/null -w '%{http_code}' -XPOST "$base/projects/$project/generations/$extra/cancel" \
      -H "Authorization: Bearer $token")"
    cancel_ms=$(( $(now_ms) - c0 ))
    done_state="$(await_jobs "$t0" "${lines[@]}" "$token $project $extra")"
    noticed=$(( $(now_ms) - t0 ))
    wall="$noticed"
    [[ "$done_state" == ok ]] && wall=$(( $(ended_ms "${lines[@]}" "$token $project $extra") - t0 ))
    completed=0
    for line in "${lines[@]}" "$token $project $extra"; do
      read -r tok proj job <<<"$line"
      read -r _ c _ _ <<<"$(job_state "$tok" "$proj" "$job")"
      completed=$((completed + c))
    done
    echo "  one project, round $r: wall ${wall}ms ratio $(ratio "$wall" "$ideal_ms") ($done_state; noticed at ${noticed}ms);" \
      "the $((jobs_n + 1)) jobs accepted in ${accepted_ms}ms (each of the first $jobs_n: ${each[*]} ms);" \
      "cancel answered $cancel_status in ${cancel_ms}ms (job then: $(job_state "$token" "$project" "$extra"));" \
      "usage exact: $(usage_exact "$token" "$completed"); $(lost_since "$lost")"
  fi

  # Many projects, one person each.
  [[ "$scenes" == *" many "* ]] || continue
  tokens=() lines=()
  for ((j = 0; j < jobs_n; j++)); do tokens+=("$(sign_up)"); done
  projects=()
  for ((j = 0; j < jobs_n; j++)); do projects+=("$(project_of "${tokens[$j]}" "Many $r $j")"); done
  specs=()
  lost="$(lost_so_far)"
  for ((j = 0; j < jobs_n; j++)); do specs+=("${tokens[$j]} ${projects[$j]} many-$r-$j"); done
  t0="$(now_ms)"
  j=0
  while read -r job _; do
    lines+=("${tokens[$j]} ${projects[$j]} $job")
    j=$((j + 1))
  done < <(post_jobs "${specs[@]}")
  accepted_ms=$(( $(now_ms) - t0 ))
  done_state="$(await_jobs "$t0" "${lines[@]}")"
  noticed=$(( $(now_ms) - t0 ))
  wall="$noticed"
  [[ "$done_state" == ok ]] && wall=$(( $(ended_ms "${lines[@]}") - t0 ))
  exact=yes
  for ((j = 0; j < jobs_n; j++)); do
    read -r _ c _ _ <<<"$(job_state "${tokens[$j]}" "${projects[$j]}" "$(cut -d' ' -f3 <<<"${lines[$j]}")")"
    [[ "$(usage_exact "${tokens[$j]}" "$c")" == yes* ]] || exact=NO
  done
  echo "  $jobs_n projects at once, round $r: wall ${wall}ms ratio $(ratio "$wall" "$ideal_ms") ($done_state; noticed at ${noticed}ms; accepted in ${accepted_ms}ms);" \
    "usage exact for every person: $exact; $(lost_since "$lost")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
