#!/usr/bin/env python3
"""Story grouping on BASIL: adjusted Rand index of `parallax batch` stories against `triplet-uuid`.

Converts ../shared/eval/basil to news-crawler JSONL in a temporary folder with
scripts/basil_to_jsonl.py (the data is never copied into the repository), drops the `story`
field (batch honours a story given in the input, which would hand it the gold), runs
`parallax batch` on it — the production path — and scores the article -> story map of its
stories.json against the triplets.

    scripts/eval_stories.py [--binary build/engine/cli/parallax] [--eval-dir DIR] [--data-dir DIR]

Standard library only.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EVAL_DIR = os.path.join(os.path.dirname(REPO), "shared", "eval")


def ari(gold, pred):
    def c2(n):
        return n * (n - 1) / 2.0

    cells, rows, cols = {}, {}, {}
    for g, p in zip(gold, pred):
        cells[(g, p)] = cells.get((g, p), 0) + 1
        rows[g] = rows.get(g, 0) + 1
        cols[p] = cols.get(p, 0) + 1
    index = sum(c2(n) for n in cells.values())
    a = sum(c2(n) for n in rows.values())
    b = sum(c2(n) for n in cols.values())
    expected = a * b / c2(len(gold))
    top = (a + b) / 2.0
    return 1.0 if math.isclose(top, expected) else (index - expected) / (top - expected)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", default=os.path.join(REPO, "build", "engine", "cli", "parallax"))
    ap.add_argument("--eval-dir", default=DEFAULT_EVAL_DIR)
    ap.add_argument("--data-dir", default=REPO, help="lexicons/ and rules/ to run with")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.eval_dir, "basil")):
        sys.exit("BASIL not found under %s" % args.eval_dir)
    with tempfile.TemporaryDirectory() as tmp:
        labelled = os.path.join(tmp, "basil.jsonl")
        subprocess.run([sys.executable, os.path.join(REPO, "scripts", "basil_to_jsonl.py"),
                        os.path.join(args.eval_dir, "basil"), labelled], check=True,
                       stderr=subprocess.DEVNULL)
        gold_of = {}
        unlabelled = os.path.join(tmp, "basil-unlabelled.jsonl")
        with open(labelled, encoding="utf-8") as src, open(unlabelled, "w", encoding="utf-8") as dst:
            for line in src:
                record = json.loads(line)
                gold_of[record["id"]] = record.pop("story")
                dst.write(json.dumps(record, ensure_ascii=False) + "\n")
        out = os.path.join(tmp, "batch")
        start = time.time()
        subprocess.run([args.binary, "batch", unlabelled, "-o", out, "--data-dir", args.data_dir],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.time() - start
        with open(os.path.join(out, "stories.json"), encoding="utf-8") as f:
            predicted = json.load(f)["articles"]
    ids = sorted(gold_of)
    gold = [gold_of[i] for i in ids]
    pred = [predicted.get(i, "missing:" + i) for i in ids]
    errors = {}
    for g, p in zip(gold, pred):
        errors.setdefault(g, set()).add(p)
    split = sum(1 for v in errors.values() if len(v) > 1)
    print("articles %d, gold stories %d, predicted stories %d"
          % (len(gold), len(set(gold)), len(set(pred))))
    print("gold stories split over several predicted stories: %d" % split)
    print("ARI %.4f" % ari(gold, pred))
    print("batch seconds %.2f (reading, marking, aligning and writing every report)" % seconds)


if __name__ == "__main__":
    main()
