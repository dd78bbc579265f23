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

# The validator must refuse a document that breaks the schema.
"$python" - "$work/seeds.json" "$work/broken.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
report["articles"][0]["sentences"][0]["marks"].append({"category": "hedge", "start": -1})
json.dump(report, open(sys.argv[2], "w", encoding="utf-8"))
PY
if "$python" "$validator" "$schema" "$work/broken.json" >/dev/null; then
  echo "FAIL: a document breaking the schema was accepted"
  exit 1
fi
echo "schema_test: produced JSON is valid; a broken document is refused"
