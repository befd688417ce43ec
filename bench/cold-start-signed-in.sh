#!/usr/bin/env bash
# Cold start of a real signed-in request, the product against a Node peer, in one run.
#
# For each of the functions projects, contents and generations: launch to the first 200 of an
# authenticated GET that reads documents (GET /api/projects/{id}, .../contents/{contentId},
# .../generations/{jobId}), on the production adapters against gcloud's Firestore emulator and the
# Firebase Auth emulator. The product is its zip from scripts/package-functions.sh, unpacked and
# started by Google's Functions Framework invoker (2.0.0) as Cloud Functions starts it, with the
# flags and WARM_START terraform/functions.tf sets; with COLD=1 also without WARM_START. The
# reference is the same reads written with Node's Functions Framework and firebase-admin
# (bench/node-peer, installed there from npm on first use). Launches take turns, product and peer,
# RUNS (5) times each; the script prints the median, min and max wall time of each, the ratio of the
# medians (product / peer; the goal is at most 1), and the load average before and after.
#
# Both sides verify the same ID token (the Auth emulator's) and read the person, their membership
# and the route's documents. The product also asks Redis for its rate limits on each request, as in
# production (a redis-server of the script's own, when one is installed), and logs the request.
#
# The data is made once by the local server on the same Firestore emulator: a person, a project and
# a finished one-item text job from the demo provider.
#
# With CDS=1 the product also runs with a class-data archive of its own (AppCDS): one launch made with
# -XX:ArchiveClassesAtExit answers the same request and stops, and the timed ones use the archive. It
# shows what an archive made at build time would give on a runtime whose JVM and paths match the
# archive's; Cloud Functions' Java runtime brings its own JVM and invoker, so the product does not
# ship one (docs/architecture.md, "Cold starts").
#
# Knobs: RUNS (5), COLD (0), CDS (0), SKIP_PACKAGE=1 (reuse target/functions/*.zip), INVOKER_JAR,
# START_TIMEOUT seconds per launch (60), FUNCTIONS ("projects contents generations"), FLAGS (the JVM
# flags of the product's launches instead of terraform's, to weigh another flag), TOP_PACKAGES (12),
# GRPC=1 (also launch the product with FIRESTORE_TRANSPORT=grpc: its documents on the Firestore
# client library, as before the REST transport).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$root/scripts/lib/gcloud-emulator.sh"

runs="${RUNS:-5}"
start_timeout="${START_TIMEOUT:-60}"
read -r -a functions <<<"${FUNCTIONS:-projects contents generations}"
tuned_flags="${FLAGS:-$(sed -n 's/^ *JAVA_TOOL_OPTIONS *= *"\(.*\)"$/\1/p' "$root/terraform/functions.tf" | head -n 1)}"

