# Sourced by scripts/package-functions.sh and scripts/check-function-zips.sh: takes out of the jars
# a function ships the native libraries built for other systems than the one Cloud Functions runs
# (Linux on x86-64), and fails when the Linux x86-64 one is not there afterwards.
#
# One rule a line: the jar (a file name pattern), the entries that are natives for some platform
# (an extended regular expression), those of them to keep (another), and the entries that must be
# in the jar once stripped, comma-separated. A jar no rule names is left as it is; a rule whose jar
# a function does not carry does nothing. Each library picks its native by the system's name and
# architecture, so on Linux x86-64 it never reads the others:
#   onnxruntime        ai/onnxruntime/native/<os>-<arch>/ (OnnxRuntime.load), with Windows and
#                      macOS debug symbols: 400 of its 420 MB unpacked
#   tokenizers (DJL)   native/lib/<os>-<arch>/<flavour>/ (ai.djl.huggingface.tokenizers.jni.LibUtils)
#   grpc-netty-shaded  META-INF/native/..._<os>_<arch>.<so|jnilib|dll> (netty's NativeLibraryLoader):
#                      BoringSSL (tcnative) for five platforms and epoll for two
#   jna                com/sun/jna/<os>-<arch>/ (Platform.RESOURCE_PREFIX), 26 platforms
FOREIGN_NATIVES_RULES='
onnxruntime-*.jar        ^ai/onnxruntime/native/[^/]+/                            ^ai/onnxruntime/native/linux-x64/  ai/onnxruntime/native/linux-x64/libonnxruntime.so,ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so
tokenizers-*.jar         ^native/lib/[^/]+/                                       ^native/lib/linux-x86_64/          native/lib/linux-x86_64/cpu/libtokenizers.so
grpc-netty-shaded-*.jar  ^META-INF/native/[^/]+\.(so|jnilib|dll)$                 _(linux_x86_64|epoll_x86_64)\.so$  META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_x86_64.so,META-INF/native/libio_grpc_netty_shaded_netty_transport_native_epoll_x86_64.so
jna-*.jar                ^com/sun/jna/[^/]+/(lib)?jnidispatch\.(so|a|jnilib|dll)$ ^com/sun/jna/linux-x86-64/         com/sun/jna/linux-x86-64/libjnidispatch.so
'

# The rule for a jar's file name, as "natives kept required", or nothing.
foreign_natives_rule() {
  local name="$1" pattern natives kept required
  while read -r pattern natives kept required; do
    [[ -n "$pattern" ]] || continue
    # shellcheck disable=SC2053  # the pattern is a glob on purpose
    if [[ "$name" == $pattern ]]; then
      printf '%s %s %s\n' "$natives" "$kept" "$required"
      return 0
    fi
  done <<<"$FOREIGN_NATIVES_RULES"
}

# Prints the entries of a jar that are natives of another platform (none when no rule names it).
foreign_native_entries() {
  local jar="$1" rule natives kept required
  rule="$(foreign_natives_rule "$(basename "$jar")")"
  [[ -n "$rule" ]] || return 0
  read -r natives kept required <<<"$rule"
  unzip -Z1 "$jar" | { grep -E "$natives" || true; } | { grep -Ev "$kept" || true; }
}

# Fails, naming them, when the Linux x86-64 natives a rule requires are not in the jar.
check_linux_natives() {
  local jar="$1" rule natives kept required entries missing=()
  rule="$(foreign_natives_rule "$(basename "$jar")")"
  [[ -n "$rule" ]] || return 0
  read -r natives kept required <<<"$rule"
  entries="$(unzip -Z1 "$jar")"
  local r
  for r in ${required//,/ }; do
    grep -qxF -- "$r" <<<"$entries" || missing+=("$r")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "foreign-natives: $jar has no ${missing[*]}: the function could not load it on Linux x86-64." >&2
    echo "  Has the library moved its natives? Check FOREIGN_NATIVES_RULES in scripts/lib/foreign-natives.sh." >&2
    return 1
  fi
}

# Strips, in place, every jar of a folder that a rule names, then checks its Linux x86-64 natives.
# Running it again on stripped jars changes nothing.
strip_foreign_natives() {
  local libs="$1" jar foreign before
  command -v zip >/dev/null && command -v unzip >/dev/null \
    || { echo "foreign-natives: zip and unzip are needed (apt-get install zip unzip)" >&2; return 1; }
  for jar in "$libs"/*.jar; do
    [[ -f "$jar" ]] || continue
    [[ -n "$(foreign_natives_rule "$(basename "$jar")")" ]] || continue
    foreign="$(foreign_native_entries "$jar")" || return 1
    if [[ -n "$foreign" ]]; then
      before="$(stat -c %s "$jar")"
      # -nw: the names are literal, not patterns.
      tr '\n' '\0' <<<"$foreign" | xargs -0 zip -q -nw -d "$jar" >/dev/null \
        || { echo "foreign-natives: could not strip $jar" >&2; return 1; }
      awk -v jar="$(basename "$jar")" -v n="$(grep -c . <<<"$foreign")" -v a="$before" -v b="$(stat -c %s "$jar")" \
        'BEGIN { printf "    %s: %d entries for other platforms removed, %.1f -> %.1f MiB\n", jar, n, a / 1048576, b / 1048576 }'
    fi
    check_linux_natives "$jar" || return 1
    if [[ -n "$(foreign_native_entries "$jar")" ]]; then
      echo "foreign-natives: $jar still has natives of other platforms after stripping" >&2
      return 1
    fi
  done
}
