#!/usr/bin/env bash
# Browser test of the batch index: renders the fixture's four-story index (render_fixture),
# opens it in headless chromium and checks what a reader does — sort by a column (by pressing
# its head and by a shared link's fragment), search, filter by outlet and by date — by the rows
# left visible and their order in the rendered DOM; that the script runs under the page's CSP
# without a console error; and that without script the page shows every story and no controls.
#
# Usage: batch_browser_test.sh RENDER_FIXTURE SOURCE_DIR
# Env:   PARALLAX_NO_BROWSER_INSTALL=1  do not try scripts/install_browser.sh when chromium is missing
# Exits 77 (reported by CTest as skipped) only when chromium is missing and cannot be installed.
set -uo pipefail
render_fixture=$1
source_dir=$2

# shellcheck source=../browser/chromium.sh
source "$source_dir/tests/browser/chromium.sh"
chromium_or_skip "$source_dir" "the batch index's browser test"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
"$render_fixture" "$source_dir" "$work" || { echo "FAIL: render_fixture failed"; exit 1; }
page=$work/batch_index_many.html

# Dumps the DOM of `page` (a file path, optionally with a #fragment) after its scripts ran.
dump() {
  local url=$1 name=$2
  timeout 120 "$chromium_bin" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --hide-scrollbars \
    --user-data-dir="$(mktemp -d -p "$work")" --enable-logging=stderr --v=0 --dump-dom \
    "file://$url" >"$work/$name.dom.html" 2>"$work/$name.log" || fail "$name: chromium failed"
  if grep -E "Uncaught|Refused to|Content Security Policy|:CONSOLE" "$work/$name.log" >/dev/null; then
    fail "$name: console errors:"
    grep -E "Uncaught|Refused to|Content Security Policy|CONSOLE" "$work/$name.log" | head -5
  fi
}
# The story rows in DOM order, "story-3" for a visible row and "-story-3" for a hidden one.
rows() {
  grep -Eo '<tr id="story-[0-9]+"[^>]*>' "$work/$1.dom.html" |
    sed -E '/hidden=""/s/^<tr id="(story-[0-9]+)".*/-\1/; s/^<tr id="(story-[0-9]+)".*/\1/' | tr '\n' ' '
}
check() {  # check NAME EXPECTED-ROWS WHAT
  local got
  got=$(rows "$1")
  [ "$got" = "$2" ] || fail "$3: rows are '$got', expected '$2'"
}
# The page with a script run after the page's own: what a reader's clicks and typing do.
with_actions() {
  sed "s|</body>|<script>$2</script></body>|" "$page" >"$work/$1.html"
  dump "$work/$1.html" "$1"
}

# Stories: 1 the seeds (2025-07-24..., 1 conflict), 2 budget (fox nyt, 2014, 0 conflicts,
# 4 omissions), 3 Karachi storm (nyt hpo, 2019, 3 conflicts), 4 docks strike (fox hpo nyt, 2010,
# 1 conflict).
dump "$page" plain
check plain "story-1 story-2 story-3 story-4 " "opened without a fragment"
grep -q '<form id="story-controls" class="story-controls" role="search">' "$work/plain.dom.html" ||
  fail "the script did not reveal the controls"
grep -q '<th scope="col" class="num" data-sort="conflicts"><button type="button">Conflicts</button></th>' \
  "$work/plain.dom.html" || fail "the column heads did not become sort buttons"

# Pressing "Conflicts" sorts most conflicts first (ties in story order); pressing it again
# reverses; the view is kept in the fragment.
with_actions sorted 'var b = document.querySelector("th[data-sort=conflicts] button"); b.click(); document.title = location.hash;'
check sorted "story-3 story-1 story-4 story-2 " "sort by conflicts"
grep -q '<title>#sort=conflicts&amp;dir=desc</title>' "$work/sorted.dom.html" ||
  fail "the sort is not kept in the URL fragment"
grep -q 'data-sort="conflicts" aria-sort="descending"' "$work/sorted.dom.html" ||
  fail "the sorted column does not say so (aria-sort)"
with_actions reversed 'var b = document.querySelector("th[data-sort=conflicts] button"); b.click(); b.click();'
check reversed "story-2 story-1 story-4 story-3 " "second press reverses the sort"
with_actions by_date 'document.querySelector("th[data-sort=date] button").click();'
check by_date "story-4 story-2 story-3 story-1 " "sort by date"

# The "Sort" list (what a phone, whose column heads are hidden, sorts with).
with_actions sort_list 'var s = document.getElementById("story-sort"); s.value = "omissions"; s.dispatchEvent(new Event("change", {bubbles: true}));'
check sort_list "story-2 story-4 story-1 story-3 " "sort by omissions from the Sort list"

# Typing in the search box keeps the stories whose text holds every word.
with_actions searched 'var q = document.getElementById("story-q"); q.value = "karachi storm"; q.dispatchEvent(new Event("input", {bubbles: true}));'
check searched "-story-1 -story-2 story-3 -story-4 " "search for 'karachi storm'"
grep -q '1 of 4 stories' "$work/searched.dom.html" || fail "the count of stories shown is not updated"

# Choosing an outlet keeps its stories.
with_actions outlet 'var s = document.getElementById("story-outlet"); s.value = "fox"; s.dispatchEvent(new Event("change", {bubbles: true}));'
check outlet "-story-1 story-2 -story-3 story-4 " "filter by outlet fox"

# A shared link's fragment restores the view: dates from 2015 on, most omissions first.
dump "$page#from=2015-01-01&sort=omissions&dir=desc" shared
check shared "-story-2 -story-4 story-1 story-3 " "the fragment's date filter and sort"
# A fragment without "=" is an anchor, not a view: every story stays.
dump "$page#story-3" anchor
check anchor "story-1 story-2 story-3 story-4 " "an anchor fragment is not a view"

# Without script: every story, no controls.
sed 's|<script>|<script type="text/plain">|' "$page" >"$work/noscript.html"
dump "$work/noscript.html" noscript
check noscript "story-1 story-2 story-3 story-4 " "without script"
grep -q '<form id="story-controls" class="story-controls" role="search" hidden="">' \
  "$work/noscript.dom.html" || fail "controls are shown without the script that drives them"

if [ "$failures" -gt 0 ]; then
  echo "batch_browser_test: $failures failure(s)"
  exit 1
fi
echo "batch_browser_test: sort, search, outlet and date filters and the URL fragment work"
