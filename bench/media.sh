#!/usr/bin/env bash
# The image pipeline against the libvips command line on the same work: a 2048x2048 PNG (noisy
# gradient) to a WebP web version (at most 2048 pixels) and WebP thumbnails of 1024 and 256 pixels at
# quality 80. Prints images/s (median, min, max of ROUNDS rounds of ITERATIONS images) for the
# product as configured (libwebp method METHOD, the default encode threads) and on one thread, the product as it was
# (method 4, one thread), libvips at the same method ("effort") and at libwebp's default of 4, and
# the ratios; plus the web version's bytes and the peak heap.
# Knobs: METHOD (2), ROUNDS (5), ITERATIONS (4), WARMUP (3), HEAP (256m), WEBP (true; false = JPEG/PNG,
# no reference). Installs libvips-tools from Debian's packages when vips is missing and apt-get works.
set -euo pipefail
cd "$(dirname "$0")/.."
METHOD="${METHOD:-2}"
ROUNDS="${ROUNDS:-5}"
ITERATIONS="${ITERATIONS:-4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ "${WEBP:-true}" == true ]] && ! command -v vips >/dev/null; then
  if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    apt-get install -y -q libvips-tools >/dev/null
  else
    echo "vips is missing: install libvips-tools for the reference" >&2
    exit 1
  fi
fi

# One reactor build, so the media module's classpath names the core module's classes in this clone
# (nothing needs to be installed in ~/.m2 first).
mvn -q -B -ntp -pl shared/media -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx"${HEAP:-256m}" -Djava.awt.headless=true -Dwarmup="${WARMUP:-3}" -Drounds="$ROUNDS" \
  -Diterations="$ITERATIONS" -Dwebp="${WEBP:-true}" -Dpng.out="$work/in.png" -Dconfigs="$METHOD:0 $METHOD:1 4:1" \
  -cp "shared/media/target/test-classes:shared/media/target/classes:$(cat "$work/cp")" \
  dev.contentcreator.media.bench.MediaBench 2>&1 | grep -v '^SLF4J' | tee "$work/java.out" | grep -v '^RESULT'

if [[ "${WEBP:-true}" != true ]]; then
  grep '^RESULT' "$work/java.out"
  exit 0
fi

# vips_round EFFORT: seconds for ITERATIONS images, each the three renditions from the PNG.
vips_round() {
  local effort="$1" start end
  start=$(date +%s.%N)
  for _ in $(seq 1 "$ITERATIONS"); do
    vips webpsave "$work/in.png" "$work/web.webp" --Q 80 --effort "$effort" --strip
    vipsthumbnail "$work/in.png" -s 1024 -o "$work/t1024.webp[Q=80,effort=$effort,strip]"
    vipsthumbnail "$work/in.png" -s 256 -o "$work/t256.webp[Q=80,effort=$effort,strip]"
  done
  end=$(date +%s.%N)
  echo "$start $end"
}
vips_round "$METHOD" >/dev/null
: >"$work/vips.out"
for _ in $(seq 1 "$ROUNDS"); do
  for effort in "$METHOD" 4; do
    read -r s e < <(vips_round "$effort")
    echo "$effort $s $e $(stat -c %s "$work/web.webp")" >>"$work/vips.out"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work/java.out" "$work/vips.out" "$ITERATIONS" "$METHOD" "$(vips --version)" <<'PY'
import statistics, sys
java_file, vips_file, iterations, method, version = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = {}
for line in open(java_file):
    if line.startswith("RESULT "):
        _, label, med, lo, hi, size = line.split()
        rows[label] = (float(med), float(lo), float(hi), int(size))
runs = {}
for line in open(vips_file):
    effort, start, end, size = line.split()
    runs.setdefault(effort, ([], int(size)))[0].append(iterations / (float(end) - float(start)))
for effort, (rates, size) in runs.items():
    rates.sort()
    rows["vips:" + effort] = (statistics.median(rates), rates[0], rates[-1], size)
names = {
    f"{method}:0": f"product, method {method}, default encode threads",
    f"{method}:1": f"product, method {method}, one thread",
    "4:1": "product as before, method 4, one thread",
    f"vips:{method}": f"{version} command line, effort {method}",
    "vips:4": f"{version} command line, effort 4",
}
print(f"{'':58} {'images/s median':>15} {'min':>6} {'max':>6} {'web bytes':>10}")
for key, name in names.items():
    if key in rows:
        med, lo, hi, size = rows[key]
        print(f"{name:58} {med:15.2f} {lo:6.2f} {hi:6.2f} {size:10d}")
p, before, ref = rows[f"{method}:0"][0], rows["4:1"][0], rows[f"vips:{method}"][0]
print(f"ratio product / vips at the same effort: {p / ref:.2f}")
print(f"ratio product / product as before: {p / before:.2f}")
print(f"web bytes, method {method} against 4: {rows[f'{method}:0'][3] / rows['4:1'][3] - 1:+.1%}")
PY
