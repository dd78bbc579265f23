#!/usr/bin/env python3
"""Similarity quality of `parallax similarity` against a plain TF-IDF cosine baseline.

Protocol (../shared/eval/README.md): STS Benchmark dev Pearson and Spearman x100, overall and on
main-news; MSRP val accuracy and F1 with the threshold chosen on MSRP train. The baseline is
computed here in the same run: lower-cased \\w+ tokens, IDF from the pairs file being scored
(smooth idf = ln((1 + N) / (1 + df)) + 1, each sentence a document), cosine of TF-IDF vectors.

Usage: scripts/eval_similarity.py [--binary build/engine/cli/parallax] [--eval-dir ../shared/eval]
"""

import argparse
import collections
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import similarity_data as sd  # noqa: E402


def tfidf_cosine(pairs):
    """Baseline scores for [(s1, s2)], IDF from these pairs' sentences."""
    tok = [(re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())) for a, b in pairs]
    df = collections.Counter()
    for a, b in tok:
        df.update(set(a))
        df.update(set(b))
    n = 2 * len(pairs)
    idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}

    def vec(words):
        v = collections.Counter(words)
        return {w: c * idf[w] for w, c in v.items()}

    scores = []
    for a, b in tok:
        va, vb = vec(a), vec(b)
        dot = sum(x * vb.get(w, 0.0) for w, x in va.items())
        na = math.sqrt(sum(x * x for x in va.values()))
        nb = math.sqrt(sum(x * x for x in vb.values()))
        scores.append(dot / (na * nb) if na > 0 and nb > 0 else 0.0)
    return scores


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=sd.default_binary())
    ap.add_argument("--eval-dir", default=sd.DEFAULT_EVAL_DIR)
    ap.add_argument("--data-dir", default=None, help="passed to parallax --data-dir")
    args = ap.parse_args()

    sts_dev = os.path.join(args.eval_dir, "stsb", "sts-dev.csv")
    msrp_train = os.path.join(args.eval_dir, "msrp", "msr-para-train.tsv")
    msrp_val = os.path.join(args.eval_dir, "msrp", "msr-para-val.tsv")
    for p in (sts_dev, msrp_train, msrp_val):
        if not os.path.exists(p):
            sys.exit("eval_similarity: %s not found (evaluation data lives in ../shared/eval)" % p)

    sts = sd.read_sts(sts_dev)
    sts_pairs = [(a, b) for _, _, a, b in sts]
    gold = [s for _, s, _, _ in sts]
    news = [i for i, (g, _, _, _) in enumerate(sts) if g == "main-news"]
    systems = {
        "parallax": sd.run_similarity(args.binary, sts_pairs, data_dir=args.data_dir),
        "tfidf": tfidf_cosine(sts_pairs),
    }

    mtr = sd.read_msrp(msrp_train)
    mva = sd.read_msrp(msrp_val)
    msrp = {
        "parallax": (sd.run_similarity(args.binary, [(a, b) for _, a, b in mtr], data_dir=args.data_dir),
                     sd.run_similarity(args.binary, [(a, b) for _, a, b in mva], data_dir=args.data_dir)),
        "tfidf": (tfidf_cosine([(a, b) for _, a, b in mtr]), tfidf_cosine([(a, b) for _, a, b in mva])),
    }
    ytr = [y for y, _, _ in mtr]
    yva = [y for y, _, _ in mva]

    print("STS-B dev (%d pairs, %d main-news); MSRP val (%d pairs), threshold from train (%d pairs)"
          % (len(sts), len(news), len(mva), len(mtr)))
    print("%-10s %9s %9s %9s %9s %9s %9s %9s" % ("system", "P all", "S all", "P news", "S news", "MSRP acc",
                                                  "MSRP F1", "thresh"))
    for name, scores in systems.items():
        p_all = 100 * sd.pearson(scores, gold)
        s_all = 100 * sd.spearman(scores, gold)
        p_news = 100 * sd.pearson([scores[i] for i in news], [gold[i] for i in news])
        s_news = 100 * sd.spearman([scores[i] for i in news], [gold[i] for i in news])
        tr, va = msrp[name]
        t = sd.best_threshold(tr, ytr)
        acc, f1 = sd.accuracy_f1(va, yva, t)
        print("%-10s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.3f" % (name, p_all, s_all, p_news, s_news, 100 * acc,
                                                                  100 * f1, t))
    # Per-genre breakdown of the parallax scores, to see where it is weak.
    by_genre = collections.defaultdict(list)
    for i, (g, _, _, _) in enumerate(sts):
        by_genre[g].append(i)
    print("parallax Pearson by STS genre: " + ", ".join(
        "%s %.2f" % (g, 100 * sd.pearson([systems["parallax"][i] for i in ix], [gold[i] for i in ix]))
        for g, ix in sorted(by_genre.items())))


if __name__ == "__main__":
    main()
