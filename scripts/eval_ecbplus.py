#!/usr/bin/env python3
"""Same event across documents on ECB+ dev: pairwise claim-alignment P/R/F1 and cross-sub-topic joins.

Measured (protocol of ../shared/eval/README.md, "Same claim across outlets"):
  For each ECB+ topic, every document becomes one JSONL article (sentences joined by spaces; in
  `ecbplus` documents sentence 0, the source URL, is dropped; split tokens such as "U . S ." and
  "4 . 6" are rejoined and punctuation is detokenized) with its own source, and
  `parallax report topic.jsonl -o x.html --json x.json` is run on the topic.
  Predicted pairs: pairs of validated sentences (listed in the CSV) of different documents that
  fall in one claim of x.json (claim sentence refs are mapped back to (doc, sentence) by byte
  overlap). Gold positives: pairs of validated sentences of different documents sharing an event
  chain id (ACT.../NEG... in the coref column of any token of the sentence).
  Printed: pairwise precision / recall / F1 (micro over all topics) and the share of predicted
  pairs whose two documents are in different sub-topics (ecb vs ecbplus: two different events
  joined, the error that matters most).
  Baseline: TF-IDF cosine between validated sentences of different documents of a topic (IDF over
  the topic's sentences), a pair is linked when cosine >= 0.5 (fixed, not tuned) and the two
  sentences are each other's best match within that document pair.

    scripts/eval_ecbplus.py [--binary PATH] [--eval-dir DIR] [--data-dir DIR] [--keep DIR]

Standard library only. The eval data is written to a temporary folder, never into the repository.
"""

import argparse
import collections
import csv
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EVAL_DIR = os.path.join(os.path.dirname(REPO), "shared", "eval")
DEFAULT_BINARY = os.path.join(REPO, "build", "engine", "cli", "parallax")
TFIDF_THRESHOLD = 0.5

EVENT_RE = re.compile(r"((?:ACT|NEG)[A-Za-z0-9_]+)")


def detokenize(tokens):
    """Join CoNLL tokens into plain text: rejoin split abbreviations and numbers, attach punctuation."""
    toks, opening = [], True
    for t in tokens:
        if t == "``":
            t = "\x01"  # opening quote
        elif t in ("''", "'''"):
            t = "\x02"  # closing quote
        elif t == '"':
            t = "\x01" if opening else "\x02"
            opening = not opening
        toks.append(t)
    s = " ".join(toks)
    # Abbreviations split into letters and dots: "U . S ." -> "U.S."
    s = re.sub(r"\b([A-Z])\s\.\s(?=[A-Z]\b)", r"\1.", s)
    s = re.sub(r"\b([A-Z])\.([A-Z])\s\.", r"\1.\2.", s)
    # Numbers: "4 . 6" -> "4.6", "1 , 000" -> "1,000"
    s = re.sub(r"(\d)\s\.\s(?=\d)", r"\1.", s)
    s = re.sub(r"(\d)\s,\s(?=\d{3}\b)", r"\1,", s)
    # Clitics
    s = re.sub(r"\s(n't|'s|'re|'ve|'ll|'d|'m|n’t|’s|’re|’ve|’ll|’d|’m)\b", r"\1", s, flags=re.I)
    # Punctuation and closing quotes attach to the previous token; openers to the next
    s = re.sub(r"\s([.,;:!?%)\]}’”\x02])", r"\1", s)
    s = re.sub(r"([(\[{$“‘\x01])\s", r"\1", s)
    s = s.replace("\x01", '"').replace("\x02", '"')
    return re.sub(r"\s+", " ", s).strip()


def read_conll(path):
    """-> {doc_key: {sent_id: (tokens, set(event chain ids))}} in file order (duplicates dropped)."""
    docs = collections.OrderedDict()
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5:
                continue
            doc, sid, tid, tok, coref = cols[0], int(cols[1]), int(cols[2]), cols[3], cols[4]
            key = (doc, sid, tid)
            if key in seen:
                continue
            seen.add(key)
            sents = docs.setdefault(doc, collections.OrderedDict())
            toks, events = sents.setdefault(sid, ([], set()))
            toks.append((tid, tok))
            events.update(EVENT_RE.findall(coref))
    out = collections.OrderedDict()
    for doc, sents in docs.items():
        out[doc] = collections.OrderedDict(
            (sid, ([t for _, t in sorted(toks)], ev)) for sid, (toks, ev) in sorted(sents.items()))
    return out


def doc_parts(doc_key):
    topic, sub, name = doc_key.split("/")
    kind = "ecbplus" if sub.endswith("ecbplus") else "ecb"
    return topic, kind, name


