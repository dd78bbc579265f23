"""Validates report JSON files against reports/schema/report.schema.json.

Usage: validate_report_json.py SCHEMA JSON...
Exits 0 when every file is valid, 1 when one is not, 77 when the jsonschema module is missing.
Beyond the schema it checks what a schema cannot say: spans lie within the text and every
mark's `cue` equals the bytes its span names.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: python module jsonschema is missing (Debian: python3-jsonschema)")
    sys.exit(77)


def check_spans(report, name):
    errors = []
    for a, article in enumerate(report["articles"]):
        text = article["text"].encode("utf-8")
        for s, sentence in enumerate(article["sentences"]):
            where = f"{name}: articles[{a}].sentences[{s}]"
            start, end = sentence["start"], sentence["end"]
            if not start <= end <= len(text):
                errors.append(f"{where}: span [{start}, {end}) outside the text")
            for m, mark in enumerate(sentence["marks"]):
                ms, me = mark["start"], mark["end"]
                if not ms <= me <= len(text):
                    errors.append(f"{where}.marks[{m}]: span [{ms}, {me}) outside the text")
                elif text[ms:me].decode("utf-8", "replace") != mark["cue"]:
                    errors.append(f"{where}.marks[{m}]: cue does not match its span")
    return errors


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        errors = [f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(report)]
        if not errors:
            errors = check_spans(report, path)
        for error in errors[:20]:
            print("INVALID:", error)
        failed = failed or bool(errors)
        if not errors:
            print(f"valid: {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
