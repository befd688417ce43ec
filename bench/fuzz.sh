#!/usr/bin/env bash
# Fuzz every public route of docs/openapi.yaml through the local server (RouteFuzzBlackBoxTest) and
# print what came back: requests sent, answers per status, every 5xx and every refusal that is not
# problem+json, each with the exact request, and whether the owner's data survived.
# FUZZ_SEED (default: a new one, printed) makes a run repeatable; FUZZ_ROUNDS (default 5) adds
# rounds of random combinations on top of the fixed catalogue. OFFLINE=1 keeps Maven offline.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export FIREBASE_AUTH_EMULATOR_HOST="${FIREBASE_AUTH_EMULATOR_HOST:-127.0.0.1:9099}"
export FUZZ_SEED="${FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
export FUZZ_ROUNDS="${FUZZ_ROUNDS:-5}"
mkdir -p target
log="$root/target/fuzz-mvn.log"
summary="$root/local/target/fuzz-summary.txt"
rm -f "$summary"

echo "seed $FUZZ_SEED, rounds $FUZZ_ROUNDS; load before: $(uptime | sed 's/.*load average/load average/')"
mvn -B -ntp -q ${OFFLINE:+-o} -pl local -am verify -Dtest=RouteFuzzBlackBoxTest \
  -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
rc=$?
if [[ -f "$summary" ]]; then
  cat "$summary"
else
  echo "the fuzz wrote no summary; the end of the build's log ($log):"
  tail -40 "$log"
fi
echo "load after: $(uptime | sed 's/.*load average/load average/')"
echo "the server's log: $root/local/target/fuzz-server.log"
exit "$rc"
