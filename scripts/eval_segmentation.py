#!/usr/bin/env python3
"""Scores Parallax's sentence segmentation against BASIL's gold sentence splits.

For each BASIL article (../shared/eval/basil/articles/*/*.json), each paragraph's gold sentences
(`body-paragraphs`) are joined with single spaces (empty gold sentences are dropped) and written
as one line of a .txt file; `parallax mark FILE --format jsonl` splits it. A boundary is the
byte offset where a sentence starts inside a paragraph (a paragraph's first sentence start is
given, not found). Precision, recall and F1 are summed over all articles, and reported twice:
over all boundaries, and over those outside closed quotations, where BASIL's annotators left
about a quarter of the boundaries unsplit without a pattern a rule could follow.

Usage:
  scripts/eval_segmentation.py [--parallax build/engine/cli/parallax] [--basil DIR] [--errors]

Exit status: 0 when the figures were computed, 1 on a failure to run Parallax, 2 on bad usage.
The data is read in place and never copied into the repository.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def closed_quotes(line):
    """Closed quotation spans (byte offsets) of a UTF-8 line: “…” and straight "…" pairs.

    A simpler twin of engine/segment/quotes.h, enough to separate the two figures.
    """
    data = line.encode("utf-8")
    spans, open_at, straight = [], None, False
    i = 0
    while i < len(data):
        if data.startswith("\u201c".encode(), i):
            open_at, straight = i, False
            i += 3
            continue
        if data.startswith("\u201d".encode(), i):
            if open_at is not None and not straight:
                spans.append((open_at, i + 3))
                open_at = None
            i += 3
            continue
        if data[i:i + 1] == b'"':
            if open_at is not None and straight:
                spans.append((open_at, i + 1))
                open_at = None
            elif open_at is None and i + 1 < len(data) and data[i + 1:i + 2] not in (b" ", b"\t"):
                open_at, straight = i, True
        i += 1
    return spans


def prf(gold, found, correct):
    p = correct / found if found else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parallax", default=os.path.join(REPO, "build", "engine", "cli", "parallax"),
                        help="the parallax binary (default: build/engine/cli/parallax)")
    parser.add_argument("--basil", default=os.path.join(REPO, "..", "shared", "eval", "basil", "articles"),
                        help="BASIL's articles directory")
    parser.add_argument("--errors", action="store_true", help="print each false and missed boundary")
    args = parser.parse_args()

    files = sorted(glob.glob(os.path.join(args.basil, "*", "*.json")))
    if not files:
        print(f"no BASIL articles under {args.basil}", file=sys.stderr)
        return 2
    if not os.access(args.parallax, os.X_OK):
        print(f"parallax binary not found or not executable: {args.parallax}", file=sys.stderr)
        return 2

    totals = {"all": [0, 0, 0], "outside quotes": [0, 0, 0]}  # gold, found, correct
    with tempfile.TemporaryDirectory(prefix="parallax_eval_seg_") as tmp:
        for path in files:
            with open(path, encoding="utf-8") as f:
                article = json.load(f)
            lines = []
            gold_starts = set()  # byte offsets into the file
            line_starts = set()
            quotes = []
            offset = 0
            for para in article["body-paragraphs"]:
                sentences = [s.strip() for s in para if s.strip()]
                if not sentences:
                    continue
                line = ""
                for i, s in enumerate(sentences):
                    if i:
                        line += " "
                        gold_starts.add(offset + len(line.encode("utf-8")))
                    line += s
                line_starts.add(offset)
                quotes.extend((offset + a, offset + b) for a, b in closed_quotes(line))
                lines.append(line)
                offset += len(line.encode("utf-8")) + 1
            text = "\n".join(lines) + "\n"
            txt = os.path.join(tmp, os.path.basename(path)[:-5] + ".txt")
            with open(txt, "w", encoding="utf-8") as f:
                f.write(text)
            run = subprocess.run([args.parallax, "mark", txt, "--format", "jsonl"],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"parallax failed on {path} (exit {run.returncode}):\n{run.stderr}", file=sys.stderr)
                return 1
            found = set()
            for out_line in run.stdout.splitlines():
                if out_line.strip():
                    start = json.loads(out_line)["start"]
                    if start not in line_starts:
                        found.add(start)

            def quoted(pos):
                return any(a < pos < b for a, b in quotes)

            data = text.encode("utf-8")
            for name, keep in (("all", lambda pos: True), ("outside quotes", lambda pos: not quoted(pos))):
                g = {p for p in gold_starts if keep(p)}
                fd = {p for p in found if keep(p)}
                totals[name][0] += len(g)
                totals[name][1] += len(fd)
                totals[name][2] += len(g & fd)
            if args.errors:
                for pos in sorted(found - gold_starts):
                    print(f"FALSE SPLIT {os.path.basename(path)}: {context(data, pos)}")
                for pos in sorted(gold_starts - found):
                    print(f"MISSED      {os.path.basename(path)}: {context(data, pos)}")

    print(f"BASIL sentence boundaries, {len(files)} articles, {args.parallax}")
    for name, (gold, found, correct) in totals.items():
        p, r, f = prf(gold, found, correct)
        print(f"  {name:15s} gold {gold:5d}  found {found:5d}  correct {correct:5d}  "
              f"P {p:.4f}  R {r:.4f}  F1 {f:.4f}")
    return 0


def context(data, pos):
    before = data[max(0, pos - 60):pos].decode("utf-8", "replace")
    after = data[pos:pos + 60].decode("utf-8", "replace")
    return (before + " || " + after).replace("\n", " ")


if __name__ == "__main__":
    sys.exit(main())
