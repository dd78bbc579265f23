#!/usr/bin/env bash
# The guard rail of a refactoring: runs every output-writing command of a parallax build on the
# seeds, on BASIL and on the 1x benchmark corpus, and prints the SHA-256 of each output. Run it
# before and after a change that must not alter any output, and compare the two listings:
#
#   scripts/output_digests.sh build /tmp/guard-before > before.txt
#   ... change, rebuild ...
#   scripts/output_digests.sh build /tmp/guard-after > after.txt && diff before.txt after.txt
#
# Usage: output_digests.sh BUILD_DIR WORK_DIR [EVAL_DIR]
#   WORK_DIR receives the outputs (and the BASIL and 1x corpora, built once and reused); it must
#   lie outside the repository, since the corpora are made of the evaluation data.
#   EVAL_DIR defaults to ../shared/eval beside the repository.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "$1" && pwd)
work=$2
eval_dir=${3:-$here/../shared/eval}
P="$build/engine/cli/parallax"
mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work/" in "$here"/*) echo "output_digests: WORK_DIR must be outside the repository" >&2; exit 2 ;; esac

[[ -s $work/basil.jsonl ]] || python3 "$here/scripts/basil_to_jsonl.py" "$eval_dir/basil" "$work/basil.jsonl"
[[ -s $work/corpus-1x.jsonl ]] ||
  python3 "$here/bench/corpus_builder.py" --eval "$eval_dir" --out "$work" 1 > /dev/null

out=$work/out
rm -rf "$out"
mkdir -p "$out"
seeds=$here/examples/seeds/corpus.yaml
run() { "$@" 2> /dev/null; }

run "$P" report "$seeds" -o "$out/seeds.html" --json "$out/seeds.json" --csv "$out/seeds.csv"
run "$P" mark "$here/examples/seeds/firstpost-column.txt" > "$out/seeds-mark.jsonl" || true
run "$P" mark --format text "$here/examples/seeds/firstpost-column.txt" > "$out/seeds-mark.txt" || true
run "$P" index add "$seeds" --index "$out/seeds-index" | sed "s#$out#OUT#g" > "$out/seeds-index-add.txt"
run "$P" index list --index "$out/seeds-index" > "$out/seeds-index-list.txt"
run "$P" search --index "$out/seeds-index" "support" > "$out/seeds-search.txt"
run "$P" search --index "$out/seeds-index" --format json "China support" > "$out/seeds-search.json"
run "$P" report "$work/basil.jsonl" -o "$out/basil.html" --json "$out/basil.json" --csv "$out/basil.csv"
run "$P" batch "$work/basil.jsonl" -o "$out/basil-batch" --json
run "$P" report "$work/corpus-1x.jsonl" -o "$out/corpus-1x.html" --json "$out/corpus-1x.json" \
  --csv "$out/corpus-1x.csv"

# Xapian's files differ from run to run (their revision numbers and free lists); the listings
# and searches above show what the index holds.
(cd "$out" && find . -type f ! -path './seeds-index/*' | LC_ALL=C sort | xargs sha256sum)