fail() { echo "cold-start-signed-in: $*" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive whole number, not '$runs'"
for tool in java node npm curl unzip python3; do command -v "$tool" >/dev/null || fail "$tool is needed on PATH"; done
why="$(gcloud_emulator_installed firestore)" || fail "$why"
for f in "${functions[@]}"; do
  [[ "$f" == projects || "$f" == contents || "$f" == generations ]] || fail "no signed-in route for '$f' (known: projects contents generations)"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/cold-start-signed-in.XXXXXX")"
LAUNCHED_PID=""
REDIS_PID=""
cleanup() {
  [[ -n "$LAUNCHED_PID" ]] && { kill "$LAUNCHED_PID" 2>/dev/null || true; wait "$LAUNCHED_PID" 2>/dev/null || true; }
  [[ -n "$REDIS_PID" ]] && { kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; }
  stop_server
  stop_gcloud_emulators
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load1() { cut -d' ' -f1 /proc/loadavg; }
load_before="$(load1)"

ensure_built
invoker="$(invoker_jar "$work")" || fail "no Functions Framework invoker"
if [[ "${SKIP_PACKAGE:-}" != 1 ]]; then
  "$root/scripts/package-functions.sh" "${functions[@]}" >&2 || fail "packaging failed"
fi
peer="$root/bench/node-peer"
if [[ ! -d "$peer/node_modules/firebase-admin" ]]; then
  echo "==> installing the Node peer's packages (npm ci in bench/node-peer)" >&2
  (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error) >&2 || fail "npm ci in bench/node-peer failed"
fi

fs="127.0.0.1:$(free_port)"
start_gcloud_emulator firestore "$fs" "$work/firestore.log" || fail "the Firestore emulator did not start"

# The data: the local server on the same emulator makes the person, the project and a finished job.
port="$(free_port)"
base="http://127.0.0.1:$port/api"
(
  export DOCUMENTS=firestore FIRESTORE_EMULATOR_HOST="$fs" GOOGLE_CLOUD_PROJECT=demo-contentcreator \
    DEMO_LATENCY=0ms DEMO_CHUNK_DELAY=0ms
  start_server "$work/seed" "$port"
  echo "$SERVER_PID" >"$work/pid"
)
SERVER_PID="$(cat "$work/pid")"
until curl -s -o /dev/null "$base/health"; do
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the local server did not start: $(tail -n 20 "$work/seed/server.log")"
  sleep 0.1
done
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
token="$(sign_up)"
project="$(curl -s -XPOST "$base/projects" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"name":"Cold start"}' | json 'd["id"]')"
job="$(curl -s -XPOST "$base/projects/$project/generations" -H "Authorization: Bearer $token" \
  -H 'content-type: application/json' -H "Idempotency-Key: cold-$RANDOM" \
  -d '{"kind":"text","prompt":"A line about cold starts","count":1}' | json 'd["id"]')"
content=""
for _ in $(seq 1 300); do
  content="$(curl -s "$base/projects/$project/generations/$job" -H "Authorization: Bearer $token" |
    json '(d["items"][0].get("contentId") or "") if d["status"]=="completed" else ""')"
  [[ -n "$content" ]] && break
  sleep 0.1
done
[[ -n "$content" ]] || fail "the seeding job did not complete"
stop_server
redis_url=""
if command -v redis-server >/dev/null; then
  redis_port="$(free_port)"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  REDIS_PID=$!
  until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.02; done
  redis_url="redis://127.0.0.1:$redis_port/0"
fi

closed="http://127.0.0.1:$(free_port)"
java_env=(
  GOOGLE_CLOUD_PROJECT=demo-contentcreator FIREBASE_PROJECT_ID=demo-contentcreator APP_VERSION=bench
  FIREBASE_AUTH_EMULATOR_HOST="$FIREBASE_AUTH_EMULATOR_HOST" FIRESTORE_EMULATOR_HOST="$fs"
  PUBSUB_EMULATOR_HOST="${closed#http://}" DOCUMENTS=firestore BLOBS=gcs MEDIA_BUCKET=bench-media EVENTS=pubsub
  TASKS=cloudtasks TASKS_LOCATION=europe-west1 TASKS_TARGET_URL="$closed" TASKS_AUDIENCE="$closed"
  TASKS_INVOKER_SA=tasks-invoker@demo-contentcreator.iam.gserviceaccount.com PUBLIC_BASE_URL="$closed"
  OPENAI_API_KEY=sk-bench-not-a-key OPENAI_BASE_URL="$closed/v1" GOAPI_API_KEY=bench-not-a-key
  GOAPI_BASE_URL="$closed" GOAPI_WEBHOOK_SECRET=bench-secret
)
[[ -n "$redis_url" ]] && java_env+=(REDIS_URL="$redis_url")
node_env=(GOOGLE_CLOUD_PROJECT=demo-contentcreator FIREBASE_AUTH_EMULATOR_HOST="$FIREBASE_AUTH_EMULATOR_HOST"
  FIRESTORE_EMULATOR_HOST="$fs" NODE_ENV=production)

path_of() {
  case "$1" in
    projects) echo "/api/projects/$project" ;;
    contents) echo "/api/projects/$project/contents/$content" ;;
    generations) echo "/api/projects/$project/generations/$job" ;;
  esac
}
class_of() {
  case "$1" in
    projects) echo dev.contentcreator.functions.projects.ProjectsFunction ;;
    contents) echo dev.contentcreator.functions.contents.ContentsFunction ;;
    generations) echo dev.contentcreator.functions.generations.GenerationsFunction ;;
  esac
}

