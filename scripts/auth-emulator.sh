#!/usr/bin/env bash
# Runs the Firebase Auth emulator (firebase-tools from this repository's devDependencies) in the
# background for the local server and for tests, with no internet needed.
#
#   scripts/auth-emulator.sh          start it, or reuse one that already answers, and wait until ready
#   scripts/auth-emulator.sh stop     stop the one this script started
#
# Environment:
#   FIREBASE_AUTH_EMULATOR_HOST  host:port to serve on (default 127.0.0.1:9099); loopback only, since
#                                the emulator accepts unsigned tokens and its admin API takes 'Bearer owner'
#   FIREBASE_PROJECT_ID          project the emulator issues tokens for (default demo-contentcreator)
#   DATA_DIR                     folder for the log, the pid file and the CLI's debug log (default .data,
#                                relative to the repository root)
#   AUTH_EMULATOR_TIMEOUT        seconds to wait for it to answer (default 90)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

address="${FIREBASE_AUTH_EMULATOR_HOST:-127.0.0.1:9099}"
host="${address%:*}"
port="${address##*:}"
project="${FIREBASE_PROJECT_ID:-demo-contentcreator}"
data_dir="${DATA_DIR:-.data}"
timeout="${AUTH_EMULATOR_TIMEOUT:-90}"
log="$data_dir/auth-emulator.log"
pid_file="$data_dir/auth-emulator.pid"
url="http://$address/"

fail() {
  echo "auth-emulator: $*" >&2
  exit 1
}

# Prints what answers on the address, or nothing when nothing does.
probe() {
  curl --silent --max-time 2 "$url" 2>/dev/null || true
}

# True when the process group recorded in the pid file is still alive.
ours_running() {
  [[ -f "$pid_file" ]] && kill -0 -- "-$(cat "$pid_file")" 2>/dev/null
}

show_log_tail() {
  if [[ -f "$log" ]]; then
    echo "--- last lines of $log ---" >&2
    tail -n 30 "$log" >&2
  fi
}

start() {
  [[ "$port" =~ ^[0-9]+$ ]] || fail "FIREBASE_AUTH_EMULATOR_HOST must be host:port, got '$address'"
  if [[ ! "$host" =~ ^127\.[0-9]+\.[0-9]+\.[0-9]+$ && "$host" != "localhost" && "$host" != "[::1]" ]]; then
    fail "the Auth emulator must listen on loopback (127.0.0.1), not '$host': anyone who reaches it can sign in as anyone"
  fi
  [[ "$project" == demo-* ]] || fail "the Auth emulator is for demo- projects only, got '$project'"
  command -v curl >/dev/null || fail "curl is needed to check the emulator"

  local answer
  answer="$(probe)"
  if [[ "$answer" == *authEmulator* ]]; then
    echo "auth-emulator: already answering at $url; leaving it as it is"
    return 0
  fi
  if [[ -n "$answer" ]]; then
    fail "something other than the Auth emulator answers at $url; free the port or set FIREBASE_AUTH_EMULATOR_HOST"
  fi

  [[ -x node_modules/.bin/firebase ]] || fail "firebase-tools is not installed; run 'npm ci' in $root first"

  mkdir -p "$data_dir"
  local config="firebase.json"
  if [[ "$address" != "127.0.0.1:9099" ]]; then
    # Same settings, other address: the CLI reads the auth host and port only from a config file.
    config="$data_dir/firebase.emulators.json"
    node -e '
      const [source, host, port] = process.argv.slice(1);
      const settings = JSON.parse(require("fs").readFileSync(source, "utf8"));
      settings.emulators.auth = { host, port: Number(port) };
      process.stdout.write(JSON.stringify(settings, null, 2) + "\n");
    ' firebase.json "$host" "$port" >"$config"
  fi

  # CI=1 is the CLI's only switch that skips fetching its message of the day, and
  # NO_UPDATE_NOTIFIER=1 stops the update check: with both, it opens no connection off this machine.
  # setsid gives it a process group of its own, so that stop ends npx and the CLI together.
  local started=$SECONDS
  CI=1 NO_UPDATE_NOTIFIER=1 FIREBASE_DEBUG_PATH="$data_dir" \
    setsid npx --no-install firebase emulators:start --only auth \
    --project "$project" --config "$config" >"$log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$pid_file"

  while [[ "$(probe)" != *authEmulator* ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      show_log_tail
      fail "the emulator exited before it answered at $url"
    fi
    if ((SECONDS - started >= timeout)); then
      kill -- "-$pid" 2>/dev/null || true
      rm -f "$pid_file"
      show_log_tail
      fail "no answer at $url after ${timeout}s; stopped it"
    fi
    sleep 0.5
  done
  echo "auth-emulator: ready at $url for project $project after $((SECONDS - started))s (pid $pid, log $log)"
}

stop() {
  if ! ours_running; then
    rm -f "$pid_file"
    if [[ -n "$(probe)" ]]; then
      echo "auth-emulator: something answers at $url but this script did not start it; leaving it"
    else
      echo "auth-emulator: not running"
    fi
    return 0
  fi
  local pid
  pid="$(cat "$pid_file")"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 -- "-$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || true
    echo "auth-emulator: had to kill process group $pid"
  fi
  rm -f "$pid_file"
  echo "auth-emulator: stopped"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) fail "usage: $0 [start|stop]" ;;
esac
