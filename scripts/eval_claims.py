#!/usr/bin/env python3
"""Same-claim, conflict and certainty-drift quality of `parallax report` on the claims gold.

Usage: scripts/eval_claims.py [--parallax BIN] [--eval DIR] [--verbose] [--keep DIR]

Runs the gold's own scorer (../shared/eval/claims/score.py, read from there, never copied) on the
production binary, then scores the same reports once more counting `quote` flags (one quotation
given in other words) as conflicts too: the gold annotates `quote` conflicts, but the scorer counts
only number/date/place/speaker/negation flags. A TF-IDF baseline runs beside it: each sentence
linked to its most similar sentence in every other outlet when their TF-IDF cosine is at least
0.5 (mutual best matches only), scored the same way.
"""
import argparse
import collections
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("claims_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tfidf_links(ev):
    """Mutual-best cross-outlet pairs of gold sentences with TF-IDF cosine >= 0.5."""
    word = re.compile(r"[a-z0-9]+")
    docs = []
    for art in ev["articles"]:
        for s in art["sentences"]:
            docs.append((art["outlet"].lower(), s["id"], collections.Counter(word.findall(s["text"].lower()))))
    df = collections.Counter()
    for _, _, c in docs:
        df.update(c.keys())
    n = len(docs)
    vecs = []
    for o, i, c in docs:
        v = {w: tf * math.log((n + 1) / (df[w] + 1)) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append((o, i, {w: x / norm for w, x in v.items()}))
    best = {}
    for a in range(len(vecs)):
        for b in range(len(vecs)):
            if vecs[a][0] == vecs[b][0]:
                continue
            va, vb = vecs[a][2], vecs[b][2]
            cos = sum(x * vb.get(w, 0.0) for w, x in va.items())
            key = (a, vecs[b][0])
            if cos > best.get(key, (-1, None))[0]:
                best[key] = (cos, b)
    pairs = set()
    for (a, outlet), (cos, b) in best.items():
        if cos >= 0.5 and best.get((b, vecs[a][0]), (0, None))[1] == a:
            pairs.add(tuple(sorted([(vecs[a][0], vecs[a][1]), (vecs[b][0], vecs[b][1])])))
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=os.path.join(ROOT, "build/engine/cli/parallax"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval", "claims"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", help="keep each event's report here")
    args = ap.parse_args()
    scorer_path = os.path.join(args.eval, "score.py")
    if not os.path.exists(scorer_path):
        print("eval_claims: no claims gold at %s (skipped)" % args.eval)
        return 0
    keep = args.keep or tempfile.mkdtemp(prefix="parallax-claims-")
    cmd = [sys.executable, scorer_path, "--parallax", args.parallax, "--keep", keep]
    if args.verbose:
        cmd.append("--verbose")
    print("== the gold's scorer (%s)" % " ".join(cmd[1:]))
    sys.stdout.flush()
    if subprocess.run(cmd).returncode != 0:
        return 1

    score = load_scorer(scorer_path)
    kinds = score.FACTUAL | {"quote"}
    t = collections.Counter()
    base = collections.Counter()
    for name in sorted(os.listdir(os.path.join(args.eval, "events"))):
        if not name.endswith(".json"):
            continue
        name = name[:-5]
        ev = json.load(open(os.path.join(args.eval, "events", name + ".json"), encoding="utf-8"))
        gold = score.load_gold(os.path.join(args.eval, "links", name + ".tsv"))
        _, spans = score.event_jsonl(ev)
        rep = json.load(open(os.path.join(keep, name + ".json"), encoding="utf-8"))
        pos = {k for k, v in gold.items() if v["relation"] in ("same", "partial")}
        conf = {k for k, v in gold.items() if v["conflict"] != "none"}
        flagged = set()
        for c in rep.get("claims", []):
            for d in c.get("discrepancies", []):
                if d.get("kind") not in kinds:
                    continue
                pp = score.cross_pairs(d.get("sentences", []), rep, spans)
                t["flags"] += 1
                t["flags_ok"] += bool(pp & conf)
                t["quote_flags"] += d.get("kind") == "quote"
                flagged |= pp
                if args.verbose:
                    print("  %s %s %s: %s" % (name, "right" if pp & conf else "WRONG", d.get("kind"),
                                             d.get("description", "")[:160]))
        t["gold"] += len(conf)
        t["found"] += len(conf & flagged)
        pred = tfidf_links(ev)
        base["tp"] += len(pred & pos)
        base["fp"] += len(pred - pos)
        base["fn"] += len(pos - pred)
    p = t["flags_ok"] / t["flags"] if t["flags"] else 0.0
    r = t["found"] / t["gold"] if t["gold"] else 0.0
    print("== conflicts counting quote flags too: %d flags (%d quote), precision %.3f; gold %d, recall %.3f"
          % (t["flags"], t["quote_flags"], p, t["gold"], r))
    bp, br, bf = score.prf(base["tp"], base["fp"], base["fn"])
    print("== TF-IDF baseline (mutual best, cosine >= 0.5): links P %.3f R %.3f F1 %.3f" % (bp, br, bf))
    return 0


if __name__ == "__main__":
    sys.exit(main())
