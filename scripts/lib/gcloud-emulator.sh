# Starts one of gcloud's emulators in the background and waits until it answers. Sourced by scripts.
#
#   start_gcloud_emulator firestore 127.0.0.1:8082 path/to.log   (or: pubsub ...)
#
# Sets GCLOUD_EMULATOR_PIDS (process group ids) for stop_gcloud_emulators. Returns 2, saying why,
# when gcloud or the emulator's component is not installed: the registries cannot provide them.

GCLOUD_EMULATOR_PIDS=()

gcloud_emulator_installed() {
  local name="$1" jar
  command -v gcloud >/dev/null || { echo "gcloud is not installed, so there is no $name emulator here"; return 1; }
  case "$name" in
    firestore) jar="platform/cloud-firestore-emulator/cloud-firestore-emulator.jar" ;;
    pubsub) jar="platform/pubsub-emulator/lib" ;;
    *) echo "unknown emulator $name" >&2; return 1 ;;
  esac
  local sdk_root
  sdk_root="$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null || true)"
  [[ -n "$sdk_root" && -e "$sdk_root/$jar" ]] || { echo "gcloud's $name emulator component is not installed"; return 1; }
}

start_gcloud_emulator() {
  local name="$1" address="$2" log="$3" why
  if ! why="$(gcloud_emulator_installed "$name")"; then
    echo "$why" >&2
    return 2
  fi
  local cmd=(gcloud emulators firestore start)
  [[ "$name" == pubsub ]] && cmd=(gcloud beta emulators pubsub start)
  mkdir -p "$(dirname "$log")"
  # setsid: a process group of its own, so stopping it stops gcloud and its java child too.
  CLOUDSDK_CORE_DISABLE_PROMPTS=1 CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK=1 \
    setsid "${cmd[@]}" --host-port="$address" >"$log" 2>&1 </dev/null &
  local pid=$!
  GCLOUD_EMULATOR_PIDS+=("$pid")
  local started=$SECONDS
  until curl --silent --max-time 1 "http://$address/" 2>/dev/null | grep -q Ok; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the $name emulator exited before it answered; its log ($log):" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    if ((SECONDS - started >= ${GCLOUD_EMULATOR_TIMEOUT:-60})); then
      echo "the $name emulator did not answer on $address; its log ($log):" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 0.25
  done
}

stop_gcloud_emulators() {
  local pid
  for pid in "${GCLOUD_EMULATOR_PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${GCLOUD_EMULATOR_PIDS[@]}"; do
    for _ in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
