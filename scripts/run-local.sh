#!/usr/bin/env bash
# Runs the whole product on this machine: builds the PWA and the server, then starts every
# function, the PWA and the Firebase Auth emulator on one port. Data stays in $DATA_DIR (.data).
# Settings are environment variables; the README lists them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/prerequisites.sh
check_prerequisites

install_npm_packages
echo "==> building the PWA (hosting/dist)"
npm run --silent build -w hosting

echo "==> building the server"
mvn -q -B -DskipTests package

export DATA_DIR="${DATA_DIR:-$root/.data}"
echo "==> starting (Ctrl-C stops it; the Auth emulator keeps its accounts in $DATA_DIR/auth-emulator)"
exec java ${JAVA_OPTS:-} -jar local/target/local.jar
