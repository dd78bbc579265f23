# Sourced by the browser tests: finds Debian's chromium, installing it with
# scripts/install_browser.sh when missing (unless PARALLAX_NO_BROWSER_INSTALL=1).
#
#   source tests/browser/chromium.sh
#   chromium_or_skip SOURCE_DIR "the report's browser test"   # sets chromium_bin, or exits 77

find_chromium() {
  for name in chromium chromium-browser; do
    command -v "$name" 2>/dev/null && return 0
  done
  return 1
}

chromium_or_skip() {
  local source_dir=$1 what=$2
  chromium_bin=$(find_chromium) || true
  if [ -z "$chromium_bin" ] && [ "${PARALLAX_NO_BROWSER_INSTALL:-0}" != 1 ]; then
    bash "$source_dir/scripts/install_browser.sh"
    chromium_bin=$(find_chromium) || true
  fi
  if [ -z "$chromium_bin" ]; then
    echo "SKIP: chromium is not installed and could not be installed (run scripts/install_browser.sh as root); $what did not run"
    exit 77
  fi
}
