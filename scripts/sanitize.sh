#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer.
# Configures a second build directory with clang, -DPARALLAX_SANITIZE=ON and -DPARALLAX_FUZZ=ON
# (so the same directory also holds the libFuzzer targets scripts/fuzz.sh runs), builds
# everything and runs every test but the browser tests through CTest. Any sanitizer report fails
# the test it happens in.
#
# Usage: scripts/sanitize.sh [extra cmake -D options]
# Env: PARALLAX_SANITIZE_BUILD_DIR (default: build-asan), PARALLAX_JOBS (default: number of cores),
#      CTEST_ARGS (ctest arguments instead of the default "-LE browser", e.g. "-R fuzz_replay").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${PARALLAX_SANITIZE_BUILD_DIR:-$here/build-asan}
jobs=${PARALLAX_JOBS:-$(nproc)}
bash "$here/scripts/install_deps.sh"
cxx=$(command -v clang++ || command -v clang++-14 || true)
if [[ -z $cxx ]]; then
  echo "sanitize.sh: clang++ not found (scripts/install_deps.sh installs it)" >&2
  exit 2
fi
# Warnings are enforced by the regular build (scripts/test.sh, GCC); this one looks for bugs.
cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
      -DPARALLAX_SANITIZE=ON -DPARALLAX_FUZZ=ON -DPARALLAX_WARNINGS_AS_ERRORS=OFF "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs"
# Leaks are errors; UBSan prints a stack and stops (the build also sets -fno-sanitize-recover).
# The executable under test inherits these through the tests that run it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build_dir"
# Browser tests (label "browser") check the page in Chromium, not memory: the regular pass runs
# them. CTEST_ARGS replaces this default.
# shellcheck disable=SC2086
ctest --output-on-failure -j "$jobs" --timeout 1800 ${CTEST_ARGS:--LE browser}
