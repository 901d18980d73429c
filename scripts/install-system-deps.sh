#!/usr/bin/env bash
# The Debian/Ubuntu packages the tests use: one list, used by README's test command and by .ci/run.
# Idempotent; uses sudo when not root; needs no terminal.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
APT_PACKAGES=(
  chromium ripgrep                          # the integration harness: headless browser, VS Code's search
  build-essential python3                   # node-gyp builds VS Code server's native modules from source
  fonts-dejavu-core                         # readable text in the screenshots of the UI
  python3-requests python3-certifi          # real Python clients in the TLS tests
  python3-pip git wget                      # real clients of the trust end-to-end test (node and npm: the Node install)
  zsh fish                                  # the trust test checks that new zsh and fish shells get the variables
  openssl curl mkcert ca-certificates       # real TLS clients and the dev-CA comparisons
  libnss3-tools                             # certutil: devcert --install --stores nss (Chromium/Firefox NSS databases)
  default-jre-headless                      # keytool and a Java client: devcert --install --stores java
  bandit                                    # the peer the scan benchmark is measured against
  pre-commit                                # the pre-commit hook test installs the hook as pre-commit does
  prometheus-blackbox-exporter              # the monitoring test scrapes expiry metrics for `endpoints --format prometheus`
)
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
$SUDO apt-get update -q </dev/null
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
