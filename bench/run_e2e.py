#!/usr/bin/env python3
"""End-to-end benchmark: Parallax vs the peer vs a bare Xapian loop, at 1x, 4x and 16x.

In one run, on the same machine:
  1. builds the corpus (bench/corpus_builder.py: BASIL + PolNeAR, all splits) at every scale, as JSONL in a
     temporary folder (never in the repository);
  2. runs `parallax report CORPUS -o R.html --json R.json --timings` at every scale and `parallax batch` at the
     batch scales, each under /usr/bin/time -v (peak RSS) and an address-space limit (--mem-limit-gib: the
     machine is shared; a run over the limit is reported as such instead of taking the machine's memory);
  3. runs the bare Xapian loop (build/bench/bare_index_loop: TermGenerator + add_document + commit on disk)
     over the sentences Parallax splits from the same corpus;
  4. runs the peer (/work/shared/bench/python_peer.py, Debian's python3 + python3-sklearn) at the peer scales;
  5. times the seeds' report (examples/seeds, two articles) with hyperfine, start-up included;
then prints per-stage seconds, sentences/s, peak RSS, growth ratios, Parallax/peer ratios end to end and per
comparable stage, report/bare-loop ratios and the issue's goals with PASS/FAIL.

Every timed command runs --repeat times (default 3) and the median is reported: other processes share the
cores, so single runs are noisy.

Usage: bench/run_e2e.py [--build DIR] [--scales 1 4 16] [--peer-scales 1 4] [--batch-scales 1] [--repeat N]
                        [--threads N] [--mem-limit-gib G] [--work DIR] [--no-peer] [--no-bare] [--no-seeds]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PEER = os.path.join(REPO, "..", "shared", "bench", "python_peer.py")

# Parallax stages (from --timings) grouped as the peer's stages are, for the per-stage ratios.
COMPARABLE = [
    ("split", ["split"], ["split"]),
    ("similarity+neighbours", ["align.model", "align.features", "align.candidates", "align.claims"],
     ["tfidf", "knn"]),
    ("lexicon", ["mark"], ["lexicon"]),
]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def timed(cmd, mem_limit_bytes=None, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns (ok, wall seconds, peak RSS MiB, stdout, stderr)."""
    full = ["/usr/bin/time", "-v"]
    if mem_limit_bytes:
        full += ["prlimit", "--as=%d" % mem_limit_bytes, "--"]
    full += cmd
    start = time.monotonic()
    p = subprocess.run(full, capture_output=True, text=True, cwd=cwd)
    wall = time.monotonic() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    if m:
        wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    return (p.returncode == 0, wall, int(rss.group(1)) / 1024.0 if rss else None, p.stdout, p.stderr)


def parse_timings(stderr):
    stages = {}
    for m in re.finditer(r"^parallax: time (\S+) ([\d.]+)", stderr, re.M):
        stages[m.group(1)] = float(m.group(2))
    return stages


def run_parallax(args, kind, corpus, out_dir, scale):
    """Runs report or batch --repeat times; returns a dict of medians (or an error)."""
    runs = []
    for r in range(args.repeat):
        if kind == "report":
            cmd = [args.parallax, "report", corpus, "-o", os.path.join(out_dir, "report-%dx.html" % scale),
                   "--json", os.path.join(out_dir, "report-%dx.json" % scale)]
        else:
            target = os.path.join(out_dir, "batch-%dx" % scale)
            shutil.rmtree(target, ignore_errors=True)  # a re-run would skip unchanged files
            cmd = [args.parallax, "batch", corpus, "-o", target]
        cmd += ["--timings"]
        if args.threads:
            cmd += ["--threads", str(args.threads)]
        ok, wall, rss, _, err = timed(cmd, args.mem_limit_gib * 2**30 if args.mem_limit_gib else None)
        log("  %s %dx run %d: %s %.2f s, peak RSS %s MiB" % (kind, scale, r + 1, "ok" if ok else "FAILED", wall,
                                                             "%.0f" % rss if rss else "?"))
        if not ok:
            # What the program said, without /usr/bin/time's report (which starts at "Command ...").
            said = err.split("\tCommand being timed")[0].strip().splitlines()
            said = [l for l in said if not l.startswith("parallax: time ")]
            stages = parse_timings(err)
            return {"error": " / ".join(said[-2:]) or "exit status %s" % ok, "rss": rss, "wall": wall,
                    "stages": stages}
        runs.append((wall, rss, parse_timings(err)))
    stages = {}
    for name in runs[0][2]:
        stages[name] = median([t.get(name) for _, _, t in runs])
    return {"wall": median([w for w, _, _ in runs]), "rss": max(r for _, r, _ in runs if r), "stages": stages,
            "walls": [w for w, _, _ in runs]}


