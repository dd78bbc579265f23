#!/usr/bin/env bash
# The whole test suite: set up (apt-get what is missing, configure, build with warnings as
# errors), then run every test through CTest; then the same suite again under AddressSanitizer
# + UndefinedBehaviorSanitizer (a clang build in build-asan/), and each fuzz target briefly.
#
# Env: PARALLAX_FUZZ_SECONDS (default 4: seconds per fuzz target, so that the whole command
#      stays under 25 minutes on 2 cores),
#      PARALLAX_SANITIZE_PASS=0 (skip the sanitizer and fuzzing passes, for a quick local run;
#      CI never sets it).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/build.sh" -DPARALLAX_WARNINGS_AS_ERRORS=ON -DPARALLAX_BUILD_BENCHMARKS=ON
# The report's browser test renders pages in headless Chromium; it skips only if this fails.
bash "$here/scripts/install_browser.sh"
build_dir=${PARALLAX_BUILD_DIR:-$here/build}
(cd "$build_dir" && ctest --output-on-failure -j "${PARALLAX_JOBS:-$(nproc)}" --timeout 600)

if [[ ${PARALLAX_SANITIZE_PASS:-1} != 0 ]]; then
  echo "parallax: the suite again under ASan + UBSan (scripts/sanitize.sh)" >&2
  bash "$here/scripts/sanitize.sh"
  echo "parallax: each fuzz target for ${PARALLAX_FUZZ_SECONDS:-4} s (scripts/fuzz.sh)" >&2
  bash "$here/scripts/fuzz.sh" "${PARALLAX_FUZZ_SECONDS:-4}"
fi
