#!/usr/bin/env python3
"""Convert BASIL articles to news-please style JSONL, one article per line.

usage: scripts/basil_to_jsonl.py BASIL_DIR OUT.jsonl

BASIL_DIR is the BASIL folder (holding articles/<year>/<uuid>_<n>.json), e.g.
../shared/eval/basil. Each output line has the fields `parallax index add` and the other
commands read from news-crawler JSON (see engine/ingest/news_json.h):
  id             "basil-" + the file name (<triplet-uuid>_<n>; BASIL uuids repeat)
  story          its triplet-uuid: the event the three outlets report
  title, url
  maintext       paragraphs joined by a blank line; a paragraph's sentences joined by a space
  authors        [] (BASIL has no authors)
  date_publish   the article's date (YYYY-MM-DD)
  source_domain  fox, nyt or hpo (lower-cased)
Articles are written in sorted path order, so the output is the same on every run. The
evaluation data stays outside the repository: write OUT.jsonl somewhere else (e.g. /tmp).
"""
import json
import pathlib
import sys


def convert(path):
    with open(path, encoding="utf-8") as f:
        art = json.load(f)
    paragraphs = []
    for paragraph in art.get("body-paragraphs", []):
        sentences = [s.strip() for s in paragraph if s and s.strip()]
        if sentences:
            paragraphs.append(" ".join(sentences))
    return {
        "id": "basil-" + path.stem,
        "story": art.get("triplet-uuid", ""),
        "title": art.get("title", ""),
        "maintext": "\n\n".join(paragraphs),
        "authors": [],
        "date_publish": art.get("date", ""),
        "source_domain": str(art.get("source", "")).lower(),
        "url": art.get("url", ""),
    }


def main(argv):
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr if len(argv) != 2 else sys.stdout)
        return 0 if len(argv) == 2 else 2
    root = pathlib.Path(argv[1])
    articles = root / "articles" if (root / "articles").is_dir() else root
    paths = sorted(articles.rglob("*.json"))
    paths = [p for p in paths if not p.name.endswith("_ann.json")]
    if not paths:
        print(f"basil_to_jsonl: no article files under {articles}", file=sys.stderr)
        return 1
    out = pathlib.Path(argv[2])
    with open(out, "w", encoding="utf-8") as f:
        for path in paths:
            f.write(json.dumps(convert(path), ensure_ascii=False) + "\n")
    print(f"basil_to_jsonl: wrote {len(paths)} articles to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
