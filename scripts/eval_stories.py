#!/usr/bin/env python3
"""Story grouping on BASIL: adjusted Rand index of Parallax's stories against `triplet-uuid`.

Converts ../shared/eval/basil/articles/*/*.json to news-please style JSONL in a temporary folder
(with scripts/basil_to_jsonl.py when it exists, else the same conversion inline; the data is
never copied into the repository), runs build*/bench/story_eval on it (AlignCorpus with
group_stories), and recomputes the ARI from its per-article output.

    scripts/eval_stories.py [--binary PATH] [--eval-dir DIR] [--link T] [--sentence T]

Standard library only.
"""

import argparse
import glob
import json
import math
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EVAL_DIR = os.path.join(os.path.dirname(REPO), "shared", "eval")


def default_binary():
    for build in sorted(glob.glob(os.path.join(REPO, "build*"))):
        path = os.path.join(build, "bench", "story_eval")
        if os.path.exists(path):
            return path
    return "story_eval"


def convert_inline(eval_dir, out_path):
    """BASIL article JSON -> one JSONL line per article, `story` = triplet-uuid."""
    files = sorted(glob.glob(os.path.join(eval_dir, "basil", "articles", "*", "*.json")))
    with open(out_path, "w", encoding="utf-8") as out:
        for path in files:
            with open(path, encoding="utf-8") as f:
                a = json.load(f)
            paragraphs = [" ".join(p) for p in a.get("body-paragraphs", [])]
            record = {
                "id": os.path.splitext(os.path.basename(path))[0],
                "source": a.get("source", "").lower(),
                "title": a.get("title", ""),
                "date_publish": a.get("date", ""),
                "url": a.get("url", ""),
                "maintext": "\n\n".join(paragraphs),
                "story": a.get("triplet-uuid", ""),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(files)


def convert(eval_dir, out_path):
    script = os.path.join(REPO, "scripts", "basil_to_jsonl.py")
    if os.path.exists(script):
        try:
            subprocess.run([sys.executable, script, "--out", out_path], check=True,
                           capture_output=True, text=True)
            if os.path.getsize(out_path) > 0:
                return sum(1 for _ in open(out_path, encoding="utf-8"))
        except (subprocess.CalledProcessError, OSError):
            pass  # its interface may differ: fall back to the inline conversion
    return convert_inline(eval_dir, out_path)


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
    ap.add_argument("--binary", default=default_binary())
    ap.add_argument("--eval-dir", default=DEFAULT_EVAL_DIR)
    ap.add_argument("--link", help="story link threshold (StoryOptions::link_threshold)")
    ap.add_argument("--sentence", help="sentence threshold (StoryOptions::sentence_threshold)")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.eval_dir, "basil")):
        sys.exit("BASIL not found under %s" % args.eval_dir)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "basil.jsonl")
        n = convert(args.eval_dir, jsonl)
        cmd = [args.binary, jsonl]
        if args.link:
            cmd += ["--link", args.link]
        if args.sentence:
            cmd += ["--sentence", args.sentence]
        env = dict(os.environ, PARALLAX_DATA_DIR=os.environ.get("PARALLAX_DATA_DIR", REPO))
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    gold, pred, seconds = [], [], None
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) == 3:
            gold.append(cols[1])
            pred.append(cols[2])
        elif line.startswith("seconds "):
            seconds = float(line.split()[1])
    errors = {}
    for g, p in zip(gold, pred):
        errors.setdefault(g, set()).add(p)
    split = sum(1 for v in errors.values() if len(v) > 1)
    print("articles %d (converted %d), gold stories %d, predicted stories %d"
          % (len(gold), n, len(set(gold)), len(set(pred))))
    print("gold stories split over several predicted stories: %d" % split)
    print("ARI %.4f" % ari(gold, pred))
    if seconds is not None:
        print("alignment seconds %.2f" % seconds)


if __name__ == "__main__":
    main()