def read_validated(path):
    val = set()
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            val.add((row["Topic"].strip(), row["File"].strip(), int(row["Sentence Number"])))
    return val


def build_topic(docs, validated):
    """-> articles [(doc_key, text, [(sid, byte_start, byte_end)])], validated units {(doc,sid): events}."""
    articles, units = [], {}
    for doc, sents in docs.items():
        topic, kind, name = doc_parts(doc)
        pieces, spans, pos = [], [], 0
        for sid, (toks, events) in sents.items():
            if kind == "ecbplus" and sid == 0:
                continue  # the source URL
            text = detokenize(toks)
            if not text:
                continue
            if pieces:
                pos += 1  # the joining space
            b = len(text.encode("utf-8"))
            spans.append((sid, pos, pos + b))
            pieces.append(text)
            pos += b
            if (topic, name + kind, sid) in validated:
                units[(doc, sid)] = events
        articles.append((doc, " ".join(pieces), spans))
    return articles, units


def gold_pairs(units):
    keys = sorted(units)
    gold = set()
    for a, b in itertools.combinations(keys, 2):
        if a[0] != b[0] and units[a] & units[b]:
            gold.add((a, b))
    return gold


def run_parallax(binary, data_dir, articles, workdir, topic):
    jsonl = os.path.join(workdir, "topic%s.jsonl" % topic)
    with open(jsonl, "w", encoding="utf-8") as f:
        for doc, text, _ in articles:
            f.write(json.dumps({"id": doc, "title": "", "maintext": text,
                                "source_domain": doc.replace("/", "_") + ".example",
                                "date_publish": "", "url": ""}, ensure_ascii=False) + "\n")
    html = os.path.join(workdir, "topic%s.html" % topic)
    js = os.path.join(workdir, "topic%s.json" % topic)
    cmd = [binary, "report", jsonl, "-o", html, "--json", js]
    if data_dir:
        cmd += ["--data-dir", data_dir]
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, universal_newlines=True)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        raise SystemExit("parallax report failed on topic %s (exit %d)" % (topic, res.returncode))
    with open(js, encoding="utf-8") as f:
        return json.load(f)


def article_index(report, articles):
    """Map the report's article references (index or id) to our doc keys."""
    by_ref = {}
    rep_articles = report.get("articles", [])
    docs = [a[0] for a in articles]
    for i, a in enumerate(rep_articles):
        ident = None
        if isinstance(a, dict):
            for k in ("id", "name", "title", "path", "url"):
                if a.get(k) in docs:
                    ident = a.get(k)
                    break
            if ident is None:
                src = a.get("source") or a.get("source_domain") or ""
                for d in docs:
                    if src.startswith(d.replace("/", "_")):
                        ident = d
            for k in ("id", "index"):
                if k in a:
                    by_ref[a[k]] = ident
        by_ref[i] = ident
    for i, d in enumerate(docs):
        by_ref.setdefault(d, d)
    return by_ref


def map_ref(ref, by_ref, spans_of):
    doc = by_ref.get(ref.get("article"))
    if doc is None and isinstance(ref.get("article"), int) and ref["article"] < len(spans_of):
        doc = list(spans_of)[ref["article"]]
    if doc is None:
        return []
    s, e = ref.get("start", 0), ref.get("end", 0)
    out = []
    for sid, a, b in spans_of[doc]:
        if min(b, e) - max(a, s) > 0:
            out.append((doc, sid))
    return out


def parallax_pairs(report, articles, units):
    spans_of = collections.OrderedDict((d, sp) for d, _, sp in articles)
    by_ref = article_index(report, articles)
    pred = set()
    nclaims = 0
    for claim in report.get("claims", []):
        members = set()
        for ref in claim.get("sentences", []):
            members.update(u for u in map_ref(ref, by_ref, spans_of) if u in units)
        nclaims += 1
        for a, b in itertools.combinations(sorted(members), 2):
            if a[0] != b[0]:
                pred.add((a, b))
    return pred, nclaims


WORD_RE = re.compile(r"\w+", re.UNICODE)


