"""Summarises bench/stream-layout's files (argv: OUTDIR N [CSV_OUT]): median GB/s per build, model and p, over all passes,
against likwid-bench's median at the same thread count (1 or the cores; mpi and fork at p use
the p-thread figure). A configuration with a rep that did not verify shows its status in
place of a figure: none of its reps is counted. Bad input (no OUTDIR, an N that is not a
positive count, a missing or non-pk file, no pk rows) is one line on stderr and exit 2, before
anything is written."""
import csv
import glob
import math
import os
import statistics
import sys

import bench_files


def die(message):
    bench_files.die("stream_layout", message)


def read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError as e:
        die(f"cannot read {path}: {e.strerror or e}")


if len(sys.argv) not in (3, 4):
    die("usage: stream_layout.py OUTDIR N [CSV_OUT]")
out = sys.argv[1]
if not sys.argv[2].isdigit() or int(sys.argv[2]) < 1:
    die(f"N must be stream's element count, not '{sys.argv[2]}'")
n = int(sys.argv[2])
if not os.path.isdir(out):
    die(f"no such directory: {out}")
likwid = {}
lpath = os.path.join(out, "likwid.csv")
for i, line in enumerate(read(lpath).splitlines(), 1):
    try:
        t, v = line.strip().split(",")
        t, v = int(t), float(v)
    except ValueError:
        die(f"{lpath}:{i}: not 'threads,GB/s': '{line.strip()[:60]}'")
    if not math.isfinite(v) or v <= 0:
        die(f"{lpath}:{i}: GB/s '{v}' is not a finite positive figure")
    likwid.setdefault(t, []).append(v)
ref = {t: statistics.median(v) for t, v in likwid.items()}
builds = {}
pages = {}
failed = {}  # build -> (model, p) -> status of a rep that did not verify
paths = sorted(glob.glob(os.path.join(out, "*-[0-9]*.csv")))
if not paths:
    die(f"no pk results files (NAME-PASS.csv) in {out}")
rows_seen = 0
for path in paths:
    build = os.path.basename(path).rsplit("-", 1)[0]
    try:
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            if "kernel" not in (reader.fieldnames or []):
                die(f"{path}: not a pk results file (no kernel column)")
            rows = list(reader)
    except (OSError, csv.Error, UnicodeDecodeError) as e:
        die(f"cannot read {path}: {e}")
    for row in rows:
        rows_seen += 1
        try:
            key = (row["model"], int(row["workers"]))
        except (KeyError, TypeError, ValueError):
            die(f"{path}: not a pk results file (model/workers)")
        pages.setdefault(build, {})[key] = row.get("pages", "-")
        builds.setdefault(build, {}).setdefault(key, [])
        if row.get("status") != "ok":
            failed.setdefault(build, {}).setdefault(key, (row.get("status") or "?").upper())
            continue
        try:
            t = float(row["time_s"])
        except (KeyError, TypeError, ValueError):
            die(f"{path}: time_s '{row.get('time_s')}' is not a number")
        if not math.isfinite(t) or t <= 0:
            die(f"{path}: time_s '{row['time_s']}' is not a finite positive time")
        builds[build][key].append(24 * n / t / 1e9)
if rows_seen == 0:
    die(f"no pk rows in {out}'s results files")
for b, keys in failed.items():  # a configuration with a failed rep has no figure
    for key in keys:
        builds[b][key] = []
cpu, setup = read(os.path.join(out, "cpu")), read(os.path.join(out, "setup"))
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
print(cpu)
print(setup)
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
            status = failed.get(b, {}).get((m, p))
            if status:
                cells += [status, "-"]
            elif v:
                med = statistics.median(v)
                cells.append(f"{med:.1f} ({min(v):.1f}-{max(v):.1f}, {len(v)} reps)")
                cells.append(f"{med / ref[p]:.2f}" if p in ref else "n/a")
            else:
                cells += ["-", "-"]
        print(f"| {m} | {p} | " + " | ".join(cells) + f" | {pages.get(names[-1], {}).get((m, p), '-')} |")
