"""Shared helpers for scripts/eval_similarity.py and scripts/train_similarity.py.

Reads the STS Benchmark and MSRP splits from ../shared/eval (never copied into the repo), runs
`parallax similarity` on them, and computes the statistics both scripts report. Standard library
only: the machines have no numpy.
"""

import math
import os
import subprocess
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EVAL_DIR = os.path.join(os.path.dirname(REPO), "shared", "eval")


def default_binary():
    """$PARALLAX_BIN, else the first build tree's parallax."""
    env = os.environ.get("PARALLAX_BIN")
    if env:
        return env
    for build in ("build", "build-release", "build-sim"):
        path = os.path.join(REPO, build, "engine", "cli", "parallax")
        if os.path.exists(path):
            return path
    return "parallax"


def _clean(sentence):
    # Tabs and newlines inside a sentence would break the pairs file.
    return " ".join(sentence.split())


def read_sts(path):
    """Returns [(genre, score 0..5, sentence1, sentence2)]. Extra columns after the 7th are ignored."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            rows.append((cols[0], float(cols[4]), _clean(cols[5]), _clean(cols[6])))
    return rows


def read_msrp(path):
    """Returns [(label 0/1, sentence1, sentence2)], skipping the header."""
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5:
                continue
            rows.append((int(cols[0]), _clean(cols[3]), _clean(cols[4])))
    return rows


def run_similarity(binary, pairs, features=False, data_dir=None):
    """Runs `parallax similarity` on [(s1, s2)]; returns scores, or (names, rows) with features."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        for a, b in pairs:
            f.write(a + "\t" + b + "\n")
        path = f.name
    try:
        cmd = [binary, "similarity", "--pairs", path]
        if features:
            cmd.append("--features")
        if data_dir:
            cmd += ["--data-dir", data_dir]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    lines = out.splitlines()
    if features:
        names = lines[0].split("\t")
        rows = [[float(x) for x in line.split("\t")] for line in lines[1:]]
        assert len(rows) == len(pairs), "one feature row per pair"
        return names, rows
    scores = [float(x) for x in lines]
    assert len(scores) == len(pairs), "one score per pair"
    return scores


def pearson(x, y):
    n = len(x)
    mx = sum(x) / n
    my = sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def _ranks(x):
    order = sorted(range(len(x)), key=lambda i: x[i])
    ranks = [0.0] * len(x)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and x[order[j + 1]] == x[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2.0
        i = j + 1
    return ranks


def spearman(x, y):
    return pearson(_ranks(x), _ranks(y))


def best_threshold(scores, labels):
    """The threshold (score >= t means 1) with the highest accuracy on these scores."""
    pairs = sorted(zip(scores, labels))
    positives = sum(labels)
    best_t, best_correct = pairs[0][0], positives  # everything >= lowest: all predicted 1
    below_neg = 0  # negatives below the cut: correct
    below_pos = 0  # positives below the cut: wrong
    for i, (s, label) in enumerate(pairs):
        if label:
            below_pos += 1
        else:
            below_neg += 1
        if i + 1 < len(pairs) and pairs[i + 1][0] == s:
            continue
        correct = below_neg + (positives - below_pos)
        if correct > best_correct:
            nxt = pairs[i + 1][0] if i + 1 < len(pairs) else s + 1e-6
            best_t, best_correct = (s + nxt) / 2.0, correct
    return best_t


def accuracy_f1(scores, labels, threshold):
    tp = fp = fn = tn = 0
    for s, label in zip(scores, labels):
        pred = 1 if s >= threshold else 0
        if pred and label:
            tp += 1
        elif pred:
            fp += 1
        elif label:
            fn += 1
        else:
            tn += 1
    acc = (tp + tn) / len(labels)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return acc, f1
