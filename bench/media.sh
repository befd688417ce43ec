#!/usr/bin/env bash
# Images per second for a 2048x2048 PNG to both thumbnails and the web version, and peak heap.
# Knobs: HEAP (-Xmx, default 256m), ITERATIONS (20), WARMUP (5), WEBP (true; false = JPEG/PNG).
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP="${HEAP:-256m}"
mvn -q -pl shared/media -am test-compile -DskipTests
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -q -pl shared/media dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
java -Xmx"$HEAP" -Djava.awt.headless=true \
  -Dwarmup="${WARMUP:-5}" -Diterations="${ITERATIONS:-20}" -Dwebp="${WEBP:-true}" \
  -cp "shared/media/target/test-classes:shared/media/target/classes:$(cat "$cp_file")" \
  dev.contentcreator.media.bench.MediaBench 2>&1 | grep -v '^SLF4J'
