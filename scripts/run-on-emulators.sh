#!/usr/bin/env bash
# Runs the whole product on this machine on the production adapters, against emulators instead of
# the embedded parts: documents in the Firestore emulator, events through the Pub/Sub emulator (both
# gcloud's), people in the Firebase Auth emulator. Cloud Tasks and Cloud Storage have no emulator that
# starts offline, so tasks stay on the durable queue and blobs in the folder of $DATA_DIR.
#
#   scripts/run-on-emulators.sh        (then open http://127.0.0.1:8080/)
#
# Ports are firebase.json's emulator ports: Firestore 8082, Pub/Sub 8085, Auth 9099. Emulator data
# lives as long as the emulators: Ctrl-C stops them with the server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/gcloud-emulator.sh

export DATA_DIR="${DATA_DIR:-$root/.data-emulators}"
export FIRESTORE_EMULATOR_HOST="${FIRESTORE_EMULATOR_HOST:-127.0.0.1:8082}"
export PUBSUB_EMULATOR_HOST="${PUBSUB_EMULATOR_HOST:-127.0.0.1:8085}"
export GOOGLE_CLOUD_PROJECT="${GOOGLE_CLOUD_PROJECT:-demo-contentcreator}"
export DOCUMENTS=firestore EVENTS=pubsub
# The Firestore emulator settles contended transactions (many items finishing into one job) by lock
# timeouts, far more slowly than Firestore itself: a few provider calls at once keep jobs quick.
export GENERATION_CONCURRENCY="${GENERATION_CONCURRENCY:-4}"

trap stop_gcloud_emulators EXIT
for pair in "firestore $FIRESTORE_EMULATOR_HOST" "pubsub $PUBSUB_EMULATOR_HOST"; do
  read -r name address <<<"$pair"
  if curl --silent --max-time 1 "http://$address/" 2>/dev/null | grep -q Ok; then
    echo "==> using the $name emulator already on $address"
  else
    echo "==> starting the $name emulator on $address"
    start_gcloud_emulator "$name" "$address" "$DATA_DIR/$name-emulator.log" || {
      echo "cannot run on emulators without it; ./scripts/run-local.sh runs on the embedded parts" >&2
      exit 1
    }
  fi
done
scripts/run-local.sh
