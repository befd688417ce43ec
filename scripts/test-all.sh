#!/usr/bin/env bash
# Runs every test of the project: the Terraform checks, the stripping of other platforms' natives
# from the functions' jars (scripts/test/), the security rules (against gcloud's
# Firestore emulator, when installed), the Java modules (unit, contract and black-box HTTP tests), the
# PWA's build and its Vitest tests, and the PWA's end-to-end tests in Chromium. Installs what the
# tests need when it is missing (redis-server and Chromium from Debian's packages, the Auth emulator
# from npm) instead of skipping their suites, and starts what is not already running: redis-server
# on 127.0.0.1:6379 and the Firebase Auth emulator on 127.0.0.1:9099.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/prerequisites.sh
check_prerequisites
install_npm_packages
require_debian_command redis-server redis-server "the Redis adapter's tests"
require_debian_command zip zip "the packaging tests"
require_debian_command unzip unzip "the packaging tests"
if [[ -z "${CHROME_PATH:-}" ]]; then
  require_debian_command chromium chromium "the web app's end-to-end tests"
fi

if ! (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG); then
  echo "==> starting redis-server on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
fi

export DATA_DIR="${TEST_DATA_DIR:-$root/target/test-data}"
mkdir -p "$DATA_DIR"
scripts/auth-emulator.sh
export FIREBASE_AUTH_EMULATOR_HOST="${FIREBASE_AUTH_EMULATOR_HOST:-127.0.0.1:9099}"

echo "==> checking terraform/ against the code, the API descriptions with a validator, the stripping of the functions' natives, and the security rules against the Firestore emulator"
node --test terraform/test/
node --test docs/test/
node --test scripts/test/
scripts/rules-test.sh

echo "==> building the PWA and running its tests"
npm run --silent build -w hosting
npm test -w hosting

echo "==> Java tests"
mvn -B -ntp verify

# After the Java build: the end-to-end tests start local/target/local.jar themselves.
chrome="${CHROME_PATH:-$(command -v chromium)}"
[[ -x "$chrome" ]] || { echo "Chromium is not at $chrome: install it (apt-get install chromium) or set CHROME_PATH" >&2; exit 1; }
echo "==> end-to-end tests of the PWA in Chromium (screenshots in hosting/e2e/screenshots)"
E2E_REQUIRED=1 CHROME_PATH="$chrome" npm run e2e -w hosting