def run_bare(args, corpus):
    p = subprocess.run([args.bare, "--repetitions", str(args.repeat), corpus], capture_output=True, text=True)
    if p.returncode != 0:
        return {"error": p.stderr.strip()}
    sentences = int(re.search(r"(\d+) sentences", p.stdout).group(1))
    med = float(re.search(r"median ([\d.]+) s", p.stdout).group(1))
    return {"sentences": sentences, "seconds": med}


def run_peer(args, scale):
    runs = []
    for r in range(args.peer_repeat):
        ok, wall, rss, out, err = timed(["/usr/bin/python3", PEER, str(scale)])
        if not ok:
            return {"error": err.strip().splitlines()[-1] if err.strip() else "failed"}
        stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"^peer \d+x (\w+) ([\d.]+)$", out, re.M)}
        sentences = int(re.search(r"sentences (\d+)", out).group(1))
        log("  peer %dx run %d: %.2f s wall, stages %.2f s, peak RSS %.0f MiB" % (scale, r + 1, wall,
                                                                                stages.get("total", 0), rss))
        runs.append((wall, rss, stages, sentences))
    stages = {}
    for name in runs[0][2]:
        stages[name] = median([s.get(name) for _, _, s, _ in runs])
    return {"wall": median([w for w, _, _, _ in runs]), "rss": max(r for _, r, _, _ in runs), "stages": stages,
            "sentences": runs[0][3]}


def run_seeds(args, out_dir):
    seeds = os.path.join(REPO, "examples", "seeds", "corpus.yaml")
    out = os.path.join(out_dir, "seeds.html")
    cmd = [args.parallax, "report", seeds, "-o", out]
    if shutil.which("hyperfine"):
        export = os.path.join(out_dir, "seeds-hyperfine.json")
        p = subprocess.run(["hyperfine", "--warmup", "2", "--runs", "20", "--export-json", export,
                            "--style", "none", " ".join(cmd)], capture_output=True, text=True)
        if p.returncode == 0:
            with open(export) as fh:
                result = json.load(fh)["results"][0]
            return {"median": result["median"], "mean": result["mean"], "max": result["max"], "tool": "hyperfine"}
    walls = []
    for _ in range(20):
        start = time.monotonic()
        subprocess.run(cmd, capture_output=True)
        walls.append(time.monotonic() - start)
    return {"median": statistics.median(walls), "mean": statistics.mean(walls), "max": max(walls), "tool": "loop"}


