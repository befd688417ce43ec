#!/usr/bin/env bash
# Packages every function module under functions/ for Cloud Functions: one zip per module in
# target/functions/<module>.zip, holding the module's jar and, in libs/, the jars it needs at run
# time. The jar's manifest lists them in Class-Path, which is how Cloud Functions runs a thin jar.
# Terraform (terraform/storage.tf) uploads each zip and builds the function from it.
#
#   scripts/package-functions.sh              every module under functions/
#   scripts/package-functions.sh health media only these
#
# Cloud Functions runs Linux on x86-64: the natives other platforms need are taken out of the jars
# in libs/ (scripts/lib/foreign-natives.sh), and packaging fails if a Linux x86-64 one is missing.
# scripts/check-function-zips.sh runs the embedding model and the natives from the zips.
#
# It runs `mvn package` without tests (run scripts/test-all.sh for those) and never `mvn install`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/foreign-natives.sh

modules=("$@")
if [[ ${#modules[@]} -eq 0 ]]; then
  for pom in functions/*/pom.xml; do modules+=("$(basename "$(dirname "$pom")")"); done
fi
projects=""
for m in "${modules[@]}"; do
  [[ -f "functions/$m/pom.xml" ]] || { echo "package-functions: no module functions/$m" >&2; exit 1; }
  projects+="${projects:+,}functions/$m"
done
command -v zip >/dev/null && command -v unzip >/dev/null \
  || { echo "package-functions: zip and unzip are needed (apt-get install zip unzip)" >&2; exit 1; }

echo "==> building ${modules[*]}"
# A jar left from an earlier build (a dependency upgraded since) would otherwise stay in libs/ and in
# the manifest's Class-Path.
for m in "${modules[@]}"; do rm -rf "functions/$m/target/deploy/libs"; done
# copy-dependencies runs in the same reactor as package, so the project's own modules resolve to the
# jars just built rather than to anything in ~/.m2.
mvn -B -ntp -q -DskipTests -pl "$projects" -am package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=target/deploy/libs

out="$root/target/functions"
mkdir -p "$out"
for m in "${modules[@]}"; do
  target="functions/$m/target"
  jar_file="$(find "$target" -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-tests.jar' | head -n 1)"
  [[ -n "$jar_file" ]] || { echo "package-functions: no jar in $target" >&2; exit 1; }
  stage="$target/deploy"
  rm -f "$stage"/*.jar
  cp "$jar_file" "$stage/"
  jar_name="$(basename "$jar_file")"
  strip_foreign_natives "$stage/libs" || { echo "package-functions: $m: stripping natives failed" >&2; exit 1; }

  # Class-Path: libs/a.jar libs/b.jar ..., wrapped as a manifest wants (72-byte lines, each
  # continuation starting with a space).
  classpath="$(cd "$stage" && find libs -name '*.jar' | sort | tr '\n' ' ')"
  printf 'Class-Path: %s\n' "${classpath% }" | fold -w 70 | sed '2,$s/^/ /' >"$stage/manifest.txt"
  (cd "$stage" && jar --update --file "$jar_name" --manifest manifest.txt && rm manifest.txt)

  rm -f "$out/$m.zip"
  (cd "$stage" && zip -q -r "$out/$m.zip" "$jar_name" libs)
  awk -v zip="$out/$m.zip" -v z="$(stat -c %s "$out/$m.zip")" 'BEGIN { printf "    %s (%.1f MiB)\n", zip, z / 1048576 }'
done
