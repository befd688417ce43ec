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

# Makes sure a command from a Debian package is installed, installing the package with apt-get
# when it is missing (as root, or through sudo). Fails, saying what to do, when it cannot: a test
# suite that needs the command must run, never be skipped.
require_debian_command() {
  local command_name="$1" package="$2" why="$3"
  command -v "$command_name" >/dev/null && return 0
  echo "==> installing $package from Debian's packages ($why)"
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "$package is needed ($why): run 'apt-get install $package' as root" >&2; exit 1; }
    sudo=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "$package" >/dev/null; then
    # A new machine may have no package lists yet, or stale ones.
    "${sudo[@]}" apt-get update -q >/dev/null \
      && "${sudo[@]}" apt-get install -y -q --no-install-recommends "$package" >/dev/null \
      || { echo "could not install $package ($why): install it with 'apt-get install $package'" >&2; exit 1; }
  fi
  command -v "$command_name" >/dev/null || { echo "$package installed but $command_name is not on the PATH" >&2; exit 1; }
}
