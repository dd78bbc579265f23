#!/usr/bin/env bash
# Crash test for the lasting index (a writer killed at any point loses no committed article): index the BASIL articles, kill -9 the writer at a
# random moment, and check after every kill that the index opens and holds only whole articles,
# each with exactly the sentences a clean run gives it.
#
# usage: scripts/crash_test_index.sh [ROUNDS]        (default 10)
# env:   PARALLAX  the binary (default build/engine/cli/parallax)
#        BASIL     the BASIL folder (default ../shared/eval/basil)
#        SEED      seed for the kill moments (default: random), printed so a run can be repeated
# Exit status 0 iff every round passed. Work files go to a temporary folder, removed at exit.
set -euo pipefail

rounds=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
parallax=${PARALLAX:-$root/build/engine/cli/parallax}
basil=${BASIL:-$root/../shared/eval/basil}
seed=${SEED:-$RANDOM}
RANDOM=$seed
[[ -x $parallax ]] || { echo "crash_test_index: no parallax binary at $parallax (set PARALLAX)" >&2; exit 2; }
[[ -d $basil ]] || { echo "crash_test_index: no BASIL data at $basil (set BASIL)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/basil_to_jsonl.py" "$basil" "$work/basil.jsonl"
# Small batches, so that kills land between, before and inside many commits.
add=("$parallax" index add "$work/basil.jsonl" --commit-every 200)

# Reference: a clean run, its per-article sentence counts and its duration.
start=$(date +%s%N)
"${add[@]}" --index "$work/reference" > /dev/null
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$parallax" index list --index "$work/reference" | cut -f1,4 | sort > "$work/reference.counts"
echo "seed $seed; clean run: $("$parallax" index check --index "$work/reference") in ${duration_ms} ms"

failures=0
for round in $(seq 1 "$rounds"); do
  delay_ms=$(( RANDOM % (duration_ms + 1) ))
  "${add[@]}" --index "$work/index" > /dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  if ! counts=$("$parallax" index check --index "$work/index" 2>&1); then
    if [[ ! -e $work/index/iamglass ]]; then
      echo "round $round: killed after ${delay_ms} ms, before the index was created"
      continue
    fi
    echo "round $round: killed after ${delay_ms} ms: FAIL: $counts"
    failures=$((failures + 1))
    continue
  fi
  "$parallax" index list --index "$work/index" | cut -f1,4 | sort > "$work/round.counts"
  # Every article present must have exactly its reference sentence count.
  if ! diff <(comm -23 "$work/round.counts" "$work/reference.counts") /dev/null > /dev/null; then
    echo "round $round: killed after ${delay_ms} ms: FAIL: articles differing from the clean run:"
    comm -23 "$work/round.counts" "$work/reference.counts" | head -5
    failures=$((failures + 1))
    continue
  fi
  echo "round $round: killed after ${delay_ms} ms: opens, consistent: $counts"
done

# Finally an uninterrupted run over the crashed index gives exactly the clean result.
"${add[@]}" --index "$work/index" > /dev/null
"$parallax" index list --index "$work/index" | cut -f1,4 | sort > "$work/final.counts"
if cmp -s "$work/final.counts" "$work/reference.counts"; then
  echo "final run over the crashed index: $("$parallax" index check --index "$work/index"), same as the clean run"
else
  echo "final run over the crashed index: FAIL: differs from the clean run"
  failures=$((failures + 1))
fi
echo "$failures failure(s) in $rounds rounds"
[[ $failures -eq 0 ]]
