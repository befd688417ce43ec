#!/usr/bin/env bash
# Cold start of every HTTP function as Cloud Functions runs it: the zip of scripts/package-functions.sh,
# unpacked, started by Google's Functions Framework invoker (java-function-invoker 2.0.0) with the
# function's thin jar as classpath, timed from launch to the first complete HTTP answer on a cheap
# route (health: GET /api/health; the others a request without a token, answered 401). For each
# function it prints the zip size, the median of RUNS launches with the default JVM flags and with
# TUNED_FLAGS (what terraform/functions.tf sets as JAVA_TOOL_OPTIONS), the classes loaded by the time
# the first answer arrived (-Xlog:class+load), and which heavy SDKs those include. It exits 1 if any
# function loaded a com.openai class for that first request (only a provider call may load openai-java),
# or answered any launch with a 5xx (a function that cannot answer its cheapest request is broken).
#
#   bench/cold-start.sh                     every HTTP function
#   bench/cold-start.sh health generations  only these
#
# The functions run on their production adapters (DOCUMENTS=firestore, BLOBS=gcs, EVENTS=pubsub,
# TASKS=cloudtasks), as deployed: the embedded ones are not in their zips. Every address they could
# reach (emulator hosts, provider base URLs, the task target) points at a closed local port, so
# nothing leaves the machine, and provider keys are set to fake values, so a function that would build
# a provider client on start-up shows it. With redis-server on PATH (REDIS=auto) each function gets a
# fresh one through REDIS_URL, as in production.
#
# Knobs: RUNS (3), TUNED_FLAGS ("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; empty skips that column),
# SKIP_PACKAGE=1 (reuse target/functions/*.zip), INVOKER_JAR (a java-function-invoker jar to use
# instead of copying 2.0.0 into target/bench/), REDIS (auto|off), START_TIMEOUT seconds per launch (60).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-3}"
tuned_flags="${TUNED_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
start_timeout="${START_TIMEOUT:-60}"

# module, target class, method and path of the cheap first request.
specs=(
  "health dev.contentcreator.functions.health.HealthFunction GET /api/health"
  "users dev.contentcreator.functions.users.UsersFunction GET /api/me"
  "projects dev.contentcreator.functions.projects.ProjectsFunction GET /api/projects"
  "generations dev.contentcreator.functions.generations.GenerationsFunction POST /api/projects/bench/generations"
  "contents dev.contentcreator.functions.contents.ContentsFunction GET /api/projects/bench/contents"
  "templates dev.contentcreator.functions.templates.TemplatesFunction GET /api/templates"
  "webhooks dev.contentcreator.functions.webhooks.WebhooksFunction POST /api/webhooks/goapi"
  "knowledge dev.contentcreator.functions.knowledge.KnowledgeFunction GET /api/projects/bench/knowledge"
  "media dev.contentcreator.functions.media.MediaFunction POST /api/projects/bench/media"
  "batches dev.contentcreator.functions.batches.BatchesFunction GET /api/projects/bench/batches"
  "tasks dev.contentcreator.functions.tasks.TasksFunction POST /generation-item"
  "scheduler dev.contentcreator.functions.scheduler.SchedulerFunction POST /batches:tick"
)

fail() { echo "cold-start: $*" >&2; exit 2; }

