#!/usr/bin/env bash
# Puts a backup back in place of the local server's data. Stop the server first.
# Usage: scripts/restore.sh <backup-folder>    e.g. .data/backups/2030-01-02T03-04-05.678Z
# The backup is checked (every file's size and SHA-256) before anything moves; the data it replaces
# is kept in $DATA_DIR/pre-restore-<time>/.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 <backup-folder>   (one of \$DATA_DIR/backups/*)" >&2
  exit 2
fi
backup="$(cd "$1" 2>/dev/null && pwd)" || { echo "no such folder: $1" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f local/target/local.jar ]; then
  echo "==> building the server (local/target/local.jar)"
  mvn -q -B -DskipTests package
fi
export DATA_DIR="${DATA_DIR:-$root/.data}"
exec java ${JAVA_OPTS:-} -cp "local/target/local.jar:local/target/lib/*" dev.contentcreator.local.Restore "$backup"
