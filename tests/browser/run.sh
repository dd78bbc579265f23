#!/usr/bin/env bash
# The report page's reader tests (report_page.test.mjs) in Debian's chromium, driven by
# Playwright (npm playwright-core) with axe-core (npm), on the bundled example rendered by the
# CLI (examples/seeds) and, when the evaluation data is there (../shared/eval/basil), one BASIL
# event rendered by the CLI; plus the hostile fixture (render_fixture).
#
# Usage: run.sh RENDER_FIXTURE PARALLAX_BINARY SOURCE_DIR [all|quick]
#        quick: the seed and hostile fixtures only, no CLI (a quick local run)
# Env:   REPORT_SHOTS=DIR  also write screenshots and the printed PDFs there
#        PARALLAX_NO_BROWSER_INSTALL=1  do not try to install chromium or the npm packages
# Installs the npm packages (npm ci, from package-lock.json) into tests/browser/node_modules when
# they are missing. Exits 77 (reported by CTest as skipped), saying why, only when chromium,
# node or the npm packages cannot be had.
set -uo pipefail
render_fixture=$1
parallax=$2
source_dir=$3
scope=${4:-all}
here=$source_dir/tests/browser

skip() {
  echo "SKIP: $*; the report page's browser tests did not run"
  exit 77
}

# shellcheck source=../browser/chromium.sh
source "$source_dir/tests/browser/chromium.sh"
chromium_or_skip "$source_dir" "the report page's browser tests"
command -v node >/dev/null 2>&1 || skip "node is not installed (apt-get install nodejs npm)"

packages_present() {
  [ -f "$here/node_modules/playwright-core/package.json" ] && [ -f "$here/node_modules/axe-core/axe.min.js" ]
}
if ! packages_present && [ "${PARALLAX_NO_BROWSER_INSTALL:-0}" != 1 ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "run.sh: installing playwright-core and axe-core (npm ci in tests/browser)"
    (cd "$here" && timeout 300 npm ci --no-audit --no-fund --loglevel=error) || true
  fi
fi
packages_present || skip "the npm packages playwright-core and axe-core are missing from tests/browser/node_modules (npm ci did not install them: no npm, offline, or PARALLAX_NO_BROWSER_INSTALL=1)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$render_fixture" "$source_dir" "$work" || { echo "FAIL: render_fixture failed"; exit 1; }
export PARALLAX_DATA_DIR=$source_dir
# The most pages each page may print on (the header, the first screen, the key and the shared
# claims). The fixture holds the same two articles as the example: it is opened only in the
# quick run, which renders no page with the CLI.
if [ "$scope" = quick ]; then
  (cd "$here" && timeout 240 node report_page.test.mjs "$chromium_bin" "fixture=$work/seeds.html:4" \
    "--hostile=$work/hostile.html")
  exit $?
fi
"$parallax" report "$source_dir/examples/seeds/corpus.yaml" -o "$work/example.html" --threads 2 \
  >/dev/null || { echo "FAIL: parallax report on examples/seeds failed"; exit 1; }
pages=("example=$work/example.html:5")
basil=$source_dir/../shared/eval/basil
if [ -d "$basil/articles" ] && command -v python3 >/dev/null 2>&1; then
  python3 "$source_dir/scripts/basil_to_jsonl.py" "$basil" "$work/basil.jsonl" >/dev/null &&
    python3 - "$work/basil.jsonl" "$work/event.jsonl" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
story = sorted(r["story"] for r in rows)[0]  # the first event by uuid: the same on every run
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.writelines(json.dumps(r) + "\n" for r in rows if r["story"] == story)
EOF
  if [ -s "$work/event.jsonl" ]; then
    "$parallax" report "$work/event.jsonl" -o "$work/basil.html" --threads 2 >/dev/null ||
      { echo "FAIL: parallax report on a BASIL event failed"; exit 1; }
    pages+=("basil=$work/basil.html:6")
  fi
else
  echo "run.sh: $basil not found: the BASIL page is not tested"
fi

(cd "$here" && timeout 240 node report_page.test.mjs "$chromium_bin" "${pages[@]}" \
  "--hostile=$work/hostile.html")
