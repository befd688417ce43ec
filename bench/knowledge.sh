#!/usr/bin/env bash
# Brand knowledge, offline: retrieval quality on the labelled set in bench/data (100 passages about
# a made-up bakery, 30 questions each labelled with the passage that answers it: recall@1,
# recall@5, MRR), then the time to embed and index 1,000 passages with the offline model as the
# product does (splitter batches of 64, embedded, stored in the SQLite vectors adapter) against the
# bare langchain4j model embedding the same texts and storing nothing: median, min and max of RUNS
# (3) runs after a warm-up, the ratio of the medians, and the time of one nearest-neighbour query
# over the 1,000 (an exact scan). Runs on the local server's jar; no network, no key.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${RUNS:-3}"
[[ -f "$root/local/target/local.jar" ]] || (cd "$root" && mvn -q -B -o -DskipTests -pl local -am package)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$root/local/target/local.jar" "$root/bench/KnowledgeBench.java" "$root" "$runs"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
