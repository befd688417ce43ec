#!/usr/bin/env bash
# Backs up a stopped local server's data now into $DATA_DIR/backups/<UTC time>/, keeping the newest
# $BACKUP_KEEP (7). A running server backs itself up every $BACKUP_INTERVAL (24h) instead; this
# command refuses to run beside it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f local/target/local.jar ]; then
  echo "==> building the server (local/target/local.jar)"
  mvn -q -B -DskipTests package
fi
export DATA_DIR="${DATA_DIR:-$root/.data}"
exec java ${JAVA_OPTS:-} -cp "local/target/local.jar:local/target/lib/*" dev.contentcreator.local.Backup
