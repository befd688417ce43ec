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

source scripts/lib/gcloud-emulator.sh
if ! why="$(gcloud_emulator_installed firestore)"; then
  echo "rules-test: $why; rules tests NOT run"
  exit 0
fi

[[ -d node_modules/@firebase/rules-unit-testing ]] || { echo "rules-test: run 'npm ci' first" >&2; exit 1; }

port="${RULES_TEST_FIRESTORE_PORT:-$(node -e '
  const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')}"
trap stop_gcloud_emulators EXIT
start_gcloud_emulator firestore "127.0.0.1:$port" "${DATA_DIR:-$root/target}/rules-test/firestore-emulator.log"
echo "==> rules tests against the Firestore emulator on 127.0.0.1:$port"
FIRESTORE_EMULATOR_HOST="127.0.0.1:$port" node --test test/rules/
