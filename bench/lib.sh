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
