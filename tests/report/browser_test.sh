#!/usr/bin/env bash
# Browser test of the report page: renders the seed fixture (render_fixture), opens it in
# headless chromium and checks the rendered DOM (claims side by side, marks highlighted,
# legend, the inline script ran under the page's CSP), that the console shows no error, that
# the hostile fixture's injected markup stays inert, and takes a screenshot.
#
# Usage: browser_test.sh RENDER_FIXTURE SOURCE_DIR
# Env:   REPORT_SCREENSHOT  where to write the screenshot (default: in a temporary directory)
#        PARALLAX_NO_BROWSER_INSTALL=1  do not try scripts/install_browser.sh when chromium is missing
# Exits 77 (reported by CTest as skipped) only when chromium is missing and cannot be installed.
set -uo pipefail
render_fixture=$1
source_dir=$2

# shellcheck source=../browser/chromium.sh
source "$source_dir/tests/browser/chromium.sh"
chromium_or_skip "$source_dir" "the report's browser test"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

"$render_fixture" "$source_dir" "$work" || { echo "FAIL: render_fixture failed"; exit 1; }

# Runs chromium headless on a page; extra arguments follow the common flags.
run_chromium() {
  local page=$1
  shift
  timeout 120 "$chromium_bin" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --hide-scrollbars \
    --user-data-dir="$(mktemp -d -p "$work")" "$@" "file://$page"
}

# Console output of any kind (the page logs nothing, and chromium logs console.error, uncaught
# exceptions and CSP refusals alike as "INFO:CONSOLE" lines), CSP refusals, uncaught exceptions.
check_console() {
  local log=$1 what=$2
  if grep -E "Uncaught|Refused to|Content Security Policy|:CONSOLE" "$log" >/dev/null; then
    fail "$what: console errors:"
    grep -E "Uncaught|Refused to|Content Security Policy|CONSOLE" "$log" | head -20
  fi
}

expect() {  # expect FILE REGEX DESCRIPTION
  grep -Eq -- "$2" "$1" || fail "$3 (no match for /$2/)"
}
expect_not() {
  if grep -Eq -- "$2" "$1"; then fail "$3 (unexpected match for /$2/)"; fi
}
count() { grep -Eo -- "$2" "$1" | wc -l; }

# --- The seed report ---------------------------------------------------------------------
seeds_dom=$work/seeds.dom.html
run_chromium "$work/seeds.html" --enable-logging=stderr --v=0 --dump-dom \
  >"$seeds_dom" 2>"$work/seeds.log" || fail "chromium --dump-dom failed on seeds.html"
[ -s "$seeds_dom" ] || fail "chromium dumped an empty DOM"
check_console "$work/seeds.log" "seeds.html"

# The inline script ran (CSP allowed it) and revealed the toggles.
expect "$seeds_dom" '<html lang="en" class="js">' "the inline script did not run"
expect "$seeds_dom" '<label class="toggle"><input type="checkbox" checked="" data-toggle="hedge">' \
  "category toggles were not revealed"
# Claims side by side: a column per source, the first claim carried by both.
expect "$seeds_dom" '<table class="claims"' "no claims table"
expect "$seeds_dom" '<th scope="col">Firstpost</th><th scope="col">News site</th>' \
  "sources are not side by side in the claims table"
claim0=$(awk 'BEGIN { RS = "<tr " } /^id="claim-0"/ { print; exit }' "$seeds_dom")
[[ $claim0 == *'data-source="Firstpost"><p class="cell-sentence'* ]] ||
  fail "claim C1 has no Firstpost sentence"
[[ $claim0 == *'data-source="News site"><p class="cell-sentence'* ]] ||
  fail "claim C1 has no News site sentence"
expect "$seeds_dom" '<details class="group single" id="only-0"' \
  "the sentences only one source carries are not listed under it"
expect "$seeds_dom" 'Beijing vs Islamabad' "the place discrepancy is not flagged"
# Marks highlighted, every category; legend present.
marks=$(count "$seeds_dom" '<mark class="m c-')
[ "$marks" -ge 60 ] || fail "only $marks highlight elements"
for cat in hedge booster attribution evaluative scare_quote; do
  expect "$seeds_dom" "<mark class=\"m c-$cat[^\"]*\" data-cat=\"$cat\">" "no $cat highlight"
