#!/usr/bin/env python3
"""Scores Parallax's HTML article extraction on the development half of the Zyte/ScrapingHub
article-extraction benchmark, beside the whole-page-text baseline.

The pages, their hand-checked article bodies and the scorer live in ../shared/eval/extraction_dev/
(see its README: 91 pages, the benchmark's own metric, published figures reproduced). This script
runs that scorer on the production binary, `parallax report PAGE --json`, with this tree's rules
(--data-dir), and prints precision, recall and F1 for the whole-page baseline and for Parallax.
--verbose lists every page worst first with its host and any error.

Usage:
  scripts/eval_extraction.py [--parallax build/engine/cli/parallax] [--dev DIR] [--verbose]
                             [--keep DIR] [--jobs N] [--data-dir DIR]

Exit status: the scorer's (0 when the figures were computed). The data is read in place and never
copied into the repository.
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DEV = os.path.join(REPO, "..", "shared", "eval", "extraction_dev")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parallax", default=os.path.join(REPO, "build", "engine", "cli", "parallax"),
                    help="the parallax binary (default: build/engine/cli/parallax)")
    ap.add_argument("--dev", default=DEFAULT_DEV,
                    help="the extraction_dev folder (default: ../shared/eval/extraction_dev)")
    ap.add_argument("--verbose", action="store_true", help="per-page figures, worst first")
    ap.add_argument("--keep", help="write the extracted texts in the benchmark's format here")
    ap.add_argument("--jobs", type=int, default=2, help="pages run at once (default 2)")
    ap.add_argument("--data-dir", default=REPO,
                    help="rules, lexicons and templates for parallax (default: this tree)")
    args = ap.parse_args()
    scorer = os.path.join(args.dev, "score.py")
    if not os.path.isfile(scorer):
        sys.exit("eval_extraction: %s not found (the evaluation data is not here)" % scorer)
    if not os.access(args.parallax, os.X_OK):
        sys.exit("eval_extraction: %s is not an executable; build it first" % args.parallax)
    cmd = [sys.executable, scorer, "--dir", args.dev, "--parallax", args.parallax, "--data-dir", args.data_dir,
           "--baseline", "--jobs", str(args.jobs)]
    if args.verbose:
        cmd.append("--verbose")
    if args.keep:
        cmd += ["--keep", args.keep]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
