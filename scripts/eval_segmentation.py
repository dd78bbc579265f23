#!/usr/bin/env python3
"""Scores Parallax's sentence segmentation against BASIL's gold sentence splits.

For each BASIL article (../shared/eval/basil/articles/*/*.json), each paragraph's gold sentences
(`body-paragraphs`) are joined with single spaces (empty gold sentences are dropped) and written
as one line of a .txt file; `parallax mark FILE --format jsonl` splits it. A boundary is the
byte offset where a sentence starts inside a paragraph (a paragraph's first sentence start is
given, not found). Precision, recall and F1 are summed over all articles, and reported twice:
over all boundaries, and over those outside closed quotations, where BASIL's annotators left
about a quarter of the boundaries unsplit without a pattern a rule could follow.

With --errors, each false split and missed boundary is printed with tags: where it is (inside
or outside a closed quotation), its surface class (see error_class), and "bias span" when a
BASIL phrase annotation runs across a false split (the annotators then kept the two sentences
as one); a table of the classes follows. --errors also prints how consistent BASIL is with
itself: of the places where a word of two or more lower-case letters ends in "." before a
capitalised word (a sentence end by any rule), how many BASIL leaves unsplit.

Usage:
  scripts/eval_segmentation.py [--parallax build/engine/cli/parallax] [--basil DIR] [--errors]

Exit status: 0 when the figures were computed, 1 on a failure to run Parallax, 2 on bad usage.
The data is read in place and never copied into the repository.
"""

import argparse
import glob
import json
import os
import re
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


ELLIPSES = ("...", "\u2026", ". . .")
CLOSERS = "\u201d\u2019\"')]\u00bb"
OPENERS = "\u201c\u2018\"'([\u00ab"


def load_abbreviations(path=os.path.join(REPO, "rules", "segmentation.yaml")):
    """The abbreviations listed in rules/segmentation.yaml (words ending in '.', comments cut)."""
    words = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                words.update(re.findall(r"[A-Za-z][A-Za-z.'-]*\.", line.split("#")[0]))
    return words


ABBREVIATIONS = load_abbreviations()


def error_class(left, right):
    """Surface class of a boundary between the text `left` and `right` of one paragraph."""
    before = left.rstrip()
    core = before.rstrip(CLOSERS)
    after = right.lstrip()
    if core.endswith(ELLIPSES) or after.startswith(ELLIPSES):
        return "ellipsis"
    if core.endswith(("?", "!")):
        return "after ? or !"
    if core.endswith(":"):
        return "after colon"
    if not core.endswith("."):
        return "other"
    word = core.split()[-1].lstrip(OPENERS) if core.split() else ""
    if re.fullmatch(r"([A-Za-z]\.)+", word) or word in ABBREVIATIONS:
        return "after abbreviation or initial"
    if after[:1] in OPENERS or core != before:
        return "period at a quotation's edge"
    return "period, then capital" if after[:1].isupper() else "period, then other"


def bias_spans(annotations_dir, article_path):
    """BASIL phrase annotations of an article: {flattened sentence index: [(start, end)]}."""
    name = os.path.basename(article_path)[:-5] + "_ann.json"
    year = os.path.basename(os.path.dirname(article_path))
    path = os.path.join(annotations_dir, year, name)
    spans = {}
    if not os.path.exists(path):
        return spans
    with open(path, encoding="utf-8") as f:
        for a in json.load(f).get("phrase-level-annotations", []):
            ident = str(a.get("id", ""))
            if ident[:1] == "p" and ident[1:].isdigit():
                spans.setdefault(int(ident[1:]), []).append((a["start"], a["end"]))
    return spans


