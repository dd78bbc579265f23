#!/usr/bin/env python3
"""Checks that HTML pages in legacy charsets are extracted as well as the same pages in UTF-8.

Every page of ../shared/eval/extraction_dev/ is UTF-8 (its crawler re-encoded them). This script takes
each page whose whole text fits a legacy charset and holds non-ASCII letters (German, Portuguese pages in
windows-1252; Russian in windows-1251; Japanese in Shift_JIS; Korean in EUC-KR), re-encodes it in that
charset with the declaration rewritten (`<meta charset>` by default; `--declare content-type` or `xml`
for the other two ways), plus one copy as UTF-16LE with a byte-order mark, runs `parallax report` on
each and scores it with the benchmark's metric (the dev scorer's own functions) beside the UTF-8 page.
A charset read right gives the same F1 as UTF-8; a page read as UTF-8 with '?' replacements loses
every word with a non-ASCII letter.

Usage:
  scripts/eval_extraction_charsets.py [--parallax build/engine/cli/parallax] [--dev DIR]
                                      [--data-dir DIR] [--declare meta|content-type|xml]

Exit status: 0 when the figures were computed, 1 when parallax fails on a page. The data is read in
place and never copied into the repository (the re-encoded pages live in a temporary folder).
"""

import argparse
import gzip
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DEV = os.path.join(REPO, "..", "shared", "eval", "extraction_dev")
LEGACY = ["windows-1252", "windows-1251", "shift_jis", "euc-kr"]
DECLARATION = re.compile(rb"""<meta[^>]*charset[^>]*>""", re.I)


def load_scorer(dev):
    spec = importlib.util.spec_from_file_location("score", os.path.join(dev, "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def declare(page, charset, how):
    """The page (str) with its charset declaration replaced by one for `charset`."""
    page = re.sub(r"""<meta[^>]*charset[^>]*>""", "", page, flags=re.I)
    if how == "xml":
        return '<?xml version="1.0" encoding="%s"?>\n' % charset + page
    tag = ('<meta charset="%s">' % charset if how == "meta" else
           '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset)
    m = re.search(r"<head[^>]*>", page, re.I)
    at = m.end() if m else 0
    return page[:at] + tag + page[at:]


def extract(args, tmp, name, data):
    path = os.path.join(tmp, name + ".html")
    with open(path, "wb") as f:
        f.write(data)
    out = os.path.join(tmp, name + ".json")
    cmd = [args.parallax, "report", path, "-o", os.path.join(tmp, name + ".r.html"), "--json", out,
           "--threads", "1", "--data-dir", args.data_dir]
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode != 0:
        sys.exit("parallax failed on %s: %s" % (name, p.stderr.decode("utf-8", "replace")[-300:]))
    with open(out, encoding="utf-8") as f:
        art = json.load(f)["articles"][0]
    return art.get("text") or "", [w for w in art.get("warnings") or [] if "read as" in w or "charset" in w]


def f1(score, truth, text):
    tp, fp, fn = score.page_counts(truth, text)
    p, r = score.page_p(tp, fp, fn), score.page_r(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parallax", default=os.path.join(REPO, "build", "engine", "cli", "parallax"))
    ap.add_argument("--dev", default=DEFAULT_DEV)
    ap.add_argument("--data-dir", default=REPO)
    ap.add_argument("--declare", choices=["meta", "content-type", "xml"], default="meta")
    args = ap.parse_args()
    score = load_scorer(args.dev)
    with open(os.path.join(args.dev, "ground-truth.json"), encoding="utf-8") as f:
        gt = json.load(f)
    print("%-16s %-13s %6s %6s %7s  %s" % ("page", "charset", "utf-8", "legacy", "utf-16", "warning"))
    rows = []
    with tempfile.TemporaryDirectory(prefix="charsets-") as tmp:
        for pid in sorted(gt):
            truth = gt[pid]["articleBody"]
            if all(ord(c) < 128 for c in truth):
                continue
            with gzip.open(os.path.join(args.dev, "html", pid + ".html.gz"), "rb") as f:
                page = f.read().decode("utf-8")
            charset = None
            for c in LEGACY:
                try:
                    truth.encode(c)
                    page.encode(c, "xmlcharrefreplace")
                    charset = c
                    break
                except UnicodeEncodeError:
                    continue
            if charset is None:
                continue
            non_ascii = sum(1 for c in truth if ord(c) >= 128)
            if non_ascii < 20:  # a few curly quotes: not a test of the charset
                continue
            base, _ = extract(args, tmp, pid[:16] + "-utf8", page.encode("utf-8"))
            legacy_page = declare(page, charset, args.declare).encode(charset, "xmlcharrefreplace")
            legacy, warnings = extract(args, tmp, pid[:16] + "-" + charset, legacy_page)
            utf16_page = b"\xff\xfe" + declare(page, "utf-16", args.declare).encode("utf-16-le")
            utf16, _ = extract(args, tmp, pid[:16] + "-utf16", utf16_page)
            row = (f1(score, truth, base), f1(score, truth, legacy), f1(score, truth, utf16))
            rows.append(row)
            print("%-16s %-13s %6.3f %6.3f %7.3f  %s" % ((pid[:16], charset) + row + (
                (warnings[0].split(": ", 1)[-1] if warnings else "")[:70],)))
    if rows:
        print("summary pages %d mean_f1 utf8 %.4f legacy %.4f utf16 %.4f declared_by %s" % (
            (len(rows),) + tuple(sum(r[i] for r in rows) / len(rows) for i in range(3)) + (args.declare,)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
