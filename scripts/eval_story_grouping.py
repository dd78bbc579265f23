#!/usr/bin/env python3
"""Story grouping: adjusted Rand index of `parallax batch` stories on ECB+ dev sub-topics and NeuS dev.

Measured (protocol of ../shared/eval/README.md, "Story grouping"):
  (a) ECB+ dev: all documents of all topics in one corpus (one JSONL line per document, sentences
      detokenized as in scripts/eval_ecbplus.py, the URL sentence 0 of `ecbplus` documents
      dropped); gold story = topic/sub-topic (`ecb` and `ecbplus` of one topic are two different
      events of the same kind, so they must stay apart).
  (b) NeuS dev (neus_dev/val.source.txt): each line is one story of three articles
      `TITLE=> ... ARTICLE=> ... [SEP] ...`; gold story = line number.
  Every article gets its own source (the data does not name outlets, and the left/centre/right slot
  would leak the gold); no dates (neither set has one). `parallax batch corpus.jsonl -o OUT/` is
  run and its stories.json (article -> story) is scored with the adjusted Rand index (Hubert &
  Arabie), beside a plain TF-IDF article clustering baseline run on the same JSONL: cosine of
  log-tf x smoothed-idf vectors (title + text), agglomerative single-link and average-link
  stopped at a fixed cosine threshold of 0.3 (not tuned).
  Also printed: number of predicted stories, pairwise precision/recall of "same story", and the
  predicted stories that mix gold stories (where stories merge).

    scripts/eval_story_grouping.py [--binary PATH] [--eval-dir DIR] [--data-dir DIR] [--keep DIR]

For BASIL see scripts/eval_stories.py. Standard library only; the eval data is written to a
temporary folder, never into the repository.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EVAL_DIR = os.path.join(os.path.dirname(REPO), "shared", "eval")
DEFAULT_BINARY = os.path.join(REPO, "build", "engine", "cli", "parallax")
TFIDF_THRESHOLD = 0.3

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_ecbplus  # noqa: E402  (CoNLL reading and detokenization)


# ---------------------------------------------------------------- data

def ecbplus_records(eval_dir):
    conll = os.path.join(eval_dir, "ecbplus_dev", "ecbplus_dev.conll")
    if not os.path.exists(conll):
        return None
    docs = eval_ecbplus.read_conll(conll)
    records = []
    for doc, sents in docs.items():
        topic, kind, _ = eval_ecbplus.doc_parts(doc)
        articles, _ = eval_ecbplus.build_topic({doc: sents}, set())
        records.append({"id": doc, "title": "", "maintext": articles[0][1],
                        "source_domain": doc.replace("/", "_") + ".example",
                        "date_publish": "", "url": "", "_gold": "%s/%s" % (topic, kind)})
    return records


NEUS_RE = re.compile(r"^\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)$", re.S)


def neus_records(eval_dir):
    path = os.path.join(eval_dir, "neus_dev", "val.source.txt")
    if not os.path.exists(path):
        return None
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            for k, part in enumerate(line.split("[SEP]")):
                m = NEUS_RE.match(part)
                title, text = (m.group(1), m.group(2).strip()) if m else ("", part.strip())
                if not text and not title:
                    continue
                ident = "neus%03d_%d" % (n, k)
                records.append({"id": ident, "title": title, "maintext": text,
                                "source_domain": ident + ".example",
                                "date_publish": "", "url": "", "_gold": str(n)})
    return records


def write_jsonl(records, path):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")},
                               ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- scoring

def comb2(n):
    return n * (n - 1) // 2


def ari(gold, pred):
    """Adjusted Rand index of two labelings (dicts item -> label) over their common items."""
    items = [i for i in gold if i in pred]
    n = len(items)
    cont = collections.Counter((gold[i], pred[i]) for i in items)
    a = collections.Counter(gold[i] for i in items)
    b = collections.Counter(pred[i] for i in items)
    index = sum(comb2(v) for v in cont.values())
    sa = sum(comb2(v) for v in a.values())
    sb = sum(comb2(v) for v in b.values())
    expected = sa * sb / comb2(n) if n > 1 else 0.0
    maximum = (sa + sb) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def pair_pr(gold, pred):
    items = [i for i in gold if i in pred]
    cont = collections.Counter((gold[i], pred[i]) for i in items)
    tp = sum(comb2(v) for v in cont.values())
    pp = sum(comb2(v) for v in collections.Counter(pred[i] for i in items).values())
    gp = sum(comb2(v) for v in collections.Counter(gold[i] for i in items).values())
    return (tp / pp if pp else 0.0), (tp / gp if gp else 0.0)


def describe(name, gold, pred, seconds, show_merges):
    p, r = pair_pr(gold, pred)
    groups = collections.defaultdict(list)
    for i, s in pred.items():
        groups[s].append(i)
    mixed = []
    for s, members in groups.items():
        g = collections.Counter(gold[i] for i in members if i in gold)
        if len(g) > 1:
            mixed.append((len(members), s, g))
    mixed.sort(key=lambda x: -x[0])
    sizes = sorted((len(m) for m in groups.values()), reverse=True)
    missing = sum(1 for i in gold if i not in pred)
    print("  %-26s ARI=%.3f  stories=%d (gold %d, largest %s, singletons %d)  pair P=%.3f R=%.3f"
          "  mixed stories=%d%s  [%.1fs]" % (
              name, ari(gold, pred), len(groups), len(set(gold.values())), sizes[:3],
              sum(1 for x in sizes if x == 1), p, r, len(mixed),
              ("  missing=%d" % missing) if missing else "", seconds))
    for size, s, g in mixed[:show_merges]:
        print("      merge %s (%d articles): %s" % (
            s, size, ", ".join("%s x%d" % kv for kv in g.most_common(6))
            + (" ..." if len(g) > 6 else "")))


# ---------------------------------------------------------------- systems

def run_parallax(binary, data_dir, jsonl, outdir):
    cmd = [binary, "batch", jsonl, "-o", outdir]
    if data_dir:
        cmd += ["--data-dir", data_dir]
    t0 = time.time()
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, universal_newlines=True)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        raise SystemExit("parallax batch failed (exit %d)" % res.returncode)
    seconds = time.time() - t0
    with open(os.path.join(outdir, "stories.json"), encoding="utf-8") as f:
        stories = json.load(f)
    pred = dict(stories.get("articles", {}))
    if not pred:
        for s in stories.get("stories", []):
            for a in s.get("articles", []):
                pred[a] = s["id"]
    return pred, seconds


def tfidf_matrix(texts):
    vecs = eval_ecbplus.tfidf_vectors(texts)
    n = len(texts)
    # Dot products through an inverted index.
    postings = collections.defaultdict(list)
    for i, v in enumerate(vecs):
        for w, x in v.items():
            postings[w].append((i, x))
    sim = [[0.0] * n for _ in range(n)]
    for i, v in enumerate(vecs):
        row = sim[i]
        for w, x in v.items():
            for j, y in postings[w]:
                row[j] += x * y
    return sim


def agglomerative(sim, threshold, linkage):
    """Merge the most similar clusters until the best similarity < threshold. -> labels."""
    n = len(sim)
    S = [row[:] for row in sim]
    size = [1] * n
    members = {i: [i] for i in range(n)}
    active = set(range(n))

    def best_of(i):
        bj, bs = -1, -1.0
        row = S[i]
        for j in active:
            if j != i and row[j] > bs:
                bj, bs = j, row[j]
        return bs, bj

    best = {i: best_of(i) for i in range(n)}
    while len(active) > 1:
        i = max(active, key=lambda k: best[k][0])
        s, j = best[i]
        if s < threshold or j < 0:
            break
        # merge j into i
        for k in active:
            if k in (i, j):
                continue
            if linkage == "single":
                v = max(S[i][k], S[j][k])
            else:
                v = (size[i] * S[i][k] + size[j] * S[j][k]) / (size[i] + size[j])
            S[i][k] = S[k][i] = v
        size[i] += size[j]
        members[i].extend(members.pop(j))
        active.discard(j)
        del best[j]
        best[i] = best_of(i)
        for k in active:
            if k == i:
                continue
            if best[k][1] in (i, j):
                best[k] = best_of(k)
            elif S[k][i] > best[k][0]:
                best[k] = (S[k][i], i)
    labels = {}
    for c, ms in members.items():
        for m in ms:
            labels[m] = c
    return labels


def run_tfidf(records, threshold, linkage, sim_cache):
    t0 = time.time()
    if "sim" not in sim_cache:
        sim_cache["sim"] = tfidf_matrix([(r["title"] + "\n" + r["maintext"]) for r in records])
    labels = agglomerative(sim_cache["sim"], threshold, linkage)
    pred = {records[i]["id"]: "t%d" % c for i, c in labels.items()}
    return pred, time.time() - t0


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=DEFAULT_BINARY, help="parallax CLI (default: %(default)s)")
    ap.add_argument("--eval-dir", default=DEFAULT_EVAL_DIR, help="shared eval folder (default: %(default)s)")
    ap.add_argument("--data-dir", default=REPO, help="passed to parallax --data-dir (default: the repo)")
    ap.add_argument("--keep", help="write corpora and batch output here instead of a temporary folder")
    ap.add_argument("--threshold", type=float, default=TFIDF_THRESHOLD,
                    help="TF-IDF baseline cosine threshold (fixed at %(default)s, not tuned)")
    ap.add_argument("--sets", default="ecbplus,neus", help="comma list of: ecbplus, neus")
    ap.add_argument("--show-merges", type=int, default=5, help="mixed stories to list per system")
    ap.add_argument("--sweep", action="store_true",
                    help="also run the TF-IDF average-link baseline at several thresholds: the best "
                         "of them is tuned on the very data it is scored on, an optimistic bound "
                         "for a bag-of-words article clustering")
    args = ap.parse_args()

    if not os.path.exists(args.binary):
        print("SKIP: parallax binary not found: %s (use --binary)" % args.binary)
        return 0
    workdir = args.keep or tempfile.mkdtemp(prefix="story_grouping_eval_")
    os.makedirs(workdir, exist_ok=True)
    loaders = {"ecbplus": ("ECB+ dev sub-topics", ecbplus_records),
               "neus": ("NeuS dev stories", neus_records)}
    for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        label, loader = loaders[name]
        records = loader(args.eval_dir)
        if not records:
            print("SKIP %s: data not found under %s" % (label, args.eval_dir))
            continue
        gold = {r["id"]: r["_gold"] for r in records}
        jsonl = os.path.join(workdir, name + ".jsonl")
        write_jsonl(records, jsonl)
        print("%s: %d articles, %d gold stories (workdir %s)"
              % (label, len(records), len(set(gold.values())), workdir))
        pred, secs = run_parallax(args.binary, args.data_dir, jsonl, os.path.join(workdir, name + "_batch"))
        describe("parallax batch", gold, pred, secs, args.show_merges)
        cache = {}
        for linkage in ("single", "average"):
            pred, secs = run_tfidf(records, args.threshold, linkage, cache)
            describe("tfidf %s-link cos>=%.2f" % (linkage, args.threshold), gold, pred, secs,
                     args.show_merges if linkage == "average" else 0)
        if args.sweep:
            for threshold in (0.15, 0.18, 0.2, 0.22, 0.25):
                pred, secs = run_tfidf(records, threshold, "average", cache)
                describe("tfidf average-link cos>=%.2f (sweep)" % threshold, gold, pred, secs, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
