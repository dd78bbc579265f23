#!/usr/bin/env python3
"""Scores Parallax's language marks on the evaluation data in ../shared/eval/.

Follows the protocols of ../shared/eval/README.md:
  hedging      Szeged uncertainty (Wikipedia): sentence P/R/F1 of "has a hedge mark" vs "has a
               ccue", without and with hypo_condition cues; cue-level token-overlap P/R/F1.
  attribution  PolNeAR: sentence P/R/F1 of "has an attribution mark" vs "overlaps a Cue span";
               token-level cue P/R/F1; recall of Attribution-no-source relations by an
               attribution mark whose source_kind is not "named" (and by any attribution mark).
               Beyond the protocol: for relations whose Source is in the cue's sentence and
               whose cue is marked, token P/R/F1 of the mark's source against the gold Source,
               and the share of them the mark calls sourceless. Whose words: the share of
               evaluative, hedge and booster marks whose voice agrees with PolNeAR's Content
               spans (a mark starting inside a Content span is the cited source's, voice other
               than "outlet"; elsewhere the outlet's); its baseline calls every mark "outlet".
  loaded       BABE: "has an evaluative mark" vs Biased (P/R/F1 and macro-F1 over Biased /
               Non-biased), token overlap with biased_words; BASIL: "has an evaluative mark" vs
               "has a lex span", token overlap with lex spans.
Each figure is printed next to a baseline that matches the reference lists in
lexicons_reference/ word for word (lower-cased token sequences, no inflection), computed in
the same run on the same sentences.

Splits: PolNeAR has train/ and dev/ folders. The other sets come as one file or folder, so
they are split here, deterministically: an item is in dev iff md5(key) mod 5 == 0, where the
key is the Szeged DocID, the BABE sentence text, or the BASIL triplet-uuid (so the three
articles of one event stay together). Tune with --split train; report --split dev. For
attribution, --split tune scores the fifth of PolNeAR train that
scripts/eval_lexicons_train_cues.py holds out (md5(article) mod 5 == 0), for a cue model
trained with --fit-only.

Marks come from a command that reads one sentence per line and prints one JSON object per
line with "marks" (byte offsets into the line):
  build/engine/cli/parallax mark --lines --format jsonl --data-dir .   (the default: the
                                      production path; another --data-dir tries other lexicons)
  build/tests/lexicon/mark_lines --lexicons DIR [--cue-model FILE]   (the same JSON lines, for
                                      trying a cue model file: see lexicons/README.md)

Usage:
  scripts/eval_lexicons.py [--split dev|train|tune] [--tasks hedge,attribution,babe,basil]
                           [--mark-cmd CMD] [--shared DIR] [--errors N] [--article-voice PARALLAX]

The voice figure marks one sentence at a time, so a sentence inside a quotation that an earlier
sentence opened looks like the outlet's own; --article-voice build/engine/cli/parallax adds the
same figure on whole articles, split and quote-paired by `parallax mark` as in production.
"""

import argparse
import csv
import glob
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:[-'\u2019][A-Za-z0-9\u00C0-\u024F]+)*")


def in_dev(key):
    return int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16) % 5 == 0


def want_split(key, split):
    return in_dev(key) == (split == "dev")


# ---------------------------------------------------------------- running the marker


