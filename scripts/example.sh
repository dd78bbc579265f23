#!/usr/bin/env bash
# The main job on the bundled example: set up (apt-get what is missing, configure, build), then
# compare the two seed articles and write reports/example.html (+ .json and .csv beside it).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/build.sh"
build_dir=${PARALLAX_BUILD_DIR:-$here/build}
mkdir -p "$here/reports"
"$build_dir/engine/cli/parallax" report "$here/examples/seeds/corpus.yaml" \
  -o "$here/reports/example.html" --json "$here/reports/example.json" --csv "$here/reports/example.csv"
echo "Report written to $here/reports/example.html"