def self_consistency(files):
    """(split, unsplit) counts of '<word of 2+ lower-case letters>. <Capital>' in BASIL's text."""
    pattern = re.compile(r"\b[a-z]{2,}\.[" + re.escape(CLOSERS) + r"]*\s+(?=[" +
                         re.escape(OPENERS) + r"]*[A-Z])")
    split = unsplit = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        for para in article["body-paragraphs"]:
            sentences = [s.strip() for s in para if s.strip()]
            line, starts = "", set()
            for i, s in enumerate(sentences):
                if i:
                    line += " "
                    starts.add(len(line))
                line += s
            for m in pattern.finditer(line):
                if m.end() in starts:
                    split += 1
                else:
                    unsplit += 1
    return split, unsplit


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

    annotations = os.path.join(os.path.dirname(os.path.abspath(args.basil)), "annotations")
    classes = {}  # (kind, where, class) -> count
    totals = {"all": [0, 0, 0], "outside quotes": [0, 0, 0]}  # gold, found, correct
    with tempfile.TemporaryDirectory(prefix="parallax_eval_seg_") as tmp:
        for path in files:
            with open(path, encoding="utf-8") as f:
                article = json.load(f)
            lines = []
            gold_starts = set()  # byte offsets into the file
            line_starts = set()
            quotes = []
            sentence_at = []  # (byte start, byte end, flattened index, leading white space)
            offset = 0
            flat = -1
            for para in article["body-paragraphs"]:
                sentences = []
                for s in para:
                    flat += 1
                    if s.strip():
                        sentences.append((s.strip(), flat, len(s) - len(s.lstrip())))
                if not sentences:
                    continue
                line = ""
                for i, (s, index, lead) in enumerate(sentences):
                    if i:
                        line += " "
                        gold_starts.add(offset + len(line.encode("utf-8")))
                    begin = offset + len(line.encode("utf-8"))
                    line += s
                    sentence_at.append((begin, offset + len(line.encode("utf-8")), index, lead))
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
                spans = bias_spans(annotations, path)

                def crossed(pos):
                    for begin, end, index, lead in sentence_at:
                        if begin < pos < end:
                            at = len(data[begin:pos].decode("utf-8", "replace")) + lead
                            return any(a < at < b for a, b in spans.get(index, []))
                    return False

                for kind, positions in (("FALSE SPLIT", found - gold_starts),
                                        ("MISSED", gold_starts - found)):
                    for pos in sorted(positions):
                        line_start = data.rfind(b"\n", 0, pos) + 1
                        line_end = data.find(b"\n", pos)
                        left = data[line_start:pos].decode("utf-8", "replace")
                        right = data[pos:line_end].decode("utf-8", "replace")
                        where = "in quote" if quoted(pos) else "outside"
                        cls = error_class(left, right)
                        classes[(kind, where, cls)] = classes.get((kind, where, cls), 0) + 1
                        tags = [where, cls] + (["bias span"] if kind == "FALSE SPLIT" and crossed(pos) else [])
                        print(f"{kind:11s} {os.path.basename(path)} [{', '.join(tags)}]: {context(data, pos)}")

    print(f"BASIL sentence boundaries, {len(files)} articles, {args.parallax}")
    for name, (gold, found, correct) in totals.items():
        p, r, f = prf(gold, found, correct)
        print(f"  {name:15s} gold {gold:5d}  found {found:5d}  correct {correct:5d}  "
              f"P {p:.4f}  R {r:.4f}  F1 {f:.4f}")
    if args.errors:
        print("Errors by class:")
        for (kind, where, cls), n in sorted(classes.items(), key=lambda kv: (kv[0][0], -kv[1])):
            print(f"  {n:4d}  {kind:11s} {where:8s}  {cls}")
        split, unsplit = self_consistency(files)
        print(f"BASIL itself: of {split + unsplit} places where a lower-case word ends in '.' before a "
              f"capital, {unsplit} are not split ({unsplit / max(1, split + unsplit):.1%})")
    return 0


def context(data, pos):
    before = data[max(0, pos - 60):pos].decode("utf-8", "replace")
    after = data[pos:pos + 60].decode("utf-8", "replace")
    return (before + " || " + after).replace("\n", " ")


if __name__ == "__main__":
    sys.exit(main())
