#!/usr/bin/env bash
# Generation on the production document store: the local server on the Firestore and Pub/Sub
# emulators (gcloud's), the demo provider at LATENCY_MS (200) per call and CONCURRENCY (32) calls at
# once. Two scenes, ROUNDS (1) times each:
#   one project:  one person sends JOBS (10) jobs of 100 items into one project, and a further job
#                 that is cancelled 2 s later (the cancel's status and time, and how that job ended:
#                 when accepting the jobs one after another takes long, it may have run already);
#   many projects: JOBS people at once, each with a project of their own and one job of 100 items.
# The reference is the ideal wall time, ceil(items / CONCURRENCY) x LATENCY_MS; the script prints the
# wall time, the ratio, whether every item ended, whether the usage the API shows is exact (items
# used = items completed, nothing left reserved) and the load average. A scene gives up after
# DEADLINE_S (600) seconds and says so. SCENES ("one many") picks the scenes to run; the product's
# own FIRESTORE_TRANSPORT (rest, or grpc for the Firestore client library) passes through to it.
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
trap 'stop_server; stop_gcloud_emulators; rm -rf "$work"' EXIT
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
start_job() { # start_job TOKEN PROJECT KEY: prints the job id
  curl -s -XPOST "$base/projects/$2/generations" -H "Authorization: Bearer $1" -H 'content-type: application/json' \
    -H "Idempotency-Key: $3" -d "{\"kind\":\"text\",\"prompt\":\"Bench $3\",\"count\":100,\"fresh\":true}" | json 'd["id"]'
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
    lines=()
    t0="$(now_ms)"
    each=()
    for ((j = 0; j < jobs_n; j++)); do
      a0="$(now_ms)"
      lines+=("$token $project $(start_job "$token" "$project" "one-$r-$j")")
      each+=("$(( $(now_ms) - a0 ))")
    done
    extra="$(start_job "$token" "$project" "one-$r-cancelled")"
    accepted_ms=$(( $(now_ms) - t0 ))
    sleep 2
    c0="$(now_ms)"
    cancel_status="$(curl -s -o /dev/null -w '%{http_code}' -XPOST "$base/projects/$project/generations/$extra/cancel" \
      -H "Authorization: Bearer $token")"
    cancel_ms=$(( $(now_ms) - c0 ))
    done_state="$(await_jobs "$t0" "${lines[@]}" "$token $project $extra")"
    wall=$(( $(now_ms) - t0 ))
    completed=0
    for line in "${lines[@]}" "$token $project $extra"; do
      read -r tok proj job <<<"$line"
      read -r _ c _ _ <<<"$(job_state "$tok" "$proj" "$job")"
      completed=$((completed + c))
    done
    echo "  one project, round $r: wall ${wall}ms ratio $(ratio "$wall" "$ideal_ms") ($done_state);" \
      "the $((jobs_n + 1)) jobs accepted in ${accepted_ms}ms (each of the first $jobs_n: ${each[*]} ms);" \
      "cancel answered $cancel_status in ${cancel_ms}ms (job then: $(job_state "$token" "$project" "$extra"));" \
      "usage exact: $(usage_exact "$token" "$completed")"
  fi

  # Many projects, one person each.
  [[ "$scenes" == *" many "* ]] || continue
  tokens=() lines=()
  for ((j = 0; j < jobs_n; j++)); do tokens+=("$(sign_up)"); done
  projects=()
  for ((j = 0; j < jobs_n; j++)); do projects+=("$(project_of "${tokens[$j]}" "Many $r $j")"); done
  t0="$(now_ms)"
  for ((j = 0; j < jobs_n; j++)); do
    lines+=("${tokens[$j]} ${projects[$j]} $(start_job "${tokens[$j]}" "${projects[$j]}" "many-$r-$j")")
  done
  done_state="$(await_jobs "$t0" "${lines[@]}")"
  wall=$(( $(now_ms) - t0 ))
  exact=yes
  for ((j = 0; j < jobs_n; j++)); do
    read -r _ c _ _ <<<"$(job_state "${tokens[$j]}" "${projects[$j]}" "$(cut -d' ' -f3 <<<"${lines[$j]}")")"
    [[ "$(usage_exact "${tokens[$j]}" "$c")" == yes* ]] || exact=NO
  done
  echo "  $jobs_n projects at once, round $r: wall ${wall}ms ratio $(ratio "$wall" "$ideal_ms") ($done_state);" \
    "usage exact for every person: $exact"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
