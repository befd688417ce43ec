# Shared by the bench scripts: start the built local server on a fresh data folder and wait for it.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FIREBASE_AUTH_EMULATOR_HOST="${FIREBASE_AUTH_EMULATOR_HOST:-127.0.0.1:9099}"

ensure_built() {
  [[ -f "$root/local/target/local.jar" ]] || (cd "$root" && mvn -q -B -DskipTests package)
  DATA_DIR="$root/target/bench-emulator" "$root/scripts/auth-emulator.sh" >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_server DATA_DIR PORT [JAVA FLAGS...]: starts the server in the background; sets SERVER_PID.
start_server() {
  local data="$1" port="$2"
  shift 2
  mkdir -p "$data"
  PORT="$port" DATA_DIR="$data" PROJECT_ROOT="$root" RATE_LIMIT_PER_USER=off RATE_LIMIT_PER_IP=off \
    java "$@" -jar "$root/local/target/local.jar" >"$data/server.log" 2>&1 &
  SERVER_PID=$!
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

sign_up() {
  curl -s -XPOST "http://$FIREBASE_AUTH_EMULATOR_HOST/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key" \
    -H 'content-type: application/json' \
    -d "{\"email\":\"bench-$RANDOM$RANDOM@example.com\",\"password\":\"secret123\",\"returnSecureToken\":true}" |
    python3 -c 'import sys,json; print(json.load(sys.stdin)["idToken"])'
}

# wrk_run NAME URL SECONDS RESULTS [WRK ARGS...]: one wrk run with $clients connections; appends
# "NAME req/s p99-ms non2xx" to RESULTS, and sets WRK_REQUESTS to the requests it made.
wrk_run() {
  local name="$1" url="$2" seconds="$3" results="$4" out
  shift 4
  out="$(wrk -t2 -c"$clients" -d"$seconds" --latency "$@" "$url")"
  WRK_REQUESTS="$(awk '/requests in/ {print $1}' <<<"$out")"
  python3 - "$name" "$out" >>"$results" <<'PY'
import re, sys
name, out = sys.argv[1], sys.argv[2]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(name, rps, p99, bad.group(1) if bad else 0)
PY
}

# cpu_ticks PID: the user and system CPU clock ticks the process has used so far.
cpu_ticks() {
  awk '{print $14, $15}' "/proc/$1/stat"
}

# context_switches PID: the context switches of the process's threads so far (those that ended
# are not counted, so call it on a server whose threads live on).
context_switches() {
  { cat /proc/"$1"/task/*/status 2>/dev/null || true; } |
    awk '/^(non)?voluntary_ctxt_switches/ {n += $2} END {print n + 0}'
}

# wrk_rounds RESULTS NAME...: a warm-up run of each, then $rounds rounds in which the NAMEs take turns
# (so a noisy neighbour slows them alike), each for $duration; url_<NAME> and run() say what runs.
wrk_rounds() {
  local results="$1" name url_var
  shift
  for name in "$@"; do
    url_var="url_$name"
    run "warmup-$name" "${!url_var}" "${WARMUP:-5s}"
  done
  : >"$results"
  for _ in $(seq 1 "$rounds"); do
    for name in "$@"; do
      url_var="url_$name"
      run "$name" "${!url_var}" "$duration"
    done
  done
}

# invoker_jar WORK_DIR: prints the path of Google's Functions Framework invoker for Java (2.0.0, the
# version Cloud Functions runs), copied once into target/bench/ (from ~/.m2, fetched there first if
# need be), or INVOKER_JAR when set. The published jar carries its own dependencies (Jetty, Jackson,
# Gson, JCommander), so the one file is its whole classpath; the dependency plugin's old default
# version cannot resolve it, 3.8.1 can.
invoker_jar() {
  local work="$1" version=2.0.0
  local jar="${INVOKER_JAR:-$root/target/bench/java-function-invoker-$version.jar}"
  if [[ ! -f "$jar" && -z "${INVOKER_JAR:-}" ]]; then
    echo "==> fetching java-function-invoker $version" >&2
    # From the work folder, so Maven does not read the project's reactor for a plain copy.
    (cd "$work" && mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=com.google.cloud.functions.invoker:java-function-invoker:$version:jar" \
      -DoutputDirectory="$(dirname "$jar")") >"$work/fetch.log" 2>&1 || {
      tail -n 20 "$work/fetch.log" >&2
      echo "could not fetch java-function-invoker $version (no Maven repository reachable?); set INVOKER_JAR to a copy of it" >&2
      return 1
    }
  fi
  [[ -f "$jar" ]] || { echo "no invoker jar at $jar" >&2; return 1; }
  unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | grep -q 'Main-Class: com.google.cloud.functions.invoker.runner.Invoker' ||
    { echo "$jar is not the Functions Framework invoker (no Invoker Main-Class)" >&2; return 1; }
  echo "$jar"
}