def run_marker(cmd, sentences):
    """Returns, per sentence, a list of marks with character offsets (start, end, ...)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        for s in sentences:
            f.write(s.replace("\n", " ").replace("\r", " ") + "\n")
        path = f.name
    try:
        out = subprocess.run(shlex.split(cmd) + [path], capture_output=True, check=False)
    finally:
        os.unlink(path)
    if out.returncode != 0:
        sys.exit("mark command failed (%d): %s" % (out.returncode, out.stderr.decode()[:2000]))
    lines = out.stdout.decode("utf-8").splitlines()
    if len(lines) != len(sentences):
        sys.exit("mark command printed %d lines for %d sentences" % (len(lines), len(sentences)))
    result = []
    for s, line in zip(sentences, lines):
        # byte offset -> character offset
        b2c = {}
        pos = 0
        for i, ch in enumerate(s):
            b2c[pos] = i
            pos += len(ch.encode("utf-8"))
        b2c[pos] = len(s)
        marks = []
        obj = json.loads(line)
        # `parallax mark --lines` gives offsets into the whole input and the sentence's own
        # "start"; mark_lines gives offsets into the line.
        base = obj["start"] if "text" in obj and isinstance(obj.get("start"), int) else 0
        for m in obj.get("marks", []):
            m = dict(m)
            m["start"] = b2c.get(m["start"] - base, 0)
            m["end"] = b2c.get(m["end"] - base, len(s))
            if m.get("source_start") is not None:
                m["source_start"] = b2c.get(m["source_start"] - base, 0)
                m["source_end"] = b2c.get(m["source_end"] - base, len(s))
            marks.append(m)
        result.append(marks)
    return result


# ---------------------------------------------------------------- the word-for-word baseline


def load_reference(path):
    entries = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            toks = [t.lower() for t in TOKEN_RE.findall(line)]
            if toks:
                entries.append(tuple(toks))
    return entries


class Baseline:
    """Matches reference entries as exact lower-cased token sequences."""

    def __init__(self, entries):
        self.by_first = {}
        for e in set(entries):
            self.by_first.setdefault(e[0], []).append(e)

    def spans(self, text):
        toks = [(m.group(0).lower().replace("\u2019", "'"), m.start(), m.end())
                for m in TOKEN_RE.finditer(text)]
        out = []
        for i, (t, _, _) in enumerate(toks):
            for e in self.by_first.get(t, []):
                if tuple(x[0] for x in toks[i:i + len(e)]) == e:
                    out.append((toks[i][1], toks[i + len(e) - 1][2]))
        return out


# ---------------------------------------------------------------- scoring helpers


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def sentence_scores(gold, pred):
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    return prf(tp, fp, fn)


def token_set(text, spans):
    """Indices of word tokens of `text` that overlap any of `spans`."""
    out = set()
    for i, m in enumerate(TOKEN_RE.finditer(text)):
        for s, e in spans:
            if m.start() < e and s < m.end():
                out.add(i)
                break
    return out


def token_scores(texts, gold_spans, pred_spans):
    tp = fp = fn = 0
    for t, g, p in zip(texts, gold_spans, pred_spans):
        gs, ps = token_set(t, g), token_set(t, p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    return prf(tp, fp, fn)


def macro_f1(gold, pred):
    pos = sentence_scores(gold, pred)[2]
    neg = sentence_scores([not g for g in gold], [not p for p in pred])[2]
    return (pos + neg) / 2


ROWS = []


def row(task, metric, ours, base, goal=None):
    ROWS.append((task, metric, ours, base, goal))


def print_rows():
    print("%-34s %-34s %8s %9s %6s" % ("task", "metric", "parallax", "baseline", "goal"))
    for task, metric, ours, base, goal in ROWS:
        b = "%9.3f" % base if base is not None else "%9s" % "-"
        g = ">=%.2f" % goal if goal is not None else ""
        print("%-34s %-34s %8.3f %s %6s" % (task, metric, ours, b, g))


def show_errors(name, texts, gold, pred, marks, n):
    if not n:
        return
    fps = [i for i in range(len(texts)) if pred[i] and not gold[i]]
    fns = [i for i in range(len(texts)) if gold[i] and not pred[i]]
    print("\n--- %s: %d false positives, %d false negatives" % (name, len(fps), len(fns)))
    for i in fps[:n]:
        print("FP", [(texts[i][m["start"]:m["end"]], m["category"]) for m in marks[i]], "|", texts[i][:200])
    for i in fns[:n]:
        print("FN", "|", texts[i][:200])


# ---------------------------------------------------------------- hedging: Szeged


def sentence_text_and_cues(elem):
    """Returns the sentence text and its cues [(start, end, type)] with character offsets."""
    text = []
    cues = []
    pos = 0

    def walk(e):
        nonlocal pos
        if e.text:
            text.append(e.text)
            pos += len(e.text)
        for child in e:
            start = pos
            walk(child)
            if child.tag == "ccue":
                cues.append((start, pos, child.get("type", "").strip()))
            if child.tail:
                text.append(child.tail)
                pos += len(child.tail)

    walk(elem)
    return "".join(text), cues


def eval_hedge(args, split):
    path = os.path.join(args.shared, "eval/szeged_uncertainty/wiki.xml")
    if not os.path.exists(path):
        print("skip hedging: %s not found" % path)
        return
    texts, cue_sets = [], []
    for doc in ET.parse(path).getroot().iter("Document"):
        docid = doc.findtext("DocID") or ""
        if not want_split(docid, split):
            continue
        for part in doc.iter("DocumentPart"):
            for s in part.iter("Sentence"):
                t, cues = sentence_text_and_cues(s)
                texts.append(t)
                cue_sets.append(cues)
    marks = run_marker(args.mark_cmd, texts)
    base = Baseline(load_reference(os.path.join(args.shared, "eval/lexicons_reference/hedges_hyland2005.txt")))
    pred_spans = [[(m["start"], m["end"]) for m in ms if m["category"] == "hedge"] for ms in marks]
    base_spans = [base.spans(t) for t in texts]
    pred = [bool(s) for s in pred_spans]
    bpred = [bool(s) for s in base_spans]
    name = "hedging Szeged wiki (%s, n=%d)" % (split, len(texts))
    for label, keep, goal in (("without conditionals", lambda c: not c[2].startswith("speculation_hypo_condition"), 0.62),
                              ("with conditionals", lambda c: True, None)):
        gold_spans = [[(c[0], c[1]) for c in cs if keep(c)] for cs in cue_sets]
        gold = [bool(g) for g in gold_spans]
        p, r, f = sentence_scores(gold, pred)
        bp, br, bf = sentence_scores(gold, bpred)
        row(name, "sentence P " + label, p, bp)
        row(name, "sentence R " + label, r, br)
        row(name, "sentence F1 " + label, f, bf, goal)
        tp, tr, tf = token_scores(texts, gold_spans, pred_spans)
        btp, btr, btf = token_scores(texts, gold_spans, base_spans)
        row(name, "cue token F1 " + label, tf, btf)
        if goal is not None:
            show_errors("hedging", texts, gold, pred, marks, args.errors)


# ---------------------------------------------------------------- attribution: PolNeAR

SENT_RE = re.compile(r"(?<=[.!?])[\"\u201d\u2019)]*\s+(?=[\"\u201c\u2018(]*[A-Z0-9])")


def split_sentences(text):
    """Character spans of sentences: lines, then sentence punctuation before a capital."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        last = 0
        for m in SENT_RE.finditer(line):
            before = line[max(0, m.start() - 4):m.start()]
            if re.search(r"\b(Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Jr|U\.S|Lt|Col|Sgt|No|vs)\.$", before):
                continue
            spans.append((start + last, start + m.start()))
            last = m.end()
        spans.append((start + last, start + len(line)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def read_brat(path):
    spans, relations = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(parts) >= 2:
                fields = parts[1].split(" ")
                try:
                    spans[parts[0]] = (fields[0], int(fields[1]), int(fields[-1]))
                except ValueError:
                    continue
            elif line.startswith("E") and len(parts) >= 2:
                args = dict(a.split(":", 1) for a in parts[1].split(" ") if ":" in a)
                label = parts[1].split(":", 1)[0]
                relations.append((label, args))
    return spans, relations


def eval_attribution(args, split):
    # "tune": the fifth of PolNeAR train that scripts/eval_lexicons_train_cues.py holds out
    # (md5(article key) mod 5 == 0), to measure a model trained with --fit-only honestly.
    tune = split == "tune"
    root = os.path.join(args.shared, "eval/polnear", "train" if tune else split)
    if not os.path.isdir(root):
        print("skip attribution: %s not found" % root)
        return
    anns = {}
    for p in sorted(glob.glob(os.path.join(root, "attributions", "*.ann"))):
        key = os.path.basename(p).rsplit("_", 1)[0]
        if tune and not in_dev(key):
            continue
        anns.setdefault(key, p)  # first annotator in sorted order
    texts, gold, gold_cue_spans, nosource, sourced, contents = [], [], [], [], [], []
    for key, ann in sorted(anns.items()):
        tpath = os.path.join(root, "text", key + ".txt")
        if not os.path.exists(tpath):
            continue
        with open(tpath, encoding="utf-8") as f:
            article = f.read()
        spans, relations = read_brat(ann)
        cues = []
        ns = []
        with_source = []  # (cue start, cue end, source start, source end)
        content = []  # Content spans of every relation
        for label, a in relations:
            if label not in ("Attribution", "Attribution-no-source"):
                continue
            c = spans.get(a.get("Content", ""))
            if c:
                content.append((c[1], c[2]))
            cue = spans.get(a.get("Cue", ""))
            if cue:
                cues.append((cue[1], cue[2]))
                if label == "Attribution-no-source":
                    ns.append((cue[1], cue[2]))
                source = spans.get(a.get("Source", ""))
                if label == "Attribution" and source:
                    with_source.append((cue[1], cue[2], source[1], source[2]))
        for s, e in split_sentences(article):
            texts.append(article[s:e])
            gc = [(max(cs, s) - s, min(ce, e) - s) for cs, ce in cues if cs < e and s < ce]
            gold_cue_spans.append(gc)
            gold.append(bool(gc))
            nosource.append([(cs - s, ce - s) for cs, ce in ns if s <= cs and ce <= e])
            sourced.append([(cs - s, ce - s, ss - s, se - s) for cs, ce, ss, se in with_source
                            if s <= cs and ce <= e and s <= ss and se <= e])
            contents.append([(max(cs, s) - s, min(ce, e) - s) for cs, ce in content if cs < e and s < ce])
    marks = run_marker(args.mark_cmd, texts)
    base = Baseline(load_reference(os.path.join(args.shared, "eval/lexicons_reference/report_verbs.txt")))
    attr = [[m for m in ms if m["category"] == "attribution"] for ms in marks]
    pred_spans = [[(m["start"], m["end"]) for m in ms] for ms in attr]
    base_spans = [base.spans(t) for t in texts]
    name = "attribution PolNeAR (%s, n=%d)" % (split, len(texts))
    p, r, f = sentence_scores(gold, [bool(s) for s in pred_spans])
    bp, br, bf = sentence_scores(gold, [bool(s) for s in base_spans])
    row(name, "sentence P", p, bp)
    row(name, "sentence R", r, br)
    row(name, "sentence F1", f, bf, 0.88)
    tp, tr, tf = token_scores(texts, gold_cue_spans, pred_spans)
    btp, btr, btf = token_scores(texts, gold_cue_spans, base_spans)
    row(name, "cue token P", tp, btp)
    row(name, "cue token R", tr, btr)
    row(name, "cue token F1", tf, btf, 0.80)
    total = hit_anon = hit_any = hit_base = 0
    named_hits = []
    for t, ns, ms, bs in zip(texts, nosource, attr, base_spans):
        for cs, ce in ns:
            total += 1
            over = [m for m in ms if m["start"] < ce and cs < m["end"]]
            hit_any += bool(over)
            hit_anon += any(m.get("source_kind") != "named" for m in over)
            hit_base += any(s < ce and cs < e for s, e in bs)
            if over and not any(m.get("source_kind") != "named" for m in over):
                m = over[0]
                src = t[m["source_start"]:m["source_end"]] if m.get("source_start") is not None else ""
                named_hits.append("%s [%s] source=%r" % (t[:m["start"]][-50:], t[m["start"]:m["end"]], src))
    if total:
        row(name, "no-source recall (anon/none mark)", hit_anon / total, None, 0.60)
        row(name, "no-source recall (any attribution)", hit_any / total, hit_base / total)
    # Sources: for each gold relation whose Source lies in the cue's sentence and whose cue a
    # mark overlaps, the mark's source span against the gold Source, by word tokens; and how
    # often the mark calls such a relation sourceless ("none").
    stp = sfp = sfn = found = called_none = 0
    for t, rels, ms in zip(texts, sourced, attr):
        for cs, ce, ss, se in rels:
            over = [m for m in ms if m["start"] < ce and cs < m["end"]]
            if not over:
                continue
            found += 1
            m = over[0]
            if m.get("source_start") is None:
                called_none += m.get("source_kind") == "none"
                ours = set()
            else:
                ours = token_set(t, [(m["source_start"], m["source_end"])])
            theirs = token_set(t, [(ss, se)])
            stp += len(ours & theirs)
            sfp += len(ours - theirs)
            sfn += len(theirs - ours)
    if found:
        sp, sr, sf = prf(stp, sfp, sfn)
        row(name, "source token P (cue found)", sp, None)
        row(name, "source token R (cue found)", sr, None)
        row(name, "source token F1 (cue found)", sf, None)
        row(name, "sourced cue called 'none'", called_none / found, None)
    # Whose words (beyond the protocol): an evaluative, hedge or booster mark that starts inside
    # a gold Content span is the cited source's; elsewhere, the outlet's. The share of such marks
    # whose voice agrees ("outlet" vs any other voice), and the same for a marker that calls
    # every mark the outlet's own.
    agree = agree_outlet = voiced = 0
    disagree = []
    for t, cs_, ms in zip(texts, contents, marks):
        for m in ms:
            if m["category"] not in ("evaluative", "hedge", "booster"):
                continue
            voiced += 1
            cited = any(a <= m["start"] < b for a, b in cs_)
            ours = m.get("voice", "outlet") != "outlet"
            agree += cited == ours
            agree_outlet += not cited
            if cited != ours:
                disagree.append("%s gold=%s [%s] | %s" % ("cited" if ours else "outlet",
                                "cited" if cited else "outlet", t[m["start"]:m["end"]], t[:200]))
    if voiced:
        row(name, "voice agrees with Content (share)", agree / voiced, agree_outlet / voiced, 0.90)
    if args.article_voice:
        share, base_share = article_voice(args.article_voice, root, anns)
        row(name, "voice agrees, whole articles", share, base_share)
    show_errors("attribution", texts, gold, [bool(s) for s in pred_spans], marks, args.errors)
    if args.errors:
        print("voice disagreements (ours, gold):")
        for d in disagree[:args.errors]:
            print("  ", d)
        print("no-source cues marked with a named source:")
        for h in named_hits[:args.errors]:
            print("  ", h)
        missed = {}
        for t, gc, ps in zip(texts, gold_cue_spans, pred_spans):
            for s, e in gc:
                if not any(a < e and s < b for a, b in ps):
                    w = t[s:e].lower()
                    missed[w] = missed.get(w, 0) + 1
        print("missed cues:", sorted(missed.items(), key=lambda x: -x[1])[:60])
        extra = {}
        for t, gc, ps in zip(texts, gold_cue_spans, pred_spans):
            for s, e in ps:
                if not any(a < e and s < b for a, b in gc):
                    w = t[s:e].lower()
                    extra[w] = extra.get(w, 0) + 1
        print("spurious cues:", sorted(extra.items(), key=lambda x: -x[1])[:60])


def article_voice(parallax, root, anns):
    """The voice measure above on whole articles: `parallax mark ARTICLE` splits each article
    itself and pairs quotation marks within paragraphs, as production does, so a sentence inside
    a quotation opened by an earlier sentence counts as quoted. Returns (share, share when
    every mark is the outlet's)."""
    agree = agree_outlet = voiced = 0
    for key, ann in sorted(anns.items()):
        tpath = os.path.join(root, "text", key + ".txt")
        if not os.path.exists(tpath):
            continue
        with open(tpath, encoding="utf-8") as f:
            article = f.read()
        spans, relations = read_brat(ann)
        content = [spans[a["Content"]][1:] for label, a in relations
                   if label in ("Attribution", "Attribution-no-source") and a.get("Content") in spans]
        b2c = {}
        pos = 0
        for i, ch in enumerate(article):
            b2c[pos] = i
            pos += len(ch.encode("utf-8"))
        b2c[pos] = len(article)
        out = subprocess.run([parallax, "mark", tpath, "--data-dir", REPO, "--threads", "1"],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            sys.exit("parallax mark %s failed (%d): %s" % (tpath, out.returncode, out.stderr[:2000]))
        for line in out.stdout.splitlines():
            for m in json.loads(line).get("marks", []):
                if m["category"] not in ("evaluative", "hedge", "booster"):
                    continue
                start = b2c.get(m["start"], 0)
                cited = any(a <= start < b for a, b in content)
                voiced += 1
                agree += cited == (m.get("voice", "outlet") != "outlet")
                agree_outlet += not cited
    return agree / max(1, voiced), agree_outlet / max(1, voiced)


# ---------------------------------------------------------------- loaded language: BABE, BASIL


BABE_CSV = "eval/babe/final_labels_SG2.csv"


def babe_sentences(shared, split):
    """Yields (text, biased, spans) for the BABE sentences of `split` labelled Biased or
    Non-biased: spans are the character offsets of each occurrence of its biased_words."""
    with open(os.path.join(shared, BABE_CSV), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f, delimiter=";"):
            if r["label_bias"] not in ("Biased", "Non-biased") or not want_split(r["text"], split):
                continue
            t = r["text"]
            spans = []
            for w in re.findall(r"'([^']*)'", r.get("biased_words") or ""):
                for m in re.finditer(r"\b" + re.escape(w) + r"\b", t, re.I):
                    spans.append((m.start(), m.end()))
            yield t, r["label_bias"] == "Biased", spans


def basil_sentences(shared, split):
    """Yields (triplet-uuid, sentence, lex spans) for every sentence of the BASIL articles of
    `split`, in file order: lex spans are the character offsets of its `lex` annotations."""
    root = os.path.join(shared, "eval/basil")
    for apath in sorted(glob.glob(os.path.join(root, "articles", "*", "*.json"))):
        with open(apath, encoding="utf-8") as f:
            art = json.load(f)
        uuid = art.get("triplet-uuid", "")
        if not want_split(uuid, split):
            continue
        npath = apath.replace("/articles/", "/annotations/").replace(".json", "_ann.json")
        anns = []
        if os.path.exists(npath):
            with open(npath, encoding="utf-8") as f:
                anns = json.load(f).get("phrase-level-annotations", [])
        lex = {}
        for a in anns:
            if a.get("bias") == "lex":
                lex.setdefault(int(a["id"][1:]), []).append((int(a["start"]), int(a["end"])))
        sents = [s for para in art.get("body-paragraphs", []) for s in para]
        for k, s in enumerate(sents):
            yield uuid, s, lex.get(k, [])


def eval_babe(args, split):
    path = os.path.join(args.shared, BABE_CSV)
    if not os.path.exists(path):
        print("skip BABE: %s not found" % path)
        return
    texts, gold, gold_spans = [], [], []
    for t, biased, spans in babe_sentences(args.shared, split):
        texts.append(t)
        gold.append(biased)
        gold_spans.append(spans)
    marks = run_marker(args.mark_cmd, texts)
    base = Baseline(load_reference(os.path.join(args.shared, "eval/lexicons_reference/bias-lexicon.txt")))
    pred_spans = [[(m["start"], m["end"]) for m in ms if m["category"] == "evaluative"] for ms in marks]
    base_spans = [base.spans(t) for t in texts]
    pred = [bool(s) for s in pred_spans]
    bpred = [bool(s) for s in base_spans]
    name = "loaded BABE (%s, n=%d)" % (split, len(texts))
    p, r, f = sentence_scores(gold, pred)
    bp, br, bf = sentence_scores(gold, bpred)
    row(name, "Biased P", p, bp)
    row(name, "Biased R", r, br)
    row(name, "Biased F1", f, bf)
    row(name, "macro-F1", macro_f1(gold, pred), macro_f1(gold, bpred), 0.65)
    row(name, "macro-F1 all-biased", macro_f1(gold, [True] * len(gold)), None)
    row(name, "sentences marked (share)", sum(pred) / len(pred), sum(bpred) / len(bpred))
    row(name, "biased_words token F1", token_scores(texts, gold_spans, pred_spans)[2],
        token_scores(texts, gold_spans, base_spans)[2])
    show_errors("BABE", texts, gold, pred, marks, args.errors)
    if args.errors:
        fp_words, tp_words = {}, {}
        for t, g, ms in zip(texts, gold, marks):
            for m in ms:
                if m["category"] == "evaluative":
                    d = tp_words if g else fp_words
                    w = m["entry"]
                    d[w] = d.get(w, 0) + 1
        ratio = sorted(((fp_words.get(w, 0), tp_words.get(w, 0), w) for w in set(fp_words) | set(tp_words)),
                       key=lambda x: -x[0] + x[1])
        print("entries (fp, tp):", ratio[:60])


def eval_basil(args, split):
    root = os.path.join(args.shared, "eval/basil")
    if not os.path.isdir(root):
        print("skip BASIL: %s not found" % root)
        return
    texts, gold, gold_spans = [], [], []
    for _, s, spans in basil_sentences(args.shared, split):
        texts.append(s)
        gold_spans.append(spans)
        gold.append(bool(spans))
    marks = run_marker(args.mark_cmd, texts)
    base = Baseline(load_reference(os.path.join(root, "..", "lexicons_reference/bias-lexicon.txt")))
    pred_spans = [[(m["start"], m["end"]) for m in ms if m["category"] == "evaluative"] for ms in marks]
    base_spans = [base.spans(t) for t in texts]
    pred = [bool(s) for s in pred_spans]
    bpred = [bool(s) for s in base_spans]
    name = "loaded BASIL lex (%s, n=%d)" % (split, len(texts))
    p, r, f = sentence_scores(gold, pred)
    bp, br, bf = sentence_scores(gold, bpred)
    row(name, "sentence P", p, bp)
    row(name, "sentence R", r, br)
    row(name, "sentence F1", f, bf, 0.30)
    row(name, "sentence F1 always-positive", sentence_scores(gold, [True] * len(gold))[2], None)
    row(name, "lex span token R", token_scores(texts, gold_spans, pred_spans)[1],
        token_scores(texts, gold_spans, base_spans)[1], 0.45)
    row(name, "lex span token F1", token_scores(texts, gold_spans, pred_spans)[2],
        token_scores(texts, gold_spans, base_spans)[2])
    show_errors("BASIL", texts, gold, pred, marks, args.errors)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "train", "tune"],
                    help="tune: the held-out fifth of PolNeAR train (attribution only)")
    ap.add_argument("--tasks", default="hedge,attribution,babe,basil")
    ap.add_argument("--mark-cmd", default=None,
                    help="command reading a file of sentences (appended) and printing JSONL marks")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--errors", type=int, default=0, help="print N false positives/negatives per task")
    ap.add_argument("--article-voice", metavar="PARALLAX", default=None,
                    help="also score voice on whole PolNeAR articles through `PARALLAX mark FILE` "
                         "(quotes paired within paragraphs, as in production; slower)")
    args = ap.parse_args()
    if args.mark_cmd is None:
        args.mark_cmd = "%s mark --lines --format jsonl --data-dir %s" % (
            os.path.join(REPO, "build", "engine", "cli", "parallax"), REPO)
    tasks = args.tasks.split(",")
    if args.split == "tune" and tasks != ["attribution"]:
        sys.exit("--split tune is for --tasks attribution only")
    if "hedge" in tasks:
        eval_hedge(args, args.split)
    if "attribution" in tasks:
        eval_attribution(args, args.split)
    if "babe" in tasks:
        eval_babe(args, args.split)
    if "basil" in tasks:
        eval_basil(args, args.split)
    print_rows()


if __name__ == "__main__":
    main()
