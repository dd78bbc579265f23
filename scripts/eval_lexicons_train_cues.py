#!/usr/bin/env python3
"""Learns lexicons/attribution_cues.tsv, the attribution cue model, on the PolNeAR train split.

The model (engine/lexicon/cue_model.h) scores each token of a sentence: is it part of an
attribution cue? This script
  1. reads PolNeAR train sentences and their gold Cue spans the way scripts/eval_lexicons.py
     does (same sentence splitter, first annotator);
  2. picks the candidate words of the gate: words inside gold cues at least --min-count times
     and in a cue at least --min-rate of the times they occur;
  3. writes a weightless model with those candidates and runs the marker with --cue-features,
     so that features come from the C++ code that scores them at run time;
  4. trains an averaged perceptron on the articles of train whose md5 is not 0 mod 5, picks the
     number of epochs and the threshold that maximise cue token F1 on the rest of train (the
     extend threshold sits --extend-margin below it);
  5. retrains on all of train with those settings and writes the model (with --fit-only, writes
     the model of step 4, to score on the held-out fifth: eval_lexicons.py --split tune).
PolNeAR dev is never read here: scripts/eval_lexicons.py --split dev reports on it.

File format (one record a line, tab-separated; '#' lines are comments):
  threshold <x>                    a cue run needs a token scoring above x
  extend_threshold <x>             ... and takes in the neighbours scoring above x (<= threshold)
  candidate <word>                 a word of the gate
  weight <template> <a> <b> <x>    a feature weight; templates are named in cue_model.cc

Usage: scripts/eval_lexicons_train_cues.py [--marker build/tests/lexicon/mark_lines]
           [--lexicons lexicons] [--out lexicons/attribution_cues.tsv] [--epochs 8]
           [--extend-margin 0.15] [--min-weight 0.5] [--fit-only]
"""

import argparse
import collections
import glob
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_lexicons as E  # noqa: E402


def load_sentences(shared):
    """[(article key, sentence text, gold cue spans)] of PolNeAR train."""
    root = os.path.join(shared, "eval/polnear/train")
    anns = {}
    for p in sorted(glob.glob(os.path.join(root, "attributions", "*.ann"))):
        anns.setdefault(os.path.basename(p).rsplit("_", 1)[0], p)
    out = []
    for key, ann in sorted(anns.items()):
        tpath = os.path.join(root, "text", key + ".txt")
        if not os.path.exists(tpath):
            continue
        with open(tpath, encoding="utf-8") as f:
            article = f.read()
        spans, relations = E.read_brat(ann)
        cues = []
        for label, a in relations:
            if label in ("Attribution", "Attribution-no-source"):
                cue = spans.get(a.get("Cue", ""))
                if cue:
                    cues.append((cue[1], cue[2]))
        for s, e in E.split_sentences(article):
            gc = [(max(cs, s) - s, min(ce, e) - s) for cs, ce in cues if cs < e and s < ce]
            out.append((key, article[s:e].replace("\n", " ").replace("\r", " "), gc))
    return out


def norm(word):
    return word.lower().replace("\u2019", "'").replace("\u2018", "'")


def candidates(sentences, min_count, min_rate):
    pos, tot = collections.Counter(), collections.Counter()
    for _, text, gold in sentences:
        for m in E.TOKEN_RE.finditer(text):
            w = norm(m.group(0))
            tot[w] += 1
            if any(m.start() < e and s < m.end() for s, e in gold):
                pos[w] += 1
    return sorted(w for w, c in pos.items() if c >= min_count and c / tot[w] >= min_rate)


