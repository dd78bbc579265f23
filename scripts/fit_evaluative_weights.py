#!/usr/bin/env python3
"""Cross-validates per-entry evaluative weights fitted on the BABE and BASIL train splits.

The evaluative lexicon gives each entry a hand-set weight (1, or 0.5 for the weak groups) and a
sentence keeps its evaluative marks iff their weights sum to at least 1
(engine/lexicon/evaluative_threshold.h). This script asks whether weights learned from data do
better, honestly, using train splits only (the same md5 split as scripts/eval_lexicons.py):

  1. marks every train sentence once with all evaluative weights set to 1 (a copy of the data
     dir in a temporary folder), so that no mark is dropped, and keeps each mark's entry, voice
     and whether it overlaps gold (BASIL lex spans, BABE biased_words);
  2. replays the sentence threshold in Python (each entry counted once, quoted marks times
     quoted_factor), which reproduces `parallax mark` exactly for the hand-set weights;
  3. fits, per fold of a 5-fold split inside train (salted md5 of the BASIL triplet-uuid or the
     BABE text), each entry's smoothed mark precision: BASIL hits plus lambda * BABE hits (BABE
     rescaled to BASIL's base rate), shrunk by m pseudo-counts toward the precision of its
     weight class; weight = precision / tau. It scores the held-out fold and reports the best
     grid point next to the hand-set weights;
  4. prints a "discovery-corrected" figure: the hand-set lexicon scored on BASIL train with, for
     each entry, its first mark inside a lex span removed. Earlier sessions added entries after
     reading BASIL train spans, so plain train figures overstate what an entry does on unseen
     text; this pessimistic figure shows how much of the train score rests on single hits.

Nothing is written: the script only measures (it was written when the evaluative lexicon was weighted; the finding on
2026-11-25 was that no fitted variant beat the hand-set weights in cross-validation, so the
lexicon was left unchanged). It reads the evaluation data from ../shared/eval at run time.

Usage:
  scripts/fit_evaluative_weights.py --parallax build/engine/cli/parallax [--data-dir .]
                                    [--shared ../shared] [--quick]
"""

import argparse
import collections
import copy
import hashlib
import itertools
import os
import re
import shutil
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_lexicons as ev  # noqa: E402  (the split, the marker runner and the data readers)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------- data


def hand_weights(lexicon_dir):
    """Entry pattern -> weight as written in the evaluative lexicon files."""
    weights = {}
    for path in sorted(os.listdir(lexicon_dir)):
        if not path.endswith(".yaml"):
            continue
        with open(os.path.join(lexicon_dir, path), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if not isinstance(doc, dict) or doc.get("category") != "evaluative":
            continue
        base = (doc.get("defaults") or {}).get("weight", 1.0)
        groups = [{"entries": doc.get("entries") or []}] + list(doc.get("groups") or [])
        for g in groups:
            gw = g.get("weight", base)
            for e in g.get("entries") or []:
                if isinstance(e, dict):
                    weights[e["pattern"]] = e.get("weight", gw)
                else:
                    weights[e] = gw
    return weights


def unweighted_copy(data_dir, tmp):
    """Copies lexicons/, rules/, reports/ into tmp with every evaluative weight line removed."""
    for sub in ("lexicons", "rules", "reports"):
        src = os.path.join(data_dir, sub)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(tmp, sub))
    lex = os.path.join(tmp, "lexicons")
    for name in os.listdir(lex):
        path = os.path.join(lex, name)
        if not name.endswith(".yaml"):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not re.search(r"(?m)^category:\s*evaluative\s*$", text):
            continue
        text = re.sub(r"(?m)^\s+weight:\s*[0-9.]+\s*\n", "", text)
        text = re.sub(r",\s*weight:\s*[0-9.]+", "", text)  # flow-style entries
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def babe_train(shared):
    return [{"text": t, "gold": biased, "spans": spans, "key": t}
            for t, biased, spans in ev.babe_sentences(shared, "train")]


def basil_train(shared):
    return [{"text": s, "gold": bool(spans), "spans": spans, "key": uuid}
            for uuid, s, spans in ev.basil_sentences(shared, "train")]


def attach_marks(items, cmd):
    for item, marks in zip(items, ev.run_marker(cmd, [i["text"] for i in items])):
        item["marks"] = [m for m in marks if m["category"] == "evaluative"]
        for m in item["marks"]:
            m["hit"] = any(m["start"] < b and a < m["end"] for a, b in item["spans"])


# ---------------------------------------------------------------- the threshold, replayed


def sentence_weight(item, weights, quoted_factor):
    best = {}
    for m in item["marks"]:
        w = weights.get(m["entry"], 1.0) * (quoted_factor if m["voice"] == "quoted" else 1.0)
        best[m["entry"]] = max(best.get(m["entry"], 0.0), w)
    return sum(best.values())


def predict(items, weights, quoted_factor=1.0):
    return [sentence_weight(i, weights, quoted_factor) + 1e-9 >= 1.0 for i in items]


