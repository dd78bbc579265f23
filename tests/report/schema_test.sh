#!/usr/bin/env bash
# Validates the JSON the report renderer writes for the seed fixture against
# reports/schema/report.schema.json, and checks that a document breaking the schema is refused.
# Usage: schema_test.sh RENDER_FIXTURE SOURCE_DIR. Exits 77 (skipped) when no python3 has the
# jsonschema module (Debian: python3-jsonschema).
set -uo pipefail
render_fixture=$1
source_dir=$2
schema=$source_dir/reports/schema/report.schema.json
validator=$source_dir/tests/report/validate_report_json.py

python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import jsonschema' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "SKIP: no python3 with the jsonschema module (apt-get install python3-jsonschema); the report JSON was not validated"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$render_fixture" "$source_dir" "$work" || { echo "FAIL: render_fixture failed"; exit 1; }
# (hostile.json is not validated: its stance and category values are deliberately outside the
# documented sets.)
"$python" "$validator" "$schema" "$work/seeds.json" || exit 1

# The fixture's profiles cite sources, so the shape of `cited` is checked too.
"$python" - "$work/seeds.json" <<'PY' || { echo "FAIL: a seed profile cites no source"; exit 1; }
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if all(p["cited"] for p in report["profiles"]) else 1)
PY

# The validator must refuse documents that break the schema, each in one way.
"$python" - "$work/seeds.json" "$work" <<'PY'
import copy, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
def broken(name, change):
    doc = copy.deepcopy(report)
    change(doc)
    json.dump(doc, open(f"{sys.argv[2]}/broken-{name}.json", "w", encoding="utf-8"))
broken("mark", lambda d: d["articles"][0]["sentences"][0]["marks"].append(
    {"category": "hedge", "start": -1}))
broken("no-cited", lambda d: d["profiles"][0].pop("cited"))
broken("cited-kind", lambda d: d["profiles"][0]["cited"][0].update(kind="none"))
broken("cited-stance", lambda d: d["profiles"][0]["cited"][0]["stances"].update(unsure=1))
broken("cited-zero-stance", lambda d: d["profiles"][0]["cited"][0]["stances"].update(neutral=0))
broken("cited-evidence", lambda d: d["profiles"][0]["cited"][0]["evidence"].append({"article": -1}))
broken("old-version", lambda d: d.update(schema_version="1.3"))
# A breakdown bar that names a category again would count its marks twice in a group-by.
broken("bar-double-count", lambda d: next(b for b in d["profiles"][0]["bars"] if b["breakdown_by"]).update(category="attribution"))
PY
for doc in "$work"/broken-*.json; do
  if "$python" "$validator" "$schema" "$doc" >/dev/null; then
    echo "FAIL: a document breaking the schema was accepted: $(basename "$doc")"
    exit 1
  fi
done
echo "schema_test: produced JSON is valid; broken documents are refused"