# launch LABEL PATH COMMAND...: starts the command (which listens on $LAUNCH_PORT), asks PATH with the
# token until an answer comes, and stops it; sets LAUNCH_MS, LAUNCH_CPU_MS (the process's user and
# system time by then, all threads: steadier than wall time on a busy machine, and what a 1-vCPU
# instance, as terraform/functions.tf asks for, would spend one after another) and LAUNCH_STATUS.
launch() {
  local label="$1" path="$2" status t0 t1 deadline
  shift 2
  t0=$(date +%s%N)
  deadline=$(($(date +%s) + start_timeout))
  "$@" >"$work/$label.log" 2>&1 &
  LAUNCHED_PID=$!
  while status="$(curl -s -o "$work/$label.body" -w '%{http_code}' --max-time "$start_timeout" \
      -H "Authorization: Bearer $token" "http://127.0.0.1:$LAUNCH_PORT$path" 2>/dev/null)"; [[ "$status" == 000 ]]; do
    kill -0 "$LAUNCHED_PID" 2>/dev/null || { tail -n 30 "$work/$label.log" >&2; fail "$label exited before answering"; }
    (($(date +%s) < deadline)) || { tail -n 30 "$work/$label.log" >&2; fail "$label: no answer in ${start_timeout}s"; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  [[ -f "$work/${label%-java-warm}.classes" ]] && cp "$work/${label%-java-warm}.classes" "$work/${label%-java-warm}.classes.at-answer"
  local stat
  read -r -a stat <"/proc/$LAUNCHED_PID/stat"
  LAUNCH_CPU_MS=$(((stat[13] + stat[14]) * 1000 / clock_ticks))
  kill "$LAUNCHED_PID" 2>/dev/null || true
  wait "$LAUNCHED_PID" 2>/dev/null || true
  LAUNCHED_PID=""
  LAUNCH_MS=$(((t1 - t0) / 1000000))
  LAUNCH_STATUS="$status"
  [[ "$status" == 200 ]] || { head -c 400 "$work/$label.body" >&2; echo >&2; tail -n 20 "$work/$label.log" >&2; fail "$label answered $status, not 200"; }
}

launch_java() { # launch_java FUNCTION DIR LABEL WARM_START [FLAGS...]; TRANSPORT chooses the Firestore transport
  local f="$1" dir="$2" label="$3" warm="$4"
  shift 4
  LAUNCH_PORT="$(free_port)"
  launch "$label" "$(path_of "$f")" env -i PATH="$PATH" HOME="$HOME" "${java_env[@]}" DATA_DIR="$work/java-data" WARM_START="$warm" \
    FIRESTORE_TRANSPORT="${TRANSPORT:-rest}" \
    java "$@" -jar "$invoker" --classpath "$dir/$(cd "$dir" && ls -- *.jar)" --target "$(class_of "$f")" --port "$LAUNCH_PORT"
}
launch_node() { # launch_node FUNCTION LABEL
  LAUNCH_PORT="$(free_port)"
  launch "$2" "$(path_of "$1")" env -i PATH="$PATH" HOME="$HOME" "${node_env[@]}" \
    node "$peer/node_modules/@google-cloud/functions-framework/build/src/main.js" \
    --source="$peer" --target="$1" --port="$LAUNCH_PORT"
}

clock_ticks="$(getconf CLK_TCK)"
# ratio 'A[@]' 'B[@]': the median of array A over the median of array B.
ratio() { awk -v a="$(median "${!1}")" -v b="$(median "${!2}")" 'BEGIN {printf "%.2f", a / b}'; }
stats() { # stats VALUES...: "median (min to max)"
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%d (%d to %d)", a[int((NR+1)/2)], a[1], a[NR]}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "cold-start-signed-in: $(java -version 2>&1 | head -n 1), node $(node --version), $(nproc) cores," \
  "load average $load_before at the start, $runs runs, redis $([[ -n "$redis_url" ]] && echo on || echo off), flags '$tuned_flags'" >&2
rows=()
for f in "${functions[@]}"; do
  dir="$work/$f"
  mkdir -p "$dir"
  unzip -q -o "$root/target/functions/$f.zip" -d "$dir"
  # One launch of each, untimed: it warms the file cache for the timed ones.
  # shellcheck disable=SC2086 # the flags are words on purpose
  launch_java "$f" "$dir" "$f-java-warm" true $tuned_flags "-Xlog:class+load:file=$work/$f.classes"
  classes="$(grep -c '\[class,load\]' "$work/$f.classes.at-answer")"
  echo "    $f: $classes classes loaded by the first answer; the most, by package:" >&2
  sed -n 's/.*\[class,load\] \([a-z0-9_]*\.[a-z0-9_]*\.[a-z0-9_]*\).*/\1/p' "$work/$f.classes.at-answer" |
    sort | uniq -c | sort -rn | head -n "${TOP_PACKAGES:-12}" | sed 's/^/      /' >&2
  launch_node "$f" "$f-node-warm"
  java_ms=() default_ms=() node_ms=() java_cpu=() default_cpu=() node_cpu=() cds_ms=() cds_cpu=() grpc_ms=() grpc_cpu=()
  if [[ "${CDS:-0}" == 1 ]]; then
    # shellcheck disable=SC2086
    launch_java "$f" "$dir" "$f-cds-dump" true $tuned_flags "-XX:ArchiveClassesAtExit=$work/$f.jsa"
    [[ -f "$work/$f.jsa" ]] || fail "$f: no class-data archive was written"
  fi
  for i in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086
    launch_java "$f" "$dir" "$f-java-$i" true $tuned_flags
    java_ms+=("$LAUNCH_MS") java_cpu+=("$LAUNCH_CPU_MS")
    if [[ "${GRPC:-0}" == 1 ]]; then
      # shellcheck disable=SC2086
      TRANSPORT=grpc launch_java "$f" "$dir" "$f-grpc-$i" true $tuned_flags
      grpc_ms+=("$LAUNCH_MS") grpc_cpu+=("$LAUNCH_CPU_MS")
    fi
    if [[ "${COLD:-0}" == 1 ]]; then
      # shellcheck disable=SC2086
      launch_java "$f" "$dir" "$f-cold-$i" false $tuned_flags
      default_ms+=("$LAUNCH_MS") default_cpu+=("$LAUNCH_CPU_MS")
    fi
    if [[ "${CDS:-0}" == 1 ]]; then
      # shellcheck disable=SC2086
      launch_java "$f" "$dir" "$f-cds-$i" true $tuned_flags "-XX:SharedArchiveFile=$work/$f.jsa"
      cds_ms+=("$LAUNCH_MS") cds_cpu+=("$LAUNCH_CPU_MS")
    fi
    launch_node "$f" "$f-node-$i"
    node_ms+=("$LAUNCH_MS") node_cpu+=("$LAUNCH_CPU_MS")
  done
  echo "    $f: product ${java_ms[*]} ms (CPU ${java_cpu[*]})${default_ms:+, without warm start ${default_ms[*]} ms (CPU ${default_cpu[*]})}${cds_ms:+, AppCDS ${cds_ms[*]} ms (CPU ${cds_cpu[*]})}${grpc_ms:+, on gRPC ${grpc_ms[*]} ms (CPU ${grpc_cpu[*]})}, node ${node_ms[*]} ms (CPU ${node_cpu[*]})" >&2
  cds_cell="-"
  if ((${#cds_ms[@]} > 0)); then cds_cell="$(stats "${cds_ms[@]}") / $(stats "${cds_cpu[@]}") ($(ratio 'cds_ms[@]' 'node_ms[@]') / $(ratio 'cds_cpu[@]' 'node_cpu[@]'))"; fi
  cold_cell="-"
  if ((${#default_ms[@]} > 0)); then cold_cell="$(stats "${default_ms[@]}") / $(stats "${default_cpu[@]}")"; fi
  grpc_cell="-"
  if ((${#grpc_ms[@]} > 0)); then grpc_cell="$(stats "${grpc_ms[@]}") / $(stats "${grpc_cpu[@]}") ($(ratio 'grpc_ms[@]' 'node_ms[@]') / $(ratio 'grpc_cpu[@]' 'node_cpu[@]'))"; fi
  request="$(path_of "$f" | sed "s/$project/{id}/; s/$content/{contentId}/; s/$job/{jobId}/")"
  rows+=("| $f | \`GET $request\` | $(stats "${java_ms[@]}") / $(stats "${java_cpu[@]}") | $cold_cell | $cds_cell | $grpc_cell | $(stats "${node_ms[@]}") / $(stats "${node_cpu[@]}") | $(ratio 'java_ms[@]' 'node_ms[@]') / $(ratio 'java_cpu[@]' 'node_cpu[@]') |")
  rm -rf "$dir"
done

echo
echo "Launch to the first 200 of a signed-in read: wall ms / CPU ms, each the median (min to max) of $runs; the product with $tuned_flags; load average $load_before before, $(load1) after."
echo
echo "| function | request | product | product without WARM_START | product with AppCDS (/ peer) | product on gRPC (/ peer) | Node peer | product / peer, wall / CPU |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
