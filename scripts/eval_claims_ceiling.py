#!/usr/bin/env python3
"""How far lexical and structural evidence can take same-claim links: a leave-one-event-out study.

The claims gold (../shared/eval/claims/, 10 BASIL dev events) asks for link precision >= 0.80 at
recall >= 0.45. This script measures what a learned combination of the evidence Parallax can
compute reaches, so that the gap is shown, not guessed:

  1. every cross-outlet sentence pair of every event is scored by the production pair score
     (`parallax similarity --pairs`, the same model `report` uses) and its features;
  2. each pair gets 16 features beside that score: mutual/one-sided best match and rank in its
     outlet, margin over the runner-up, IDF-weighted containment and Jaccard of content words,
     rare shared words, shared capitalised names, a shared three-word quotation, shared or
     differing figures, lead position and relative position in the articles, length;
  3. a logistic regression (scripts/train_similarity.py's) is trained on nine events and ranks
     the pairs of the tenth (leave one event out), so every event is scored by a model that
     never saw it;
  4. the precision/recall curve of that ranking over all events is printed beside the pair score
     alone, mutual best matches at thresholds, and the production report's figures come from
     scripts/eval_claims.py.

    scripts/eval_claims_ceiling.py [--parallax build/engine/cli/parallax] [--eval-dir DIR]

Pairs with a score below 0.06 that are not the best match of either side are left out of the
ranking (they are counted as missed gold when gold). Standard library only; nothing of the gold
is written into the repository (pairs go to a temporary folder).
"""
import argparse
import collections
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from train_similarity import fit_logistic, predict  # noqa: E402

STOP = set("the a an of to in on and or for with by at from that this is was were be been are as "
           "it its he she they his her their said says say has have had will would not but who "
           "which also after than more about into over".split())
WORD = re.compile(r"[A-Za-z0-9']+")
FEATURES = ["score", "mutual", "either", "logmaxrank", "margin", "contain", "jaccard", "rare",
            "names", "quote", "quotes", "figure_shared", "figure_differs", "lead", "posdiff",
            "length"]


def stem(w):
    w = w.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > 4 and w.endswith(suffix):
            return w[:-len(suffix)]
    return w


def content(text):
    return [stem(w) for w in WORD.findall(text) if w.lower() not in STOP]


def names(text):
    toks = WORD.findall(text)
    return {w.lower() for i, w in enumerate(toks) if i > 0 and w[0].isupper() and w.lower() not in STOP}


def quote_trigrams(text):
    grams = set()
    for q in re.findall(r'["\u201c]([^"\u201d]{8,})["\u201d]', text):
        ws = [w.lower() for w in WORD.findall(q)]
        grams |= {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}
    return grams


def figures(text):
    return set(re.findall(r"\d[\d,.]*", text))


def read_gold(path):
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("outlet_a") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            key = tuple(sorted([(c[0].strip().lower(), int(c[1])), (c[2].strip().lower(), int(c[3]))]))
            gold[key] = c[4].strip()
    return gold


def event_pairs(parallax, event_path, gold_path, workdir):
    """All cross-outlet pairs of one event with score, features of the pair model and gold."""
    import json
    with open(event_path, encoding="utf-8") as f:
        event = json.load(f)
    sents = [(a["outlet"].lower(), s["id"], s["text"], len(a["sentences"]))
             for a in event["articles"] for s in a["sentences"]]
    pairs = [(x, y) for i, x in enumerate(sents) for y in sents[i + 1:] if x[0] != y[0]]
    tsv = os.path.join(workdir, os.path.basename(event_path) + ".tsv")
    with open(tsv, "w", encoding="utf-8") as f:
        for x, y in pairs:
            f.write(x[2].replace("\t", " ").replace("\n", " ") + "\t" +
                    y[2].replace("\t", " ").replace("\n", " ") + "\n")
    out = subprocess.run([parallax, "similarity", "--pairs", tsv], capture_output=True, text=True,
                         check=True)
    scores = [float(v) for v in out.stdout.split()]
    gold = read_gold(gold_path)
    rows = []
    for (x, y), s in zip(pairs, scores):
        a, b = sorted([x, y], key=lambda t: (t[0], t[1]))
        key = ((a[0], a[1]), (b[0], b[1]))
        rows.append({"a": key[0], "b": key[1], "ta": a[2], "tb": b[2], "score": s,
                     "pa": a[1] / a[3], "pb": b[1] / b[3], "gold": key in gold})
    return rows, len(gold)


