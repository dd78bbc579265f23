#!/usr/bin/env bash
# Runs the Python lines the CSV codebook gives (marks per 1,000 words per outlet and voice, csv
# module only) on the seed fixture's CSV, as a reader would copy them, and checks their figures
# against the JSON: each outlet's marks in that voice over its profile's words.
# Usage: codebook_python_test.sh RENDER_FIXTURE SOURCE_DIR. Exits 77 (skipped) without python3.
set -uo pipefail
render_fixture=$1
source_dir=$2
python=$(command -v python3 || true)
if [ -z "$python" ]; then
  echo "SKIP: no python3; the codebook's Python was not run"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$render_fixture" "$source_dir" "$work" || { echo "FAIL: render_fixture failed"; exit 1; }
cd "$work" || exit 1
# The fenced block of the codebook, as written.
sed -n '/^```python$/,/^```$/p' seeds.codebook.md | sed '1d;$d' >snippet.py
lines=$(wc -l <snippet.py)
if [ "$lines" -gt 5 ]; then
  echo "FAIL: the codebook's Python is $lines lines, not five"
  exit 1
fi
"$python" snippet.py >rates.tsv || { echo "FAIL: the codebook's Python failed"; cat snippet.py; exit 1; }
cat rates.tsv
"$python" - <<'PY' || exit 1
import collections, json, sys
report = json.load(open("seeds.json", encoding="utf-8"))
words = {p["source"]: p["words"] for p in report["profiles"]}
marks = collections.Counter((a["source"], m["voice"]) for a in report["articles"]
                            for s in a["sentences"] for m in s["marks"])
want = {f"{src}\t{voice}\t{1000 * n / words[src]:.2f}" for (src, voice), n in marks.items()}
got = set(open("rates.tsv", encoding="utf-8").read().splitlines())
if got != want:
    print("FAIL: the codebook's Python gives", sorted(got), "the JSON", sorted(want))
    sys.exit(1)
print(f"codebook_python_test: {len(got)} rates per outlet and voice agree with the JSON")
PY
