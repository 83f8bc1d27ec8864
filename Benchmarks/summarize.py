#!/usr/bin/env python3
"""Turns Benchmarks/results/ (written by run.sh) into the RESULTS.md table, on stdout."""
import glob
import json
import os
import statistics
import sys

NAMES = {
    "ours-1": "safetyplan batch -o FILE, --jobs 1 (records with ages)",
    "ours-noage": "safetyplan batch -o FILE, --jobs 1, the same records without ages",
    "generate": "safetyplan generate (the preparation sample), one document",
    "fill": "safetyplan fill maintenance-support (the sample), one document",
    "handout": "safetyplan handout youth --stage contemplation, one document",
    "ours-j": "safetyplan batch -o FILE, --jobs %s (default)",
    "ours-dir": "safetyplan batch --output-dir DIR (a file per document), --jobs 1",
    "ours-shm": "safetyplan batch --output-dir DIR, --jobs 1, folder on tmpfs",
    "ours-fresh": "safetyplan batch -o FILE, --jobs 1, previous output removed before each run",
    "ours-freshj": "safetyplan batch -o FILE, --jobs %s, previous output removed before each run",
    "xslt": "XSLT 1.0 (xsltproc)",
    "jinja2": "Python Jinja2",
}
ORDER = ["generate", "fill", "handout", "ours-1", "ours-noage", "ours-j", "ours-fresh", "ours-freshj", "ours-dir", "ours-shm", "xslt", "jinja2"]


def main(res):
    rows = {}
    for path in glob.glob(os.path.join(res, "time-*.json")):
        key = os.path.basename(path)[5:-5]
        a, f, n = key.rsplit("-", 2)
        with open(path) as fh:
            times = [t * 1e3 for t in json.load(fh)["results"][0]["times"]]
        rss = []
        rpath = os.path.join(res, "rss-%s.txt" % key)
        for line in open(rpath):
            p = line.split()
            if len(p) == 2:
                rss.append(int(p[1]) / 1024.0)
        rows[(a, f, int(n))] = (times, rss)
    mi = dict(l.split(": ", 1) for l in open(os.path.join(res, "machine.txt")).read().splitlines() if ": " in l)
    jobs = mi.get("cpu", "x 2").split(" x ")[-1].split()[0]
    med = statistics.median
    w = print
    w("# Benchmark results")
    w("")
    w("Measured %s at commit %s: %s, %s GiB RAM, %s. A **2-core, shared machine**: figures are medians "
      "with (min–max); differences under ~10%% are noise. Load average %s at the start, %s at the end." % (
          mi.get("date_utc"), mi.get("commit"), mi.get("cpu"), mi.get("memory", "?").replace(" GiB", ""), mi.get("os"),
          mi.get("loadavg_start"), mi.get("loadavg_end")))
    w("")
    w("Tools: %s; Python %s; %s; %s." % (mi.get("swift"), mi.get("python"), mi.get("xsltproc"), mi.get("hyperfine")))
    w("")
    runs = lambda n: sorted({len(t) for (a, f, m), (t, r) in rows.items() if (m == 1) == (n == 1)} or {0})
    rss_runs = sorted({len(r) for (t, r) in rows.values()} or {0})
    w(("Wall time: hyperfine `-N` (N=1: %s runs after 3 warm-ups; N≥1000: %s runs after 1 warm-up). Peak RSS: GNU time "
       "`%%M`, %s separate runs.") % ("/".join(map(str, runs(1))), "/".join(map(str, runs(1000))),
                                     "/".join(map(str, rss_runs))) + " µs/doc = median wall ÷ N, start-up included. Every command reads all N records and "
      "renders N documents. Like the anchors, `safetyplan batch -o FILE` writes them into one file (on disk-backed "
      "`/tmp`); the `--output-dir DIR` rows write one private file per document (temporary file and rename), into a "
      "disk-backed folder unless marked tmpfs. Reproduce with "
      "`bash Benchmarks/run.sh`.")
    for f, title in (("html", "HTML"), ("txt", "Text (72 columns)")):
        w("")
        w("## %s" % title)
        w("")
        w("| Tool | N | Wall ms, median (min–max) | µs/doc | Peak RSS MiB, median (min–max) |")
        w("|---|---:|---:|---:|---:|")
        for a in ORDER:
            for n in (1, 1000, 10000):
                r = rows.get((a, f, n))
                if not r:
                    continue
                t, rss = r
                p = 1 if med(t) < 100 else 0
                name = NAMES[a] % jobs if "%s" in NAMES[a] else NAMES[a]
                w("| %s | %d | %.*f (%.*f–%.*f) | %s | %s |" % (
                    name, n, p, med(t), p, min(t), p, max(t), "%.0f" % (med(t) * 1e3 / n) if n > 1 else "–",
                    "%.1f (%.1f–%.1f)" % (med(rss), min(rss), max(rss)) if rss else "–"))
    w("")
    w("## Ratios at N = 10 000 (median wall)")
    w("")
    w("| Format | safetyplan -o FILE --jobs 1 µs/doc | with ages ÷ without | Jinja2 wall ÷ ours | xsltproc wall ÷ ours | previous output removed: µs/doc, jobs 1 / default | --output-dir DIR µs/doc (disk) | --output-dir DIR µs/doc (tmpfs) | RSS N=10000 ÷ N=1000 |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for f in ("html", "txt"):
        o, j, x, o1k = rows.get(("ours-1", f, 10000)), rows.get(("jinja2", f, 10000)), rows.get(("xslt", f, 10000)), rows.get(("ours-1", f, 1000))
        if not (o and j and x and o1k):
            continue
        shm, d = rows.get(("ours-shm", f, 10000)), rows.get(("ours-dir", f, 10000))
        fr, frj = rows.get(("ours-fresh", f, 10000)), rows.get(("ours-freshj", f, 10000))
        na = rows.get(("ours-noage", f, 10000))
        w("| %s | %.1f | %s | %.2f | %.2f | %s / %s | %s | %s | %.2f |" % (
            f, med(o[0]) * 1e3 / 10000, "%.2f" % (med(o[0]) / med(na[0])) if na else "–", med(j[0]) / med(o[0]), med(x[0]) / med(o[0]),
            "%.1f" % (med(fr[0]) * 1e3 / 10000) if fr else "–", "%.1f" % (med(frj[0]) * 1e3 / 10000) if frj else "–",
            "%.0f" % (med(d[0]) * 1e3 / 10000) if d else "–",
            "%.0f" % (med(shm[0]) * 1e3 / 10000) if shm else "–", med(o[1]) / med(o1k[1])))
    w("")
    w("A ratio above 1 means safetyplan is faster.")
    vpath = os.path.join(res, "verify.txt")
    if os.path.exists(vpath):
        w("")
        w("## Same documents (N=1000, `Benchmarks/verify.py`)")
        w("")
        w("```")
        w(open(vpath).read().rstrip())
        w("```")


if __name__ == "__main__":
    main(sys.argv[1])