done
expect "$seeds_dom" '<ul class="legend">' "no legend"
expect "$seeds_dom" '<svg class="chart"' "no profile chart"
expect "$seeds_dom" '<table class="cited">' "no \"Who it cites\" table"
expect "$seeds_dom" '<th scope="row"><a href="#cited-0-0">Munir</a></th>' \
  "the most cited source is not the first row of the table"
expect "$seeds_dom" 'tabindex="0"' "highlights are not keyboard reachable"

# The show/hide toggle: unchecking "hedge" switches off hedge highlights and nothing else.
sed 's|</body>|<script>var b = document.querySelector("input[data-toggle=hedge]"); b.checked = false; b.dispatchEvent(new Event("change"));</script></body>|' \
  "$work/seeds.html" >"$work/toggled.html"
run_chromium "$work/toggled.html" --enable-logging=stderr --v=0 --dump-dom \
  >"$work/toggled.dom.html" 2>"$work/toggled.log" || fail "chromium --dump-dom failed on toggled.html"
check_console "$work/toggled.log" "toggled.html"
expect "$work/toggled.dom.html" 'class="m c-hedge[^"]* off" data-cat="hedge"' "the hedge toggle hid nothing"
expect_not "$work/toggled.dom.html" 'class="m c-(evaluative|booster|attribution|scare_quote)[^"]* off"' \
  "the hedge toggle hid other categories"

# Following a cited source's link opens the list of the sentences citing it.
run_chromium "$work/seeds.html#cited-0-0" --enable-logging=stderr --v=0 --dump-dom \
  >"$work/cited.dom.html" 2>"$work/cited.log" || fail "chromium --dump-dom failed on seeds.html#cited-0-0"
check_console "$work/cited.log" "seeds.html#cited-0-0"
expect "$work/cited.dom.html" '<details id="cited-0-0" class="cited-evidence" open="">' \
  "the link to a cited source did not open its sentences"

shot=${REPORT_SCREENSHOT:-$work/report.png}
run_chromium "$work/seeds.html" --window-size=1400,2400 --screenshot="$shot" \
  >/dev/null 2>"$work/shot.log" || fail "chromium --screenshot failed"
if [ ! -s "$shot" ] || [ "$(stat -c %s "$shot")" -lt 20000 ]; then
  fail "the screenshot $shot is missing or blank"
else
  echo "screenshot: $shot"
fi

# --- The hostile report: injected markup must stay text ------------------------------------
hostile_dom=$work/hostile.dom.html
run_chromium "$work/hostile.html" --enable-logging=stderr --v=0 --dump-dom \
  >"$hostile_dom" 2>"$work/hostile.log" || fail "chromium --dump-dom failed on hostile.html"
check_console "$work/hostile.log" "hostile.html"
expect "$hostile_dom" '<title>Hostile &lt;script&gt;' "the hostile title is not shown as text"
expect_not "$hostile_dom" '<title>PWNED' "an injected script ran"
expect_not "$hostile_dom" '<img' "an injected <img> became an element"
expect_not "$hostile_dom" '<textarea' "an injected </textarea> became markup"
expect_not "$hostile_dom" 'href="[[:space:]]*[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]:' \
  "a javascript: URL became a link"
[ "$(count "$hostile_dom" '<script')" -eq 1 ] || fail "the hostile page has extra script elements"

# --- The batch index -----------------------------------------------------------------------
run_chromium "$work/batch_index.html" --enable-logging=stderr --v=0 --dump-dom \
  >"$work/batch.dom.html" 2>"$work/batch.log" || fail "chromium --dump-dom failed on batch_index.html"
check_console "$work/batch.log" "batch_index.html"
expect "$work/batch.dom.html" '<a href="seeds.html">' "the batch index does not link the story"

if [ "$failures" -ne 0 ]; then
  echo "browser_test: $failures check(s) failed"
  exit 1
fi
echo "browser_test: all checks passed ($marks highlight elements)"