def fmt(v, spec="%.2f"):
    return "-" if v is None else spec % v


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--scales", nargs="+", type=int, default=[1, 4, 16])
    ap.add_argument("--peer-scales", nargs="*", type=int, default=[1, 4])
    ap.add_argument("--batch-scales", nargs="*", type=int, default=[1])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--peer-repeat", type=int, default=1, help="the peer is slow; default one run per scale")
    ap.add_argument("--threads", type=int, default=0, help="parallax --threads (0: one per core)")
    ap.add_argument("--mem-limit-gib", type=float, default=6.0, help="address-space limit per parallax run")
    ap.add_argument("--work", default="")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--no-bare", action="store_true")
    ap.add_argument("--no-seeds", action="store_true")
    args = ap.parse_args()
    args.parallax = os.path.join(args.build, "engine", "cli", "parallax")
    args.bare = os.path.join(args.build, "bench", "bare_index_loop")
    if not os.access(args.parallax, os.X_OK):
        sys.exit("run_e2e: no parallax binary at %s (build the 'parallax' target)" % args.parallax)
    if not args.no_bare and not os.access(args.bare, os.X_OK):
        sys.exit("run_e2e: no %s (configure with -DPARALLAX_BUILD_BENCHMARKS=ON, build 'bare_index_loop')"
                 % args.bare)

    work = args.work or tempfile.mkdtemp(prefix="parallax-e2e-")
    out_dir = os.path.join(work, "out")
    os.makedirs(out_dir, exist_ok=True)
    scales = sorted(set(args.scales) | set(args.batch_scales))
    log("corpus: building %s in %s" % (scales, work))
    subprocess.run([sys.executable, os.path.join(HERE, "corpus_builder.py"), "--out", work] + [str(s) for s in scales],
                   check=True, stdout=subprocess.DEVNULL)
    corpus = {k: os.path.join(work, "corpus-%dx.jsonl" % k) for k in scales}

    results = {"cores": os.cpu_count(), "report": {}, "batch": {}, "bare": {}, "peer": {}}
    for k in args.scales:
        log("parallax report %dx" % k)
        results["report"][k] = run_parallax(args, "report", corpus[k], out_dir, k)
    for k in args.batch_scales:
        log("parallax batch %dx" % k)
        results["batch"][k] = run_parallax(args, "batch", corpus[k], out_dir, k)
    if not args.no_bare:
        for k in args.scales:
            log("bare Xapian loop %dx" % k)
            results["bare"][k] = run_bare(args, corpus[k])
    if not args.no_peer:
        for k in args.peer_scales:
            log("peer %dx" % k)
            results["peer"][k] = run_peer(args, k)
    if not args.no_seeds:
        log("seeds report")
        results["seeds"] = run_seeds(args, out_dir)

    print_tables(args, results)
    with open(os.path.join(work, "results.json"), "w") as fh:
        json.dump(results, fh, indent=1)
    log("raw results: %s" % os.path.join(work, "results.json"))