def add_ranks(rows):
    """r['ra'], r['rb']: the pair's rank among its side's pairs into the other outlet (0 = best)."""
    by_side = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_side[(r["a"], r["b"][0])].append((-r["score"], i))
        by_side[(r["b"], r["a"][0])].append((-r["score"], i))
    rank = {}
    best = {}
    for side, lst in by_side.items():
        lst.sort()
        best[side] = [-s for s, _ in lst[:2]] + [0.0, 0.0]
        for k, (_, i) in enumerate(lst):
            rank[(side, i)] = k
    for i, r in enumerate(rows):
        r["ra"] = rank[((r["a"], r["b"][0]), i)]
        r["rb"] = rank[((r["b"], r["a"][0]), i)]
        top_a = best[(r["a"], r["b"][0])]
        top_b = best[(r["b"], r["a"][0])]
        r["margin"] = min(r["score"] - (top_a[1] if r["ra"] == 0 else top_a[0]),
                          r["score"] - (top_b[1] if r["rb"] == 0 else top_b[0]))


def featurize(rows):
    texts = {}
    for r in rows:
        texts[r["a"]] = r["ta"]
        texts[r["b"]] = r["tb"]
    df = collections.Counter()
    for t in texts.values():
        df.update(set(content(t)))
    n = len(texts)

    def idf(w):
        return math.log((n + 1) / (df[w] + 1))

    kept = []
    for r in rows:
        if r["score"] < 0.06 and min(r["ra"], r["rb"]) > 1:
            continue
        ca, cb = set(content(r["ta"])), set(content(r["tb"]))
        shared = ca & cb
        wa = sum(idf(w) for w in ca) or 1
        wb = sum(idf(w) for w in cb) or 1
        ws = sum(idf(w) for w in shared)
        na, nb = names(r["ta"]), names(r["tb"])
        qs = len(quote_trigrams(r["ta"]) & quote_trigrams(r["tb"]))
        fa, fb = figures(r["ta"]), figures(r["tb"])
        r["x"] = [r["score"], float(r["ra"] == 0 and r["rb"] == 0), float(min(r["ra"], r["rb"]) == 0),
                  math.log1p(max(r["ra"], r["rb"])), r["margin"], ws / min(wa, wb),
                  ws / (wa + wb - ws), math.log1p(sum(1 for w in shared if df[w] <= 3)),
                  len(na & nb) / max(1, len(na | nb)), float(qs > 0), math.log1p(qs),
                  float(bool(fa & fb)), float(bool(fa) and bool(fb) and not (fa & fb)),
                  float(r["a"][1] <= 1 and r["b"][1] <= 1), abs(r["pa"] - r["pb"]),
                  math.log1p(len(ca) + len(cb))]
        kept.append(r)
    return kept


def curve(name, ranked, gold_total, points=(20, 40, 60, 80, 100, 140, 180, 220, 260)):
    tp = 0
    out = []
    for k, r in enumerate(ranked, 1):
        tp += r["gold"]
        if k in points:
            out.append("top %d: P %.3f R %.3f" % (k, tp / k, tp / gold_total))
    print(name)
    for line in out:
        print("  " + line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parallax", default=os.path.join(ROOT, "build", "engine", "cli", "parallax"))
    parser.add_argument("--eval-dir", default=os.path.join(os.path.dirname(ROOT), "shared", "eval"))
    args = parser.parse_args()
    claims = os.path.join(args.eval_dir, "claims")
    events = sorted(f[:-5] for f in os.listdir(os.path.join(claims, "events")) if f.endswith(".json"))
    per_event = {}
    gold_total = 0
    with tempfile.TemporaryDirectory() as work:
        for e in events:
            rows, g = event_pairs(args.parallax, os.path.join(claims, "events", e + ".json"),
                                  os.path.join(claims, "links", e + ".tsv"), work)
            add_ranks(rows)
            per_event[e] = featurize(rows)
            gold_total += g
    everything = [r for rows in per_event.values() for r in rows]
    print("events %d, gold links %d, ranked pairs %d (gold among them %d)"
          % (len(events), gold_total, len(everything), sum(r["gold"] for r in everything)))
    curve("pair score alone", sorted(everything, key=lambda r: -r["score"]), gold_total)
    for threshold in (0.15, 0.25, 0.35):
        sel = [r for r in everything if r["score"] >= threshold and r["ra"] == 0 and r["rb"] == 0]
        tp = sum(r["gold"] for r in sel)
        print("mutual best matches, score >= %.2f: %d links, P %.3f R %.3f"
              % (threshold, len(sel), tp / max(1, len(sel)), tp / gold_total))
    for e in events:
        train = [r for x in events if x != e for r in per_event[x]]
        beta = fit_logistic([r["x"] for r in train], [float(r["gold"]) for r in train],
                            [1.0] * len(train), l2=1e-3, iterations=12)
        for r, p in zip(per_event[e], predict(beta, [r["x"] for r in per_event[e]])):
            r["p"] = p
    curve("learned combination, leave one event out", sorted(everything, key=lambda r: -r["p"]),
          gold_total)
    beta = fit_logistic([r["x"] for r in everything], [float(r["gold"]) for r in everything],
                        [1.0] * len(everything), l2=1e-3, iterations=12)
    print("weights (all events): " + " ".join("%s=%.2f" % (n, w)
                                              for n, w in zip(["bias"] + FEATURES, beta)))


if __name__ == "__main__":
    main()
