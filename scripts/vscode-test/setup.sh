#!/usr/bin/env bash
# Installs the VS Code server (from the code-server npm package) that the integration tests run in, into the
# git-ignored .vscode-test/ folder. Idempotent: a ready-marker makes re-runs free.
#
# Why by hand: code-server's postinstall downloads ripgrep and prebuilt binaries from GitHub, which these offline
# machines cannot reach. So we install with --ignore-scripts and redo its post-install steps minus the downloads
# (see ../shared/notes/vscode-integration-tests.md). Needs: node 20, npm, a C++ toolchain (build-essential,
# python3) for the native modules, Debian's ripgrep and chromium.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # = VS Code 1.100.3, the last release whose server runs on Node 20
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.vscode-test"
MARKER="$TOOLS/.ready-code-server-$CODE_SERVER_VERSION"
CS="$TOOLS/node_modules/code-server"
VSC="$CS/lib/vscode"

fail() { echo "setup.sh: ERROR: $*" >&2; exit 1; }
step() { echo "setup.sh: $*"; }

# Runs a command quietly; on failure prints its log and stops with a message saying which step broke.
run() {
  local what="$1"; shift
  local log="$TOOLS/setup-step.log"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "$what failed (command: $*; full log: $log)"
  fi
}

# A native module is only usable if its rebuild really produced a .node file (npm may skip install scripts).
need_node_file() {
  local dir="$1" file
  file="$(find "$dir" -name '*.node' -not -path '*/prebuilds/*' -print -quit 2>/dev/null || true)"
  [ -n "$file" ] || fail "no compiled .node file under $dir after rebuild (were install scripts skipped? is build-essential installed?)"
}

check_prereqs() {
  command -v node >/dev/null || fail "node is not installed"
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" = 20 ] || echo "setup.sh: warning: node $major found; VS Code 1.100's server is built for Node 20" >&2
  command -v rg >/dev/null || fail "ripgrep is missing: apt-get install -y ripgrep"
  [ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing: apt-get install -y chromium"
  command -v make >/dev/null && command -v g++ >/dev/null \
    || fail "a C++ toolchain is missing (native modules are built from source): apt-get install -y build-essential python3"
  command -v python3 >/dev/null || fail "python3 is missing (node-gyp needs it): apt-get install -y python3"
  use_local_node_headers
}

# node-gyp downloads Node's headers from nodejs.org unless told where they are; offline, use the installed ones.
use_local_node_headers() {
  [ -n "${npm_config_nodedir:-}" ] && return
  local prefix; prefix="$(dirname "$(dirname "$(command -v node)")")"
  if [ -f "$prefix/include/node/common.gypi" ]; then
    export npm_config_nodedir="$prefix"
  else
    echo "setup.sh: warning: no Node headers under $prefix/include/node; node-gyp will try to download them" >&2
  fi
}

install_code_server() {
  step "installing code-server@$CODE_SERVER_VERSION into .vscode-test/ (scripts off: its postinstall downloads from GitHub)"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || printf '{ "name": "tls-doctor-vscode-test-tools", "private": true }\n' >"$TOOLS/package.json"
  run "npm install code-server" npm install --prefix "$TOOLS" --ignore-scripts --no-audit --no-fund \
    "code-server@$CODE_SERVER_VERSION"
  [ -f "$VSC/out/server-main.js" ] || fail "code-server installed but $VSC/out/server-main.js is missing"
}

build_native_modules() {
  step "rebuilding argon2 (code-server's own dependency, hoisted to .vscode-test/node_modules)"
  (cd "$TOOLS" && run "npm rebuild argon2" npm rebuild argon2 --foreground-scripts)
  need_node_file "$TOOLS/node_modules/argon2/lib"
  step "installing VS Code server dependencies (lib/vscode)"
  (cd "$VSC" && run "npm install in lib/vscode" npm install --omit=dev --ignore-scripts --no-audit --no-fund)
  step "compiling @vscode/spdlog, native-watchdog, node-pty (node-gyp, headers from nodedir)"
  (cd "$VSC" && npm_config_yes=true run "npm rebuild of native modules" npm rebuild @vscode/spdlog native-watchdog node-pty --foreground-scripts)
  need_node_file "$VSC/node_modules/@vscode/spdlog"
  need_node_file "$VSC/node_modules/native-watchdog"
  need_node_file "$VSC/node_modules/node-pty"
}

finish_layout() {
  step "using Debian's ripgrep for search ($(command -v rg))"
  mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$VSC/node_modules/@vscode/ripgrep/bin/rg"
  # The server resolves some modules through node_modules.asar, as in the desktop build.
  [ -e "$VSC/node_modules.asar" ] || ln -s node_modules "$VSC/node_modules.asar"
  step "installing the built-in extensions' dependencies"
  (cd "$VSC/extensions" && run "npm install in lib/vscode/extensions" npm install --omit=dev --no-audit --no-fund)
}

main() {
  if [ -f "$MARKER" ] && [ -f "$VSC/out/server-main.js" ]; then
    echo "setup.sh: VS Code server already set up ($(cat "$MARKER"))"
    return
  fi
  local start=$SECONDS
  check_prereqs
  rm -f "$TOOLS"/.ready-*
  install_code_server
  build_native_modules
  finish_layout
  local version; version="$(node -p "require('$VSC/package.json').version")"
  echo "VS Code $version (code-server $CODE_SERVER_VERSION)" >"$MARKER"
  rm -f "$TOOLS/setup-step.log"
  step "ready: VS Code $version in $((SECONDS - start)) s"
}

main "$@"
