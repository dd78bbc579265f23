#!/usr/bin/env bash
# The whole test suite: set up (apt-get what is missing, configure, build with warnings as
# errors), then run every test through CTest.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/build.sh" -DPARALLAX_WARNINGS_AS_ERRORS=ON -DPARALLAX_BUILD_BENCHMARKS=ON
# The report's browser test renders pages in headless Chromium; it skips only if this fails.
bash "$here/scripts/install_browser.sh"
build_dir=${PARALLAX_BUILD_DIR:-$here/build}
cd "$build_dir"
ctest --output-on-failure -j "${PARALLAX_JOBS:-$(nproc)}" --timeout 600
