#!/usr/bin/env python3
"""Builds the end-to-end benchmark corpus as news-crawler JSONL, outside the repository.

Corpus: every BASIL article (title + body paragraphs) and every PolNeAR article text (all splits present
under EVAL/polnear: train and dev), the same documents python_peer.py reads. At scale K each document appears
K times; copy c > 0 becomes a different article of a different source (id "<id>~c<c>", source
"<source>~c<c>"), so that the aligner, like the peer, sees K times the sentences and K times the sources.

The evaluation data must never enter the repository: the output folder defaults to a fresh temporary folder
and the script refuses a folder inside the repository.

Usage: corpus_builder.py [--eval DIR] [--out DIR] [SCALE ...]     (default scales: 1 4 16)
Writes OUT/corpus-<K>x.jsonl per scale and prints one line per file:
  corpus <K>x <path> <articles> articles <bytes> bytes
"""
import argparse
import csv
import glob
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def basil_articles(eval_dir):
    for path in sorted(glob.glob(os.path.join(eval_dir, "basil", "articles", "*", "*.json"))):
        with open(path, encoding="utf-8") as fh:
            a = json.load(fh)
        body = "\n\n".join(" ".join(p) for p in a.get("body-paragraphs", []))
        yield {
            "id": "basil-" + os.path.splitext(os.path.basename(path))[0],
            "source_domain": (a.get("source") or "").lower(),
            "title": a.get("title") or "",
            "date_publish": a.get("date") or "",
            "url": a.get("url") or "",
            "maintext": body,
        }


def polnear_metadata(eval_dir):
    meta = {}
    path = os.path.join(eval_dir, "polnear", "metadata.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row.get("filename", "")] = row
    return meta


def polnear_articles(eval_dir):
    meta = polnear_metadata(eval_dir)
    for path in sorted(glob.glob(os.path.join(eval_dir, "polnear", "*", "text", "*.txt"))):
        split = os.path.basename(os.path.dirname(os.path.dirname(path)))
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        m = meta.get(stem, {})
        parts = stem.split("_")
        yield {
            "id": "polnear-%s-%s" % (split, stem),
            "source_domain": m.get("publisher") or parts[0],
            "title": m.get("title") or "",
            "date_publish": m.get("publication_date") or (parts[1] if len(parts) > 1 else ""),
            "maintext": text,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", default=os.path.join(REPO, "..", "shared", "eval"))
    parser.add_argument("--out", default="")
    parser.add_argument("scales", nargs="*", type=int, default=[1, 4, 16])
    args = parser.parse_args()

    docs = list(basil_articles(args.eval)) + list(polnear_articles(args.eval))
    if not docs:
        sys.exit("corpus_builder: no BASIL or PolNeAR articles under " + args.eval)
    out = args.out or tempfile.mkdtemp(prefix="parallax-e2e-")
    real_out, real_repo = os.path.realpath(out), os.path.realpath(REPO)
    if real_out == real_repo or real_out.startswith(real_repo + os.sep):
        sys.exit("corpus_builder: refusing to write evaluation data inside the repository: " + out)
    os.makedirs(out, exist_ok=True)
    for k in args.scales:
        path = os.path.join(out, "corpus-%dx.jsonl" % k)
        with open(path, "w", encoding="utf-8") as fh:
            for c in range(k):
                for d in docs:
                    r = dict(d)
                    if c > 0:
                        r["id"] = "%s~c%d" % (d["id"], c)
                        r["source_domain"] = "%s~c%d" % (d["source_domain"], c)
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("corpus %dx %s %d articles %d bytes" % (k, path, k * len(docs), os.path.getsize(path)))


if __name__ == "__main__":
    main()