def print_tables(args, res):
    print("\n== machine: %d cores; parallax --threads %s; medians of %d runs (peer: %d) ==" %
          (res["cores"], args.threads or "auto", args.repeat, args.peer_repeat))
    stage_names = []
    for kind in ("report", "batch"):
        for r in res[kind].values():
            for name in r.get("stages", {}):
                if name not in stage_names:
                    stage_names.append(name)
    rows = [(kind, k, r) for kind in ("report", "batch") for k, r in sorted(res[kind].items())]
    print("\n-- parallax per-stage wall seconds (from --timings) --")
    print("%-22s" % "stage" + "".join("%12s" % ("%s %dx" % (kind, k)) for kind, k, _ in rows))
    for name in stage_names:
        print("%-22s" % name + "".join("%12s" % fmt(r.get("stages", {}).get(name), "%.3f") for _, _, r in rows))
    print("%-22s" % "process wall" + "".join("%12s" % fmt(r.get("wall")) for _, _, r in rows))
    print("%-22s" % "peak RSS MiB" + "".join("%12s" % fmt(r.get("rss"), "%.0f") for _, _, r in rows))
    for kind, k, r in rows:
        if "error" in r:
            print("  %s %dx FAILED: %s" % (kind, k, r["error"]))

    print("\n-- throughput and growth --")
    base = res["report"].get(1, {})
    for k, r in sorted(res["report"].items()):
        sentences = res["bare"].get(k, {}).get("sentences")
        wall = r.get("wall") if "error" not in r else None
        print("report %2dx: %s s, %s sentences, %s sentences/s, peak %s MiB, time %dx/1x = %s" % (
            k, fmt(wall), sentences or "-", fmt(ratio(sentences, wall), "%.0f"), fmt(r.get("rss"), "%.0f"), k,
            fmt(ratio(wall, base.get("wall") if "error" not in base else None))))

    if res["bare"]:
        print("\n-- report vs bare Xapian loop (same sentences, on disk) --")
        for k, b in sorted(res["bare"].items()):
            r = res["report"].get(k, {})
            wall = r.get("wall") if "error" not in r else None
            print("%2dx: bare loop %s s (%s sentences/s); report %s s; report/bare = %s" % (
                k, fmt(b.get("seconds")), fmt(ratio(b.get("sentences"), b.get("seconds")), "%.0f"), fmt(wall),
                fmt(ratio(wall, b.get("seconds")))))

    if res["peer"]:
        print("\n-- parallax vs peer (peer/parallax = how many times faster Parallax is) --")
        for k, p in sorted(res["peer"].items()):
            r = res["report"].get(k, {})
            if "error" in p:
                print("%2dx: peer FAILED: %s" % (k, p["error"]))
                continue
            ps, rs = p["stages"], r.get("stages", {})
            wall = r.get("wall") if "error" not in r else None
            print("%2dx: peer %s s wall (%s s in its stages, %d sentences, %.0f MiB); parallax %s s; "
                  "peer/parallax end to end = %s" % (k, fmt(p["wall"]), fmt(ps.get("total")), p["sentences"],
                                                     p["rss"], fmt(wall), fmt(ratio(p["wall"], wall))))
            for label, ours, theirs in COMPARABLE:
                a = sum(rs.get(s, 0) for s in ours) if rs else None
                b = sum(ps.get(s, 0) for s in theirs)
                print("     %-22s parallax %s s (%s)  peer %s s (%s)  peer/parallax = %s" % (
                    label, fmt(a, "%.3f"), "+".join(ours), fmt(b, "%.3f"), "+".join(theirs), fmt(ratio(b, a))))

    if "seeds" in res:
        s = res["seeds"]
        print("\n-- seeds report (2 articles), start-up included, %s: median %.3f s, mean %.3f s, max %.3f s --" % (
            s["tool"], s["median"], s["mean"], s["max"]))

    print("\n-- goals (report <= 2x the bare loop, 16x <= 20x the 1x time, <= 2 GiB) --")

    def goal(name, value, limit, ok):
        print("%-4s %-48s %s (goal %s)" % ("PASS" if ok else "FAIL", name, value, limit))

    def wall_of(kind, k):
        r = res[kind].get(k, {})
        return None if "error" in r else r.get("wall")

    for k, want in ((1, 5), (4, 10)):
        p = res["peer"].get(k, {})
        x = ratio(p.get("wall"), wall_of("report", k))
        if x is not None:
            goal("end to end vs peer at %dx" % k, "%.2fx faster" % x, ">= %dx" % want, x >= want)
    for k, b in sorted(res["bare"].items()):
        x = ratio(wall_of("report", k), b.get("seconds"))
        if x is not None:
            goal("report / bare Xapian loop at %dx" % k, "%.2f" % x, "<= 2", x <= 2)
    if 16 in res["report"]:
        x = ratio(wall_of("report", 16), wall_of("report", 1))
        goal("time 16x / time 1x", fmt(x), "<= 20", x is not None and x <= 20)
        r16 = res["report"][16]
        goal("peak memory at 16x", "%s MiB%s" % (fmt(r16.get("rss"), "%.0f"), " (run failed)" if "error" in r16
                                                  else ""), "<= 2048 MiB",
             "error" not in r16 and r16.get("rss") is not None and r16["rss"] <= 2048)
    if "seeds" in res:
        goal("seeds report wall", "%.3f s" % res["seeds"]["median"], "< 0.5 s", res["seeds"]["median"] < 0.5)


if __name__ == "__main__":
    main()
