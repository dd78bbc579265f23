#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser test (tests/report/browser_test.sh).
# Exits 0 in every case: when chromium is present or was installed it prints its path; when it
# cannot be installed (no root, no package index, offline) it says so and the browser test skips.
# Usage: scripts/install_browser.sh
set -uo pipefail

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