def macro_f1(gold, pred):
    return ev.macro_f1(gold, pred)


def prf(gold, pred):
    return ev.sentence_scores(gold, pred)


def fold_of(key, k=5):
    # Salted: every train key already has md5(key) % 5 != 0.
    return int(hashlib.md5(("cv:" + key).encode("utf-8")).hexdigest(), 16) % k


# ---------------------------------------------------------------- fitting


def mark_counts(items):
    c = collections.defaultdict(lambda: [0, 0])  # hits, marks
    for i in items:
        for m in i["marks"]:
            c[m["entry"]][0] += m["hit"]
            c[m["entry"]][1] += 1
    return c


def fit(basil, babe, hand, m, lam, tau):
    cb, cc = mark_counts(basil), mark_counts(babe)
    rate_b = sum(v[0] for v in cb.values()) / max(1, sum(v[1] for v in cb.values()))
    rate_c = sum(v[0] for v in cc.values()) / max(1, sum(v[1] for v in cc.values()))
    scale = rate_b / rate_c if rate_c else 0.0
    prior = {}
    for cls in set(hand.values()):
        ents = [e for e in hand if hand[e] == cls]
        prior[cls] = (sum(cb[e][0] for e in ents if e in cb) + 1) / (
            sum(cb[e][1] for e in ents if e in cb) + 2)
    weights = {}
    for e, cls in hand.items():
        a, n = cb[e] if e in cb else (0, 0)
        ac, nc = cc[e] if e in cc else (0, 0)
        p = (a + lam * ac * scale + m * prior[cls]) / (n + lam * nc + m)
        weights[e] = min(10.0, max(1e-3, p / tau))
    return weights


def cross_validate(data, hand, m, lam, tau, quoted_factor):
    gold = {n: [] for n in data}
    pred = {n: [] for n in data}
    for k in range(5):
        train = {n: [i for i in data[n] if fold_of(i["key"]) != k] for n in data}
        test = {n: [i for i in data[n] if fold_of(i["key"]) == k] for n in data}
        w = fit(train["basil"], train["babe"], hand, m, lam, tau)
        for n in data:
            gold[n] += [i["gold"] for i in test[n]]
            pred[n] += predict(test[n], w, quoted_factor)
    return prf(gold["basil"], pred["basil"]), macro_f1(gold["babe"], pred["babe"])


def discovery_corrected(items):
    items = copy.deepcopy(items)
    seen = set()
    for i in items:
        keep = []
        for m in i["marks"]:
            if m["hit"] and m["entry"] not in seen:
                seen.add(m["entry"])
                continue
            keep.append(m)
        i["marks"] = keep
    return items


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parallax", default=os.path.join(REPO, "build/engine/cli/parallax"))
    ap.add_argument("--data-dir", default=REPO, help="folder holding lexicons/, rules/, reports/")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--quick", action="store_true", help="a smaller grid")
    args = ap.parse_args()

    hand = hand_weights(os.path.join(args.data_dir, "lexicons"))
    data = {"babe": babe_train(args.shared), "basil": basil_train(args.shared)}
    with tempfile.TemporaryDirectory() as tmp:
        unweighted_copy(args.data_dir, tmp)
        cmd = "%s mark --data-dir %s --lines --format jsonl" % (args.parallax, tmp)
        for items in data.values():
            attach_marks(items, cmd)

    def show(label, basil, babe_macro):
        print("%-58s BASIL P %.3f R %.3f F1 %.3f | BABE macro-F1 %.3f" % ((label,) + tuple(basil) + (babe_macro,)))

    g = {n: [i["gold"] for i in data[n]] for n in data}
    for q in (1.0, 0.7):
        show("hand-set weights, train, quoted_factor %.1f" % q, prf(g["basil"], predict(data["basil"], hand, q)),
             macro_f1(g["babe"], predict(data["babe"], hand, q)))
    grid = itertools.product([4, 16], [0.0, 0.3, 1.0], [0.2, 0.25, 0.3, 0.4] if args.quick else
                             [0.15, 0.2, 0.25, 0.3, 0.35, 0.45], [1.0, 0.7])
    results = []
    for m, lam, tau, q in grid:
        basil, babe = cross_validate(data, hand, m, lam, tau, q)
        results.append((basil[2], babe, basil, (m, lam, tau, q)))
    results.sort(key=lambda r: -r[0])
    print("fitted weights, 5-fold CV inside train (best %d of %d grid points; m, lambda, tau, q):" %
          (min(5, len(results)), len(results)))
    for f1, babe, basil, params in results[:5]:
        show("  m=%g lambda=%g tau=%g q=%g" % params, basil, babe)
    corrected = discovery_corrected(data["basil"])
    show("hand-set weights, BASIL train minus each entry's first hit",
         prf([i["gold"] for i in corrected], predict(corrected, hand)),
         macro_f1(g["babe"], predict(data["babe"], hand)))


if __name__ == "__main__":
    main()
