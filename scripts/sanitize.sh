#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer:
# configures a second build directory with -DPARALLAX_SANITIZE=ON, builds everything and runs
# every test through CTest. Any sanitizer report fails the test it happens in.
#
# Usage: scripts/sanitize.sh [extra cmake -D options]
# Env: PARALLAX_SANITIZE_BUILD_DIR (default: build-asan), PARALLAX_JOBS (default: number of cores),
#      CTEST_ARGS (extra ctest arguments, e.g. "-R fuzz_replay").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${PARALLAX_SANITIZE_BUILD_DIR:-$here/build-asan}
jobs=${PARALLAX_JOBS:-$(nproc)}
bash "$here/scripts/install_deps.sh"
# Not -Werror here: GCC 12 with -fsanitize=address gives false -Wmaybe-uninitialized warnings
# inside libstdc++'s <regex>; the regular build (scripts/test.sh) enforces warnings.
cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARALLAX_SANITIZE=ON \
      -DPARALLAX_WARNINGS_AS_ERRORS=OFF "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs"
# Leaks are errors; UBSan prints a stack and stops (the build also sets -fno-sanitize-recover).
# The executable under test inherits these through the tests that run it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build_dir"
# shellcheck disable=SC2086
ctest --output-on-failure -j "$jobs" --timeout 1800 ${CTEST_ARGS:-}
