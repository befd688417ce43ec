#!/usr/bin/env bash
# Runs the security rules tests (test/rules) with node --test against the Firestore emulator that
# comes with gcloud, started here on a free port and stopped at the end. Needs no internet.
#
# When gcloud or its Firestore emulator is not installed, it says so and exits 0 without testing:
# the emulator cannot be installed from the package registries.
#
# The Storage rules tests need the Storage emulator of firebase-tools, which downloads its rules
# runtime and so does not start offline. Where it can, run them under the Emulator Suite (storage.rules
# is deployed to the target "media", so name a bucket for it first):
#   npx firebase target:apply storage media demo-rules-storage.appspot.com --project demo-rules-storage
#   npx firebase emulators:exec --only firestore,storage --project demo-rules-storage 'node --test test/rules/'
# Without FIREBASE_STORAGE_EMULATOR_HOST they are skipped with a message saying so.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v gcloud >/dev/null; then
  echo "rules-test: gcloud is not installed, so there is no Firestore emulator here; rules tests NOT run"
  exit 0
fi
sdk_root="$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null || true)"
if [[ -z "$sdk_root" || ! -f "$sdk_root/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar" ]]; then
  echo "rules-test: gcloud's Firestore emulator (component cloud-firestore-emulator) is not installed; rules tests NOT run"
  exit 0
fi

[[ -d node_modules/@firebase/rules-unit-testing ]] || { echo "rules-test: run 'npm ci' first" >&2; exit 1; }

port="${RULES_TEST_FIRESTORE_PORT:-$(node -e '
  const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')}"
log_dir="${DATA_DIR:-$root/target}/rules-test"
mkdir -p "$log_dir"
log="$log_dir/firestore-emulator.log"

# setsid: the emulator gets a process group of its own, so the trap stops gcloud and its java child.
CLOUDSDK_CORE_DISABLE_PROMPTS=1 CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK=1 \
  setsid gcloud emulators firestore start --host-port="127.0.0.1:$port" >"$log" 2>&1 </dev/null &
pid=$!
stop_emulator() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
trap stop_emulator EXIT

started=$SECONDS
until curl --silent --max-time 1 "http://127.0.0.1:$port/" 2>/dev/null | grep -q Ok; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "rules-test: the Firestore emulator exited before it answered; its log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  if ((SECONDS - started >= ${RULES_TEST_TIMEOUT:-60})); then
    echo "rules-test: the Firestore emulator did not answer on port $port; its log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  sleep 0.25
done
echo "==> rules tests against the Firestore emulator on 127.0.0.1:$port"
FIRESTORE_EMULATOR_HOST="127.0.0.1:$port" node --test test/rules/
