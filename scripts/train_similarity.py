#!/usr/bin/env python3
"""Learns the feature weights of rules/similarity.yaml on the train splits.

Runs `parallax similarity --features` on STS Benchmark train (gold score / 5 as a soft target)
and MSRP train (label 0/1), fits a logistic regression with soft targets (Newton's method, small
L2 penalty; standard library only), picks the paraphrase threshold that maximises MSRP train
accuracy, and rewrites the `model:` and `thresholds:` sections of rules/similarity.yaml (the
header and the wordnet/alignment sections are kept; the features depend on them, so retrain
after changing them). Dev/val splits are never read here: scripts/eval_similarity.py reports on
them.

Usage: scripts/train_similarity.py [--binary build/engine/cli/parallax] [--eval-dir ../shared/eval]
                                   [--msrp-weight 1.0] [--dry-run]
"""

import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import similarity_data as sd  # noqa: E402


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting (a is small and dense)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit_logistic(rows, targets, weights, l2=1e-3, iterations=30):
    """Logistic regression with soft targets; returns [bias, w1, ...]."""
    xs = [[1.0] + r for r in rows]
    d = len(xs[0])
    beta = [0.0] * d
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y, w in zip(xs, targets, weights):
            z = sum(b * v for b, v in zip(beta, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = w * (p - y)
            h = w * p * (1 - p)
            for i in range(d):
                grad[i] += g * x[i]
                hi = h * x[i]
                row = hess[i]
                for j in range(i, d):
                    row[j] += hi * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
            if i > 0:
                grad[i] += l2 * beta[i] * len(xs)
                hess[i][i] += l2 * len(xs)
        step = solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return beta


def predict(beta, rows):
    out = []
    for r in rows:
        z = beta[0] + sum(b * v for b, v in zip(beta[1:], r))
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=sd.default_binary())
    ap.add_argument("--eval-dir", default=sd.DEFAULT_EVAL_DIR)
    ap.add_argument("--data-dir", default=None, help="passed to parallax --data-dir")
    ap.add_argument("--rules", default=os.path.join(sd.REPO, "rules", "similarity.yaml"))
    ap.add_argument("--msrp-weight", type=float, default=1.0, help="weight of an MSRP pair relative to an STS pair")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--dry-run", action="store_true", help="print the weights, do not rewrite the rules")
    args = ap.parse_args()

    sts = sd.read_sts(os.path.join(args.eval_dir, "stsb", "sts-train.csv"))
    msrp = sd.read_msrp(os.path.join(args.eval_dir, "msrp", "msr-para-train.tsv"))
    names, sts_rows = sd.run_similarity(args.binary, [(a, b) for _, _, a, b in sts], True, args.data_dir)
    names2, msrp_rows = sd.run_similarity(args.binary, [(a, b) for _, a, b in msrp], True, args.data_dir)
    assert names == names2

    rows = sts_rows + msrp_rows
    targets = [s / 5.0 for _, s, _, _ in sts] + [float(y) for y, _, _ in msrp]
    weights = [1.0] * len(sts_rows) + [args.msrp_weight] * len(msrp_rows)
    beta = fit_logistic(rows, targets, weights, l2=args.l2)

    sts_pred = predict(beta, sts_rows)
    msrp_pred = predict(beta, msrp_rows)
    labels = [y for y, _, _ in msrp]
    threshold = sd.best_threshold(msrp_pred, labels)
    acc, f1 = sd.accuracy_f1(msrp_pred, labels, threshold)
    print("train: STS Pearson %.2f, MSRP acc %.2f F1 %.2f at threshold %.3f"
          % (100 * sd.pearson(sts_pred, [s for _, s, _, _ in sts]), 100 * acc, 100 * f1, threshold))
    for n, b in zip(["bias"] + names, beta):
        print("  %-14s %+.4f" % (n, b))
    if args.dry_run:
        return

    with open(args.rules, encoding="utf-8") as f:
        text = f.read()
    cut = text.find("\nmodel:")
    if cut < 0:
        sys.exit("train_similarity: no 'model:' section in %s" % args.rules)
    lines = [text[:cut + 1].rstrip("\n"),
             "model:  # written by scripts/train_similarity.py (STS-B train + MSRP train)",
             "  combine: logistic",
             "  bias: %.6f" % beta[0],
             "  weights:"]
    lines += ["    %s: %.6f" % (n, b) for n, b in zip(names, beta[1:])]
    lines += ["thresholds:",
              "  paraphrase: %.4f  # best accuracy on MSRP train" % threshold,
              "  claim: %.4f" % threshold,
              ""]
    with open(args.rules, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("wrote", args.rules)


if __name__ == "__main__":
    main()