def dump_features(marker, lexicons, model_path, sentences):
    """Per sentence: [(char start, char end, features or None)] from the C++ marker."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        for _, text, _ in sentences:
            f.write(text + "\n")
        path = f.name
    try:
        out = subprocess.run([marker, "--lexicons", lexicons, "--cue-model", model_path,
                              "--cue-features", path], capture_output=True, check=True)
    finally:
        os.unlink(path)
    lines = out.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(sentences), (len(lines), len(sentences))
    result = []
    for (_, text, _), line in zip(sentences, lines):
        j = json.loads(line)
        b2c, pos = {}, 0
        for i, ch in enumerate(text):
            b2c[pos] = i
            pos += len(ch.encode("utf-8"))
        b2c[pos] = len(text)
        feats = j["features"]
        result.append([(b2c.get(s, 0), b2c.get(e, len(text)), feats.get(str(i)))
                       for i, (s, e) in enumerate(j["tokens"])])
    return result


class Data:
    """Gated tokens as lists of feature ids, with labels; plus the gold tokens left outside."""

    def __init__(self, sentences, dumped, vocab, grow):
        self.x, self.y, self.missed = [], [], 0
        for (_, text, gold), toks in zip(sentences, dumped):
            for s, e, feats in toks:
                label = any(s < ge and gs < e for gs, ge in gold)
                if feats is None:
                    self.missed += label
                    continue
                ids = []
                for f in feats:
                    i = vocab.get(f)
                    if i is None and grow:
                        i = vocab[f] = len(vocab)
                    if i is not None:
                        ids.append(i)
                self.x.append(ids)
                self.y.append(label)


def train(data, nfeat, epochs, seed=1):
    """Averaged perceptron; returns the averaged weights after each epoch."""
    w = [0.0] * nfeat
    u = [0.0] * nfeat  # sum of c * update, for averaging
    c = 1
    order = list(range(len(data.y)))
    rng = random.Random(seed)
    snapshots = []
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            ids = data.x[k]
            score = 0.0
            for i in ids:
                score += w[i]
            y = 1.0 if data.y[k] else -1.0
            if score * y <= 0:
                for i in ids:
                    w[i] += y
                    u[i] += c * y
            c += 1
        snapshots.append([wi - ui / c for wi, ui in zip(w, u)])
    return snapshots


def best_threshold(data, weights):
    """(token F1, threshold) maximising token F1, counting gold tokens outside the gate."""
    scored = sorted(((sum(weights[i] for i in ids), y) for ids, y in zip(data.x, data.y)),
                    reverse=True)
    total_pos = sum(data.y) + data.missed
    tp = fp = 0
    best = (0.0, 0.0)
    for k, (s, y) in enumerate(scored):
        tp += y
        fp += not y
        if k + 1 < len(scored) and scored[k + 1][0] == s:
            continue
        f = 2 * tp / (2 * tp + fp + (total_pos - tp))
        nxt = scored[k + 1][0] if k + 1 < len(scored) else s - 1
        if f > best[0]:
            best = (f, (s + nxt) / 2)
    return best


def write_model(path, threshold, extend_threshold, cands, vocab, weights, header, min_weight):
    names = {i: f for f, i in vocab.items()}
    rows = sorted((names[i], w) for i, w in enumerate(weights) if abs(w) >= min_weight)
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write("# " + line + "\n")
        f.write("threshold\t%.4f\n" % threshold)
        f.write("extend_threshold\t%.4f\n" % extend_threshold)
        for c in cands:
            f.write("candidate\t%s\n" % c)
        for name, w in rows:
            f.write("weight\t%s\t%.3f\n" % (name, w))
    return len(rows)


def main():
    repo = E.REPO
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--marker", default=os.path.join(repo, "build", "tests", "lexicon", "mark_lines"))
    ap.add_argument("--lexicons", default=os.path.join(repo, "lexicons"))
    ap.add_argument("--out", default=os.path.join(repo, "lexicons/attribution_cues.tsv"))
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-rate", type=float, default=0.1)
    ap.add_argument("--min-feature-count", type=int, default=2)
    # Chosen on the held-out fifth (eval_lexicons.py --split tune with a --fit-only model):
    # extending runs down to 2.15 below the threshold gave the best cue token F1 there; 0.15
    # (for attribution precision on real news) trades recall for cue token precision, with the marker's confirmation of
    # cue-model runs: P 0.665 -> 0.693, R 0.529 -> 0.503 there.
    ap.add_argument("--extend-margin", type=float, default=0.15,
                    help="a cue run extends over neighbours scoring above threshold - this")
    # Weights below this in magnitude are left out: at 0.5 cue token F1 on the held-out fifth
    # did not change and the table the marker probes for every feature shrinks by a quarter,
    # which matters for marking speed (the lookups are cache misses).
    ap.add_argument("--min-weight", type=float, default=0.5)
    ap.add_argument("--fit-only", action="store_true",
                    help="write the model trained on the fit four fifths only, to measure it on "
                         "the held-out fifth with eval_lexicons.py --split tune")
    args = ap.parse_args()

    sentences = load_sentences(args.shared)
    cands = candidates(sentences, args.min_count, args.min_rate)
    print("train sentences %d, candidate words %d" % (len(sentences), len(cands)), file=sys.stderr)
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        f.write("threshold\t0\n")
        for c in cands:
            f.write("candidate\t%s\n" % c)
        boot = f.name
    try:
        dumped = dump_features(args.marker, args.lexicons, boot, sentences)
    finally:
        os.unlink(boot)

    # Features seen fewer than --min-feature-count times are dropped (they cannot generalise
    # and would bloat the file).
    counts = collections.Counter(f for toks in dumped for _, _, fs in toks if fs for f in fs)
    vocab = {}
    for f, c in counts.items():
        if c >= args.min_feature_count:
            vocab[f] = len(vocab)

    in_tune = [int(hashlib.md5(k.encode()).hexdigest(), 16) % 5 == 0 for k, _, _ in sentences]
    fit = Data([s for s, t in zip(sentences, in_tune) if not t],
               [d for d, t in zip(dumped, in_tune) if not t], vocab, False)
    tune = Data([s for s, t in zip(sentences, in_tune) if t],
                [d for d, t in zip(dumped, in_tune) if t], vocab, False)
    print("features %d, fit tokens %d (%d positive, %d outside the gate), tune tokens %d"
          % (len(vocab), len(fit.y), sum(fit.y), fit.missed, len(tune.y)), file=sys.stderr)
    best = (0.0, 0.0, 0)
    for epoch, weights in enumerate(train(fit, len(vocab), args.epochs), 1):
        f, th = best_threshold(tune, weights)
        print("epoch %d: tune cue token F1 %.3f at threshold %.3f" % (epoch, f, th), file=sys.stderr)
        if f > best[0]:
            best = (f, th, epoch)
    f, th, epochs = best
    if args.fit_only:
        weights = train(fit, len(vocab), epochs)[-1]
    else:
        everything = Data(sentences, dumped, vocab, False)
        weights = train(everything, len(vocab), epochs)[-1]
    # The threshold was chosen for a model trained on 80% of the data; the full model's scores
    # are on the same scale (averaged perceptron weights do not grow with the data).
    n = write_model(args.out, th, th - args.extend_margin, cands, vocab, weights, [
        "Attribution cue model for engine/lexicon/cue_model.h: an averaged perceptron over token",
        "features. Written by scripts/eval_lexicons_train_cues.py on the PolNeAR train split",
        "(%d sentences; %d epochs and the threshold chosen on a held-out fifth of train, where" % (len(sentences), epochs),
        "cue token F1 was %.3f). Do not edit by hand: retrain after changing the attribution" % f,
        "lexicon or the features. Format: see the script's docstring and lexicons/README.md.",
    ], args.min_weight)
    print("wrote %s: %d weights, %d candidates, threshold %.3f" % (args.out, n, len(cands), th),
          file=sys.stderr)


if __name__ == "__main__":
    main()
