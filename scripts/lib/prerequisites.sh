# Shared by the run and test scripts: checks the toolchain and installs the npm packages.

check_prerequisites() {
  command -v java >/dev/null || { echo "Java 17 or newer is needed (java not found)" >&2; exit 1; }
  command -v mvn >/dev/null || { echo "Maven is needed (mvn not found)" >&2; exit 1; }
  command -v node >/dev/null || { echo "Node.js 20 or newer is needed (node not found)" >&2; exit 1; }
  local java_major node_major
  java_major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  if [[ "${java_major%%.*}" -lt 17 ]]; then
    echo "Java 17 or newer is needed; this is Java $java_major" >&2
    exit 1
  fi
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [[ "$node_major" -lt 20 ]]; then
    echo "Node.js 20 or newer is needed; this is $(node --version)" >&2
    exit 1
  fi
}

# npm ci when node_modules is missing or older than the lock file.
install_npm_packages() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "==> installing npm packages (firebase-tools, the PWA's build tools)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
