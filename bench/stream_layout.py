"""Summarises bench/stream-layout's files (argv: OUTDIR N [CSV_OUT]): median GB/s per build, model and p, over all passes,
against likwid-bench's median at the same thread count (1 or the cores; mpi and fork at p use
the p-thread figure)."""
import csv
import glob
import os
import statistics
import sys

out, n = sys.argv[1], int(sys.argv[2])
likwid = {}
with open(os.path.join(out, "likwid.csv")) as f:
    for line in f:
        t, v = line.strip().split(",")
        likwid.setdefault(int(t), []).append(float(v))
ref = {t: statistics.median(v) for t, v in likwid.items()}
builds = {}
pages = {}
for path in sorted(glob.glob(os.path.join(out, "*-[0-9]*.csv"))):
    build = os.path.basename(path).rsplit("-", 1)[0]
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["status"] != "ok" or not row["time_s"]:
                continue
            key = (row["model"], int(row["workers"]))
            builds.setdefault(build, {}).setdefault(key, []).append(24 * n / float(row["time_s"]) / 1e9)
            pages.setdefault(build, {})[key] = row.get("pages", "-")
models = ["serial", "openmp", "threads", "fork", "mpi"]
if len(sys.argv) > 3:  # every figure, one row each: what the summary below is made of
    with open(sys.argv[3], "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "model", "workers", "size", "gbps", "pages"])
        for t, vs in sorted(likwid.items()):
            for v in vs:
                w.writerow(["likwid-stream_avx", "-", t, n, v, "-"])
        for b in sorted(builds):
            for (m, p), vs in sorted(builds[b].items()):
                for v in vs:
                    w.writerow([b, m, p, n, f"{v:.4f}", pages[b][(m, p)]])
print(open(os.path.join(out, "cpu")).read().strip())
print(open(os.path.join(out, "setup")).read().strip())
print("likwid-bench stream_avx triad, median GB/s: " +
      ", ".join(f"{t} thread(s) {ref[t]:.1f} (min {min(likwid[t]):.1f}, max {max(likwid[t]):.1f}, {len(likwid[t])} runs)" for t in sorted(ref)))
print()
names = sorted(builds, key=lambda b: (b != "before", b))
print("| model | p | " + " | ".join(f"{b} GB/s | {b} / likwid" for b in names) + " | pages (" + names[-1] + ") |")
print("|---|---|" + "---|---|" * len(names) + "---|")
for m in models:
    for p in sorted({k[1] for b in builds.values() for k in b if k[0] == m}):
        cells = []
        for b in names:
            v = builds[b].get((m, p))
            if v:
                med = statistics.median(v)
                cells.append(f"{med:.1f} ({min(v):.1f}-{max(v):.1f}, {len(v)} reps)")
                cells.append(f"{med / ref[p]:.2f}" if p in ref else "n/a")
            else:
                cells += ["-", "-"]
        print(f"| {m} | {p} | " + " | ".join(cells) + f" | {pages.get(names[-1], {}).get((m, p), '-')} |")