selected=()
if [[ $# -eq 0 ]]; then
  selected=("${specs[@]}")
else
  for name in "$@"; do
    found=""
    for spec in "${specs[@]}"; do [[ "${spec%% *}" == "$name" ]] && found="$spec"; done
    [[ -n "$found" ]] || fail "no HTTP function named '$name' (known: $(for s in "${specs[@]}"; do printf '%s ' "${s%% *}"; done))"
    selected+=("$found")
  done
fi
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive whole number, not '$runs'"
for tool in java curl unzip python3; do command -v "$tool" >/dev/null || fail "$tool is needed on PATH"; done

work="$(mktemp -d "${TMPDIR:-/tmp}/cold-start.XXXXXX")"
FUNCTION_PID=""
REDIS_PID=""
cleanup() {
  for pid in "$FUNCTION_PID" "$REDIS_PID"; do
    if [[ -n "$pid" ]]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

invoker="$(invoker_jar "$work")" || fail "no Functions Framework invoker"
modules=()
for spec in "${selected[@]}"; do modules+=("${spec%% *}"); done
if [[ "${SKIP_PACKAGE:-}" != 1 ]]; then
  "$root/scripts/package-functions.sh" "${modules[@]}" >&2 || fail "packaging failed"
fi

# A port nobody listens on: the target of every address that must not be reached.
closed_port="$(free_port)"
redis_mode="${REDIS:-auto}"
[[ "$redis_mode" == auto || "$redis_mode" == off ]] || fail "REDIS must be auto or off, not '$redis_mode'"
[[ "$redis_mode" == auto ]] && ! command -v redis-server >/dev/null && redis_mode=off

closed="http://127.0.0.1:$closed_port"
base_env=(
  GOOGLE_CLOUD_PROJECT=demo-contentcreator FIREBASE_PROJECT_ID=demo-contentcreator APP_VERSION=bench
  FIREBASE_AUTH_EMULATOR_HOST="${FIREBASE_AUTH_EMULATOR_HOST}"
  FIRESTORE_EMULATOR_HOST="127.0.0.1:$closed_port" PUBSUB_EMULATOR_HOST="127.0.0.1:$closed_port"
  DOCUMENTS=firestore BLOBS=gcs MEDIA_BUCKET=bench-media EVENTS=pubsub TASKS=cloudtasks
  TASKS_LOCATION=europe-west1 TASKS_TARGET_URL="$closed" TASKS_AUDIENCE="$closed"
  TASKS_INVOKER_SA=tasks-invoker@demo-contentcreator.iam.gserviceaccount.com
  SCHEDULER_AUDIENCE="$closed" SCHEDULER_INVOKER_SA=scheduler-invoker@demo-contentcreator.iam.gserviceaccount.com
  BACKUP_BUCKET=bench-backups PUBLIC_BASE_URL="$closed" WARM_START=true
  OPENAI_API_KEY=sk-bench-not-a-key OPENAI_BASE_URL="$closed/v1"
  GOAPI_API_KEY=bench-not-a-key GOAPI_BASE_URL="$closed" GOAPI_WEBHOOK_SECRET=bench-secret
)

# launch MODULE_DIR TARGET METHOD PATH LABEL [JVM FLAGS...]: starts the function, waits for its first
# answer and stops it; sets LAUNCH_MS (wall), LAUNCH_CPU_MS (the JVM's user + system time by then, all
# threads: steadier than wall time on a busy machine, and near what a 1-vCPU instance, where every
# thread shares one core, spends) and LAUNCH_STATUS. Each launch gets a fresh data folder, port and
# Redis. It runs in this shell (not a subshell), so the EXIT trap sees every process it started.
launch() {
  local dir="$1" target="$2" method="$3" path="$4" label="$5"
  shift 5
  local port data t0 t1 status deadline
  port="$(free_port)"
  data="$(mktemp -d "$work/data.XXXXXX")"
  local env=("${base_env[@]}" DATA_DIR="$data")
  if [[ "$redis_mode" == auto ]]; then
    local redis_port
    redis_port="$(free_port)"
    redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$data" \
      >"$data/redis.log" 2>&1 &
    REDIS_PID=$!
    until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do
      kill -0 "$REDIS_PID" 2>/dev/null || fail "redis-server did not start: $(tail -n 5 "$data/redis.log")"
      sleep 0.02
    done
    env+=(REDIS_URL="redis://127.0.0.1:$redis_port/0")
  fi
  deadline=$(($(date +%s) + start_timeout))
  t0=$(date +%s%N)
  env -i PATH="$PATH" HOME="$HOME" "${env[@]}" java "$@" -jar "$invoker" \
    --classpath "$dir/$(cd "$dir" && ls -- *.jar)" --target "$target" --port "$port" >"$work/$label.log" 2>&1 &
  FUNCTION_PID=$!
  # Any complete answer counts as served; 000 means nothing answered yet (refused or cut short).
  local body=()
  [[ "$method" == POST ]] && body=(-H 'content-type: application/json' --data-binary '{}')
  while status="$(curl -s -o /dev/null -w '%{http_code}' --max-time "$start_timeout" -X "$method" "${body[@]}" \
      "http://127.0.0.1:$port$path" 2>/dev/null)";
      [[ "$status" == 000 ]]; do
    if ! kill -0 "$FUNCTION_PID" 2>/dev/null; then
      tail -n 30 "$work/$label.log" >&2
      fail "$label: the function exited before answering"
    fi
    (($(date +%s) < deadline)) || { tail -n 30 "$work/$label.log" >&2; fail "$label: no answer in ${start_timeout}s"; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  local stat
  read -r -a stat <"/proc/$FUNCTION_PID/stat"
  LAUNCH_CPU_MS=$(((stat[13] + stat[14]) * 1000 / clock_ticks))
  [[ -n "${CLASS_LOG:-}" ]] && cp "$CLASS_LOG" "$CLASS_LOG.at-first-answer"
  kill "$FUNCTION_PID" 2>/dev/null || true
  wait "$FUNCTION_PID" 2>/dev/null || true
  FUNCTION_PID=""
  if [[ -n "$REDIS_PID" ]]; then
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
  fi
  rm -rf "$data"
  LAUNCH_MS=$(((t1 - t0) / 1000000))
  LAUNCH_STATUS="$status"
  [[ "$status" == 5* ]] && broken+=("$label ($status, log: $(grep -m 1 -E 'Exception|Error' "$work/$label.log" || echo none))")
  return 0
}

clock_ticks="$(getconf CLK_TCK)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Heavy SDKs worth knowing about on a first request: package prefix and the name shown.
sdks=("com.openai.:openai-java" "com.google.cloud.firestore.:Firestore" "com.google.firebase.:firebase-admin"
  "com.google.cloud.pubsub.:Pub/Sub" "com.google.cloud.tasks.:Cloud Tasks" "com.google.cloud.storage.:Cloud Storage"
  "io.grpc.:gRPC" "redis.clients.:jedis")

load1() { cut -d' ' -f1 /proc/loadavg; }
echo "cold-start: $(java -version 2>&1 | head -n 1), $(nproc) cores, load average $(load1) at the start," \
  "invoker $(basename "$invoker"), $runs runs, redis $redis_mode" >&2

rows=()
openai_found=()
broken=()
for spec in "${selected[@]}"; do
  read -r module target method path <<<"$spec"
  zip_file="$root/target/functions/$module.zip"
  [[ -f "$zip_file" ]] || fail "no $zip_file (run without SKIP_PACKAGE=1)"
  dir="$work/$module"
  mkdir -p "$dir"
  unzip -q -o "$zip_file" -d "$dir"
  jar_count="$(cd "$dir" && find . -maxdepth 1 -name '*.jar' | wc -l)"
  [[ "$jar_count" == 1 ]] || fail "$zip_file holds $jar_count jars at its top, expected its function's one"
  zip_mib="$(awk -v b="$(stat -c %s "$zip_file")" 'BEGIN {printf "%.1f", b / 1048576}')"

  # One launch with class loading logged, first: its counts, and it warms the file cache for the timed ones.
  CLASS_LOG="$work/$module.classes"
  launch "$dir" "$target" "$method" "$path" "$module-classes" "-Xlog:class+load:file=$CLASS_LOG"
  status="$LAUNCH_STATUS"
  snapshot="$CLASS_LOG.at-first-answer"
  classes="$(grep -c '\[class,load\]' "$snapshot")"
  from_zip="$(grep -c "source: .*$dir/" "$snapshot" || true)"
  loaded=()
  for sdk in "${sdks[@]}"; do
    count="$(grep -c "\[class,load\] ${sdk%%:*}" "$snapshot" || true)"
    ((count > 0)) && loaded+=("${sdk#*:} ($count)")
  done
  if grep -q '\[class,load\] com\.openai\.' "$snapshot"; then openai_found+=("$module"); fi
  unset CLASS_LOG

  timings=() cpu=()
  for _ in $(seq 1 "$runs"); do
    launch "$dir" "$target" "$method" "$path" "$module-default"
    timings+=("$LAUNCH_MS") cpu+=("$LAUNCH_CPU_MS")
  done
  default_ms="$(printf '%s\n' "${timings[@]}" | median) / $(printf '%s\n' "${cpu[@]}" | median)"
  tuned_ms="-"
  timings_tuned=() cpu_tuned=()
  if [[ -n "$tuned_flags" ]]; then
    for _ in $(seq 1 "$runs"); do
      # shellcheck disable=SC2086 # the flags are words on purpose
      launch "$dir" "$target" "$method" "$path" "$module-tuned" $tuned_flags
      timings_tuned+=("$LAUNCH_MS") cpu_tuned+=("$LAUNCH_CPU_MS")
    done
    tuned_ms="$(printf '%s\n' "${timings_tuned[@]}" | median) / $(printf '%s\n' "${cpu_tuned[@]}" | median)"
  fi
  heavy="$(IFS=,; echo "${loaded[*]:-none}" | sed 's/,/, /g')"
  rows+=("| $module | $zip_mib | \`$method $path\` → $status | $default_ms | $tuned_ms | $classes | $from_zip | $heavy |")
  echo "    $module: default ${timings[*]} ms (CPU ${cpu[*]})${tuned_flags:+, tuned ${timings_tuned[*]} ms (CPU ${cpu_tuned[*]})}" >&2
  rm -rf "$dir"
done

echo
echo "Launch to first answer, median of $runs: wall ms / CPU ms of the JVM; load average $(load1) at the end."
echo
echo "| function | zip MiB | first request | default JVM | ${tuned_flags:-no tuned run} | classes loaded | from the zip | heavy SDKs loaded (classes) |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
failed=0
if ((${#openai_found[@]} > 0)); then
  echo "cold-start: com.openai classes loaded on the first request of: ${openai_found[*]}" >&2
  failed=1
fi
if ((${#broken[@]} > 0)); then
  printf 'cold-start: answered with a server error: %s\n' "${broken[@]}" >&2
  failed=1
fi
exit "$failed"
