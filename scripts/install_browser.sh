#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser tests (tests/report/browser_test.sh,
# tests/browser/run.sh), and the npm packages tests/browser drives it with (playwright-core,
# axe-core: npm ci from tests/browser/package-lock.json) when they are missing.
# Exits 0 in every case: when chromium is present or was installed it prints its path; when it
# cannot be installed (no root, no package index, offline) it says so and the browser tests skip.
# Usage: scripts/install_browser.sh
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The npm packages of tests/browser, installed once (node_modules is not in git).
install_npm_packages() {
  local dir=$here/tests/browser
  if [ -f "$dir/node_modules/playwright-core/package.json" ] && [ -f "$dir/node_modules/axe-core/axe.min.js" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    # Debian's node and npm, when this user may apt-get (root, or sudo without a password).
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
    if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }; then
      echo "install_browser: installing nodejs and npm from Debian" >&2
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        nodejs npm >&2 || true
    fi
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "install_browser: npm is missing and cannot be installed; the report page's browser tests will skip" >&2
    return 0
  fi
  echo "install_browser: installing playwright-core and axe-core (npm ci in tests/browser)" >&2
  (cd "$dir" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >&2) ||
    echo "install_browser: npm ci failed in tests/browser (offline?); the report page's browser tests will skip" >&2
}
install_npm_packages

find_chromium() {
  for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

if path=$(find_chromium); then
  echo "install_browser: chromium present at $path" >&2
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "install_browser: chromium is missing and this user cannot apt-get install it (not root, no sudo); the browser test will skip" >&2
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: chromium is missing and apt-get is not available; the browser test will skip" >&2
  exit 0
fi

echo "install_browser: installing chromium from Debian (this takes a minute)" >&2
export DEBIAN_FRONTEND=noninteractive
# A stale package index makes apt-get install fail; refresh it once first.
"${sudo_cmd[@]}" apt-get update -qq >&2 || true
if ! "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2; then
  echo "install_browser: apt-get install chromium failed; the browser test will skip" >&2
  exit 0
fi

if path=$(find_chromium); then
  echo "install_browser: chromium installed at $path" >&2
else
  echo "install_browser: chromium package installed but no chromium binary found; the browser test will skip" >&2
fi
exit 0
