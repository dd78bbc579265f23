#!/usr/bin/env bash
# Builds the fuzz targets of tests/fuzz with clang + libFuzzer (ASan and UBSan on) and runs each
# for SECONDS, then prints one line per target: executions, coverage (libFuzzer's `cov`, edges
# reached; `ft`, features), corpus size and crashes.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET ...]      (default: 60 s, every target)
#   e.g. scripts/fuzz.sh 30                 # the short pass CI can run
#        scripts/fuzz.sh 600 html marker     # ten minutes on two targets
# Env: PARALLAX_FUZZ_BUILD_DIR (default: build-asan, the directory scripts/sanitize.sh builds,
#      configured the same way), PARALLAX_JOBS (default: number of cores),
#      PARALLAX_FUZZ_FLAGS (extra libFuzzer flags, e.g. "-jobs=2 -workers=2").
#
# Inputs that grow coverage accumulate in <build dir>/corpus/<target>/ (the seeds in
# tests/fuzz/corpus/<target>/ are read, never written). A crash input is written to
# <build dir>/crashes/<target>/; copy it to tests/fuzz/regressions/<target>/ so the regular suite
# replays it (fuzz_replay_test), fix the bug, and check the replay passes. Exits 1 if any target
# crashed, 2 on a build failure.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
build_dir=${PARALLAX_FUZZ_BUILD_DIR:-$here/build-asan}
jobs=${PARALLAX_JOBS:-$(nproc)}
all_targets=(manifest html news_json article_text sentence_splitter segment_rules boilerplate_rules aliases
             lexicon marker similarity_rules similarity)
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")

cxx=$(command -v clang++ || command -v clang++-14 || true)
if [[ -z $cxx ]]; then
  echo "fuzz.sh: clang++ not found (Debian: apt-get install clang)" >&2
  exit 2
fi
# The same configuration as scripts/sanitize.sh, so that one directory serves both.
cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
      -DPARALLAX_SANITIZE=ON -DPARALLAX_FUZZ=ON -DPARALLAX_WARNINGS_AS_ERRORS=OFF >/dev/null || exit 2
cmake --build "$build_dir" -j "$jobs" --target "${targets[@]/%/_fuzzer}" >/dev/null || exit 2

# ASan: leaks are reported at exit; UBSan: stop on the first report with a stack.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
printf '%-18s %7s %12s %8s %8s %7s %s\n' target seconds execs cov ft corpus crashes
for t in "${targets[@]}"; do
  corpus="$build_dir/corpus/$t"
  crashes="$build_dir/crashes/$t"
  log="$build_dir/logs/$t.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  start=$(date +%s)
  # -timeout: an input taking 10 s is a hang; -rss_limit_mb: 2 GB is an out-of-memory bug.
  # shellcheck disable=SC2086
  "$build_dir/tests/fuzz/${t}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$crashes/" ${PARALLAX_FUZZ_FLAGS:-} \
      "$corpus" "$here/tests/fuzz/corpus/$t" >"$log" 2>&1 || true
  elapsed=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*$' || true)
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*$' || true)
  n_crashes=$(find "$crashes" -type f | wc -l)
  printf '%-18s %7s %12s %8s %8s %7s %s\n' "$t" "$elapsed" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
         "$(find "$corpus" -type f | wc -l)" "$n_crashes"
  if [[ $n_crashes -gt 0 ]] || grep -qE 'ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error:' "$log"; then
    echo "  $t: crash; see $log and $crashes/" >&2
    status=1
  fi
done
exit $status
