#!/usr/bin/env bash
# Checks the zips of scripts/package-functions.sh as Cloud Functions gets them: unpacks each and runs
# scripts/lib/ZipCheck.java with only the function's jar on the class path (its manifest names
# libs/), which embeds three sentences with the offline model (ONNX Runtime and DJL's tokenizer) and
# loads netty's BoringSSL and epoll and JNA's dispatch library, each from the stripped jars. Each
# library unpacks its native into a fresh folder, with nothing found on the system and no download
# (DJL offline), so a native missing from the zip fails the check. Also fails if a jar still holds
# another platform's native that scripts/lib/foreign-natives.sh takes out. Then, as controls, runs
# the check again with the Linux x86-64 natives taken out of one jar at a time, which must fail.
#
#   scripts/check-function-zips.sh                         generations tasks knowledge health
#   scripts/check-function-zips.sh knowledge               only these
#   SKIP_PACKAGE=1 scripts/check-function-zips.sh ...      check the zips already in target/functions
#
# Packaging takes a minute or two; each check a few seconds. Not part of scripts/test-all.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/foreign-natives.sh

modules=("$@")
[[ ${#modules[@]} -gt 0 ]] || modules=(generations tasks knowledge health)
fail() { echo "check-function-zips: $*" >&2; exit 1; }

if [[ "${SKIP_PACKAGE:-}" != 1 ]]; then
  scripts/package-functions.sh "${modules[@]}" || fail "packaging failed"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/function-zips.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Runs ZipCheck against an unpacked function in $1, every native unpacked under $2.
run_check() {
  local dir="$1" scratch="$2" jar
  jar="$(find "$dir" -maxdepth 1 -name '*.jar' | head -n 1)"
  rm -rf "$scratch" && mkdir -p "$scratch/tmp" "$scratch/djl" "$scratch/jna" "$scratch/empty"
  DJL_CACHE_DIR="$scratch/djl" ENGINE_CACHE_DIR="$scratch/djl" DJL_OFFLINE=true \
    java -Djava.io.tmpdir="$scratch/tmp" -Djava.library.path="$scratch/empty" -Doffline=true \
      -Djna.nosys=true -Djna.tmpdir="$scratch/jna" -cp "$jar" scripts/lib/ZipCheck.java
}

checked=()
for m in "${modules[@]}"; do
  zip_file="target/functions/$m.zip"
  [[ -f "$zip_file" ]] || fail "no $zip_file: run scripts/package-functions.sh $m"
  dir="$work/$m"
  mkdir -p "$dir" && unzip -q "$zip_file" -d "$dir"
  echo "==> $m ($(awk -v z="$(stat -c %s "$zip_file")" 'BEGIN { printf "%.1f MiB", z / 1048576 }'))"
  for jar in "$dir"/libs/*.jar; do
    foreign="$(foreign_native_entries "$jar")"
    [[ -z "$foreign" ]] || fail "$m: $(basename "$jar") still holds natives of other platforms: $(tr '\n' ' ' <<<"$foreign")"
    check_linux_natives "$jar" || fail "$m: $(basename "$jar") lacks its Linux x86-64 natives"
  done
  output="$(run_check "$dir" "$work/scratch-$m" 2>&1)" || { echo "$output" >&2; fail "$m: the check failed"; }
  grep -Ev '^(checked |SLF4J)' <<<"$output" | sed 's/^/    /'
  if [[ -n "$(find "$dir/libs" -name 'onnxruntime-*.jar')" ]]; then
    grep -q '^embeddings: 384 dimensions' <<<"$output" || fail "$m carries onnxruntime but did not embed"
  fi
  checked+=("$m")
done

# The controls: the check must fail on a zip that lacks any one jar's Linux x86-64 natives, or it
# proves nothing about them. One jar at a time loses them, in the first zip carrying onnxruntime.
control=""
for m in "${checked[@]}"; do
  if [[ -n "$(find "$work/$m/libs" -name 'onnxruntime-*.jar')" ]]; then control="$m"; break; fi
done
[[ -n "$control" ]] || control="${checked[0]}"
for jar in "$work/$control"/libs/*.jar; do
  rule="$(foreign_natives_rule "$(basename "$jar")")"
  [[ -n "$rule" ]] || continue
  read -r _ _ required <<<"$rule"
  echo "==> control: $control without the Linux x86-64 natives of $(basename "$jar") must fail"
  cp "$jar" "$jar.kept"
  zip -q -nw -d "$jar" ${required//,/ } >/dev/null || fail "could not take the natives out of $jar"
  if output="$(run_check "$work/$control" "$work/scratch-control" 2>&1)"; then
    echo "$output" >&2
    fail "the check passed without the natives of $(basename "$jar"): it does not load them from the zip"
  fi
  echo "    failed as it should: $(grep -m1 '^FAILED' <<<"$output" | cut -c1-200)"
  mv "$jar.kept" "$jar"
done
echo "==> ${#checked[@]} zips checked: ${checked[*]}"