def tfidf_vectors(texts):
    toks = [collections.Counter(w.lower() for w in WORD_RE.findall(t)) for t in texts]
    df = collections.Counter()
    for c in toks:
        df.update(c.keys())
    n = len(texts)
    vecs = []
    for c in toks:
        v = {w: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return vecs


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def tfidf_pairs(articles, units, threshold):
    texts, keys = [], []
    text_of = {}
    for doc, text, spans in articles:
        raw = text.encode("utf-8")
        for sid, a, b in spans:
            t = raw[a:b].decode("utf-8")
            texts.append(t)
            keys.append((doc, sid))
    vecs = dict(zip(keys, tfidf_vectors(texts)))
    by_doc = collections.OrderedDict()
    for u in sorted(units):
        by_doc.setdefault(u[0], []).append(u)
    pred = set()
    for d1, d2 in itertools.combinations(list(by_doc), 2):
        sims = {(a, b): cosine(vecs[a], vecs[b]) for a in by_doc[d1] for b in by_doc[d2]}
        best1 = {a: max(by_doc[d2], key=lambda b: sims[(a, b)]) for a in by_doc[d1]}
        best2 = {b: max(by_doc[d1], key=lambda a: sims[(a, b)]) for b in by_doc[d2]}
        for a, b in best1.items():
            if best2[b] == a and sims[(a, b)] >= threshold:
                pred.add(tuple(sorted((a, b))))
    return pred


def cross_sub(pair):
    return doc_parts(pair[0][0])[1] != doc_parts(pair[1][0])[1]


def summary(name, pred, gold, extra=""):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    cross = sum(1 for x in pred if cross_sub(x))
    share = cross / len(pred) if pred else 0.0
    print("%-22s P=%.3f R=%.3f F1=%.3f  pred=%d gold=%d tp=%d  cross-sub-topic joins=%.3f (%d/%d)%s"
          % (name, p, r, f, len(pred), len(gold), tp, share, cross, len(pred), extra))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=DEFAULT_BINARY, help="parallax CLI (default: %(default)s)")
    ap.add_argument("--eval-dir", default=DEFAULT_EVAL_DIR, help="shared eval folder (default: %(default)s)")
    ap.add_argument("--data-dir", default=REPO, help="passed to parallax --data-dir (default: the repo)")
    ap.add_argument("--keep", help="write the JSONL/JSON files here instead of a temporary folder")
    ap.add_argument("--threshold", type=float, default=TFIDF_THRESHOLD,
                    help="TF-IDF baseline cosine threshold (fixed at %(default)s, not tuned)")
    ap.add_argument("--verbose", action="store_true", help="per-topic lines")
    args = ap.parse_args()

    conll = os.path.join(args.eval_dir, "ecbplus_dev", "ecbplus_dev.conll")
    csv_path = os.path.join(args.eval_dir, "ecbplus_dev", "ECBplus_coreference_sentences_dev.csv")
    if not (os.path.exists(conll) and os.path.exists(csv_path)):
        print("SKIP: ECB+ dev data not found under %s/ecbplus_dev" % args.eval_dir)
        return 0
    if not os.path.exists(args.binary):
        print("SKIP: parallax binary not found: %s (use --binary)" % args.binary)
        return 0

    docs = read_conll(conll)
    validated = read_validated(csv_path)
    topics = collections.OrderedDict()
    for doc, sents in docs.items():
        topics.setdefault(doc_parts(doc)[0], collections.OrderedDict())[doc] = sents

    workdir = args.keep or tempfile.mkdtemp(prefix="ecbplus_eval_")
    os.makedirs(workdir, exist_ok=True)
    all_gold, all_px, all_tf = set(), set(), set()
    t_px = 0.0
    nunits = 0
    for topic in sorted(topics, key=int):
        articles, units = build_topic(topics[topic], validated)
        nunits += len(units)
        gold = gold_pairs(units)
        t0 = time.time()
        report = run_parallax(args.binary, args.data_dir, articles, workdir, topic)
        t_px += time.time() - t0
        px, nclaims = parallax_pairs(report, articles, units)
        tf = tfidf_pairs(articles, units, args.threshold)
        if args.verbose:
            print("topic %s: docs=%d validated=%d claims=%d gold=%d parallax=%d (tp %d, cross %d) "
                  "tfidf=%d (tp %d, cross %d)" % (
                      topic, len(articles), len(units), nclaims, len(gold), len(px), len(px & gold),
                      sum(map(cross_sub, px)), len(tf), len(tf & gold), sum(map(cross_sub, tf))))
        all_gold |= gold
        all_px |= px
        all_tf |= tf
    print("ECB+ dev: %d topics, %d documents, %d validated sentences, %d gold pairs (workdir %s)"
          % (len(topics), len(docs), nunits, len(all_gold), workdir))
    summary("parallax", all_px, all_gold, "  [%.1fs]" % t_px)
    summary("tfidf(cos>=%.2f,mutual)" % args.threshold, all_tf, all_gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
