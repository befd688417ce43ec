#!/usr/bin/env bash
# Time from launching the local server to its first 200 on /api/health, median of RUNS (default 5),
# with the default JVM flags and with flags tuned for start-up, side by side in one run.
# The Auth emulator is started once beforehand (the server uses it; its own start is not counted).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${RUNS:-5}"
ensure_built

measure() { # prints milliseconds to the first 200
  local port data t0 t1
  port="$(free_port)"
  data="$(mktemp -d)"
  t0=$(date +%s%N)
  start_server "$data" "$port" "$@"
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health" 2>/dev/null | grep -q 200; do
    sleep 0.005
  done
  t1=$(date +%s%N)
  stop_server
  rm -rf "$data"
  echo $(((t1 - t0) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for label in default tuned; do
  flags=()
  [[ "$label" == tuned ]] && flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
  results=()
  for _ in $(seq 1 "$runs"); do results+=("$(measure "${flags[@]}")"); done
  echo "startup $label: median $(printf '%s\n' "${results[@]}" | median) ms over $runs runs (${results[*]} ms)"
done
