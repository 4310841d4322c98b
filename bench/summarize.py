"""bench/summarize.py: turn one bench run into bench/results/<host>-<date>.csv and .md.

Reads pk's per-rep results files (pk run -o FILE.csv, one row per rep; a configuration's reps
may come from several files, one per pass, and are pooled), the machine context (pk run
--format json of the first pass) and the outside references (refs.csv, one line per
reference, written by bench/run); computes each ratio of pk against its reference, and
compares every figure with the newest earlier result of the same CPU model in --previous.
Called by bench/run; standard library only.
"""
import argparse
import csv
import glob
import json
import os

import bench_files
from bench_files import InputError, fmt, fmt_time, load_pk, num, pool_refs

MODELS = ["serial", "openmp", "threads", "fork", "mpi"]
COMPUTE_BOUND = ["polysum", "mandelbrot", "pi", "montecarlo", "matmul"]
REGRESSION = 1.2  # a figure more than 20% worse than before is printed as a regression
FIELDS = ["host", "date", "cpu", "cores", "commit", "section", "figure", "model", "workers",
          "size", "median", "min", "max", "reps", "unit", "better", "target"]
RSS_TARGET = 1.2
RSS_MIN_ARRAYS = 64 << 20
FLOOR_OF = {"openmp": "openmp", "threads": "pthread", "fork": "fork"}


def die(message):
    bench_files.die("summarize", message)


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        die(f"{message} (usage: summarize.py --pk FILE.csv... --context F --refs F --work DIR "
            "--class C --reps R --order O --warmup W --out PREFIX --previous DIR [--rss F])")


def md(x):
    """A value for a Markdown table cell or heading: no '|' to split the row, no newline."""
    return " ".join(str(x).replace("|", "/").split())


def args():
    a = Parser()
    a.add_argument("--pk", required=True, nargs="+")
    for name in ["context", "refs", "work", "class", "reps", "order", "warmup", "out",
                 "previous"]:
        a.add_argument("--" + name, required=True)
    a.add_argument("--rss", help="bench/rss lines: peak RSS of pk-run against the arrays")
    return a.parse_args()


class Bench:
    def __init__(self, o):
        self.o = o
        configs, _ = load_pk(o.pk)  # InputError: main says it in one line
        try:  # a results CSV holds no context: the first pass's JSON has it
            with open(o.context) as f:
                self.ctx = json.load(f)["context"]
        except (OSError, ValueError, KeyError):
            self.ctx = {}
        self.pk = [r for r in configs if r["status"] == "ok"]
        self.failed = [r for r in configs if r["status"] != "ok"]
        try:
            with open(o.refs, newline="") as f:
                self.refs = pool_refs(list(csv.DictReader(f)))
        except OSError as e:
            raise InputError(f"cannot read {o.refs}: {e.strerror or e}") from None
        except (KeyError, ValueError, TypeError, csv.Error) as e:
            raise InputError(f"{o.refs}: not bench/run's references file ({e!r})") from None
        self.cores = max([r["workers"] for r in self.pk] + [1])
        self.rows = []
        self.rss = []  # (kernel, model, workers, size, array bytes, peak RSS bytes)
        if o.rss and os.path.exists(o.rss):
            with open(o.rss) as f:
                for line in f:
                    x = line.strip().split(",")
                    if len(x) == 7 and x[0] == "rss":
                        self.rss.append((x[1], x[2], int(x[3]), int(x[4]), int(x[5]), int(x[6])))

    # pk's figures -------------------------------------------------------------------------
    def pk_find(self, kernel, model, workers, size):
        for r in self.pk:
            if (r["kernel"], r["model"], r["workers"], r["size"]) == (kernel, model, workers, size):
                return r
        return None

    def main_sizes(self):
        """kernel -> size of its class run (the main run, or the class below when refused)."""
        sizes = {}
        for r in self.pk:
            if r["class"] not in ("", "-") and r["model"] == "serial":
                sizes[r["kernel"]] = r["size"]
        return sizes

    def best(self, kernel, size, p):
        runs = [r for r in self.pk if r["kernel"] == kernel and r["size"] == size
                and r["workers"] == p and r["model"] != "serial"]
        return min(runs, key=lambda r: r["summary"]["median"]) if runs else None

    def efficiency(self, r):
        base = self.pk_find(r["kernel"], "serial", 1, r["size"])
        if not base:
            return None
        return base["summary"]["median"] / (r["summary"]["median"] * r["workers"])

    # references ---------------------------------------------------------------------------
    def ref(self, ref, variant, workers, size=None):
        for r in self.refs:
            if (r["ref"], r["variant"], int(r["workers"])) == (ref, variant, workers) and (
                    size is None or int(r["size"]) == size):
                return r
        return None

    # rows ---------------------------------------------------------------------------------
    def add(self, section, figure, model, workers, size, median, lo, hi, reps, unit, better,
            target=""):
        self.rows.append({
            "section": section, "figure": figure, "model": model, "workers": workers,
            "size": size, "median": f"{median:.6g}", "min": f"{lo:.6g}" if lo is not None else "",
            "max": f"{hi:.6g}" if hi is not None else "", "reps": reps, "unit": unit,
            "better": better, "target": target})

    def collect(self):
        for r in self.pk:
            s = r["summary"]
            self.add("pk", r["kernel"], r["model"], r["workers"], r["size"], s["median"],
                     s["min"], s["max"], len(r["times"]), "s", "lower")
            if r["rate"] is not None:
                per_time = r["unit"].startswith("us/")  # spawn's cost per round: lower is better
                # the figure at the pooled median, min and max its smallest and largest over
                # the reps (bench_files.rate_at: never a pooled rate)
                self.add("pk-rate", r["kernel"], r["model"], r["workers"], r["size"], r["rate"],
                         r["rate_lo"], r["rate_hi"], len(r["times"]), r["unit"],
                         "lower" if per_time else "higher")
        for r in self.refs:
            unit = r["unit"]
            self.add("ref", r["ref"], r["variant"], r["workers"], r["size"], float(r["median"]),
                     num(r["min"]), num(r["max"]), r["reps"], unit,
                     "higher" if unit in ("GB/s", "GFLOP/s") else "lower")
        for k, m, w, n, arrays, peak in self.rss:
            self.add("rss", k, m, w, n, peak / 2**20, None, None, 1, "MiB", "lower")
        self.ratios = []
        sizes = self.main_sizes()
        self.ratio_stream(sizes.get("stream"))
        self.ratio_beside_stream(sizes)
        self.ratio_matmul(sizes.get("matmul"))
        self.ratio_python()
        self.ratio_spawn(sizes.get("spawn"))

    def ratio(self, name, model, workers, size, value, pk_text, ref_text, better, target):
        if value is None:
            return
        self.add("ratio", name, model, workers, size, value, None, None, "", "x", better, target)
        met = ""
        if target:
            limit = float(target[2:])
            met = "yes" if (value >= limit if target[:2] == ">=" else value <= limit) else "NO"
        self.ratios.append((name, model, workers, pk_text, ref_text, value, target, met))

    def ratio_stream(self, n):
        for p in sorted({1, self.cores}):
            ref = self.ref("likwid", "stream_avx-beside", p) or self.ref("likwid", "stream_avx", p)
            for model in MODELS:
                r = self.pk_find("stream", model, p, n) if n else None
                if not ref or not r:
                    continue
                self.ratio("stream/likwid", model, p, n, r["rate"] / float(ref["median"]),
                           f"{r['rate']:.3g} GB/s, pages {'/'.join(sorted(r['pages']))}",
                           f"likwid {ref['variant']} {p} thr {float(ref['median']):.3g} GB/s",
                           "higher", ">=0.95")  # issue 17

    def ratio_beside_stream(self, sizes):  # issue 17: square and stencil stream as stream does
        for kernel, per in (("square", 1), ("stencil", 4)):  # stencil: 16 B a point, 4 flops
            for p in sorted({1, self.cores}):
                for model in MODELS:
                    r = self.pk_find(kernel, model, p, sizes.get(kernel))
                    s = self.pk_find("stream", model, p, sizes.get("stream"))
                    # square's mpi rep scatters x and gathers y (Pool.map's data flow): with
                    # ranks to talk to it is a message cost, not a bandwidth, so no target
                    talks = kernel == "square" and model == "mpi" and p > 1
                    if r and s:
                        self.ratio(f"{kernel}/stream", model, p, r["size"],
                                   r["rate"] * per / s["rate"],
                                   f"{r['rate'] * per:.3g} GB/s", f"stream {s['rate']:.3g} GB/s",
                                   "higher", "" if talks else ">=0.8")

    def ratio_matmul(self, n):
        for p in sorted({1, self.cores}):
            ref = self.ref("dgemm", "openblas", p, n)
            for model in MODELS:
                r = self.pk_find("matmul", model, p, n) if n else None
                if not ref or not r:
                    continue
                self.ratio("matmul/openblas", model, p, n, r["rate"] / float(ref["median"]),
                           f"{r['rate']:.3g} GFLOP/s",
                           f"OpenBLAS n={n} {p} thr {float(ref['median']):.3g} GFLOP/s",
                           "higher", ">=0.3" if model == "serial" else "")

    def ratio_python(self):
        p = self.cores
        for kernel, ways in (("polysum", [("job-serial", 1), ("job-threads", 2),
                                          ("job-processes", 2)]),
                             ("square", [("poolmap", p)])):
            serial = self.pk_find(kernel, "serial", 1, 1000000)
            best = self.best(kernel, 1000000, p)
            for way, workers in ways:
                ref = self.ref("python", way, workers, 1000000)
                if not ref:
                    continue
                t = float(ref["median"])
                for r in (serial, best):
                    if not r:
                        continue
                    targeted = way == "poolmap" or (way == "job-serial" and r is serial)
                    target = ">=200" if targeted else ""
                    self.ratio(f"python {way}/{kernel}", r["model"], r["workers"], 1000000,
                               t / r["summary"]["median"], fmt_time(r["summary"]["median"]),
                               f"Python {way} ({workers}) {fmt_time(t)}", "higher", target)

    def ratio_spawn(self, n):
        p = self.cores
        for model, floor in FLOOR_OF.items():
            ref = self.ref("floor", floor, p)
            r = self.pk_find("spawn", model, p, n) if n else None
            if not ref or not r:
                continue
            self.ratio("spawn/floor", model, p, n, r["rate"] / float(ref["median"]),
                       f"{r['rate']:.3g} us/round",
                       f"bare {floor} {float(ref['median']):.3g} us/round", "lower", "<=2")

    # regressions --------------------------------------------------------------------------
    def previous(self):
        mine = os.path.abspath(self.o.out + ".csv")
        for path in sorted(glob.glob(os.path.join(self.o.previous, "*.csv")), reverse=True):
            if os.path.abspath(path) == mine:
                continue
            with open(path) as f:
                rows = list(csv.DictReader(f))
            if rows and rows[0].get("cpu") == self.ctx.get("cpu"):
                return path, rows
        return None, []

    def regressions(self):
        path, rows = self.previous()
        self.prev_path, self.regress = path, []
        old = {(r["section"], r["figure"], r["model"], r["workers"], r["size"]): r for r in rows}
        for r in self.rows:
            key = (r["section"], r["figure"], r["model"], str(r["workers"]), str(r["size"]))
            if key not in old:
                continue
            a, b = float(old[key]["median"]), float(r["median"])
            if a <= 0 or b <= 0:
                continue
            worse = b / a if r["better"] == "lower" else a / b
            if worse > REGRESSION:
                self.regress.append((r, a, b, worse))

    # output -------------------------------------------------------------------------------
    def write_csv(self):
        c = self.ctx
        common = {"host": c.get("host", ""), "date": c.get("date", ""), "cpu": c.get("cpu", ""),
                  "cores": c.get("cores", ""), "commit": c.get("commit", "")}
        tmp = self.o.out + ".csv.tmp"
        with open(tmp, "w", newline="") as f:
            w = csv.DictWriter(f, FIELDS, lineterminator="\n")
            w.writeheader()
            for r in self.rows:
                w.writerow({**common, **r})
        os.replace(tmp, self.o.out + ".csv")

    def read_work(self, name):
        try:
            with open(os.path.join(self.o.work, name)) as f:
                return f.read().strip()
        except OSError:
            return "n/a"

    def markdown(self):
        c, p = self.ctx, self.cores
        L = [f"# Bench: {md(c.get('host'))} {md(c.get('date'))}", "",
             "Every figure below was measured in one `make bench` run on this machine; each "
             "ratio holds pk against an outside reference measured in the same run. The "
             "machine may have been shared: read the load lines.", "",
             "| context | |", "|---|---|"]
        for k in ["cpu", "cores", "caches", "memory", "os", "compiler", "flags", "openmp", "mpi",
                  "commit"]:
            L.append(f"| {k} | {md(c.get(k, 'n/a'))} |")
        L += [f"| python | {md(self.read_work('python-version'))} |",
              f"| load before | {md(self.read_work('load-before'))} |",
              f"| load after | {md(self.read_work('load-after'))} |",
              f"| run | class {self.o.__dict__['class']}, {self.o.reps} reps, order "
              f"{self.o.order}, {self.o.warmup} warm-up reps per process, p = 1 and {p} |", ""]

        L += [f"## Kernels: serial time, best parallel model at p = {p}", "",
              "| kernel | n | serial | best at p = %d | its time | speedup | efficiency | "
              "serial rate | its rate |" % p, "|---|---|---|---|---|---|---|---|---|"]
        for kernel, n in sorted(self.main_sizes().items()):
            s = self.pk_find(kernel, "serial", 1, n)
            b = self.best(kernel, n, p)
            if not s or not b:
                continue
            ts, tb = s["summary"]["median"], b["summary"]["median"]
            unit = f" {s['unit']}" if s["rate"] is not None else ""
            L.append(f"| {kernel} | {n} | {fmt_time(ts)} | {b['model']} | {fmt_time(tb)} | "
                     f"{ts / tb:.2f} | {self.efficiency(b):.2f} | "
                     f"{fmt(s['rate'])}{unit} | {fmt(b['rate'])}{unit} |")
        L += ["", f"## Efficiency at p = {p} by model", "",
              "Targets for the compute-bound kernels (polysum, mandelbrot, pi, montecarlo, "
              "matmul): 0.95 in openmp, threads and fork, 0.9 in mpi; a miss is marked *.", "",
              "| kernel | " + " | ".join(MODELS[1:]) + " |", "|---" * 5 + "|"]
        for kernel, n in sorted(self.main_sizes().items()):
            cells = []
            for model in MODELS[1:]:
                r = self.pk_find(kernel, model, p, n)
                e = self.efficiency(r) if r else None
                miss = (kernel in COMPUTE_BOUND and e is not None
                        and e < (0.9 if model == "mpi" else 0.95))
                cells.append((f"{e:.2f}" if e is not None else "n/a") + (" *" if miss else ""))
            L.append(f"| {kernel} | " + " | ".join(cells) + " |")

        L += ["", "## Ratios against the outside references", "",
              "A ratio above 1 means pk is faster, except spawn/floor: pk's round cost over "
              "the bare one (lower is better). square/stream and stencil/stream hold a kernel's "
              "GB/s against stream's in the same model and p (square 16 B an element, stencil "
              "16 B a point: the grid read once, written once; write-allocate not counted). "
              "square's mpi rows at p > 1 have no target: their rep scatters x from rank 0 and "
              "gathers y back, which stream's does not.", "",
              "| ratio | model | p | pk | reference | ratio | target | met |",
              "|---|---|---|---|---|---|---|---|"]
        for name, model, w, pk_text, ref_text, value, target, met in self.ratios:
            L.append(f"| {name} | {model} | {w} | {pk_text} | {ref_text} | {fmt(value)} | "
                     f"{target} | {met} |")

        if self.rss:
            L += ["", "## Memory: peak RSS of pk-run against the kernel's arrays", "",
                  f"Target: at most {RSS_TARGET}x the arrays, for kernels whose arrays are at "
                  f"least {RSS_MIN_ARRAYS >> 20} MiB (below that the program itself, about 2 MiB, "
                  "dominates). The peak is pk-run's (wait4's ru_maxrss).", "",
                  "| kernel | model | p | n | arrays | peak RSS | ratio | met |",
                  "|---|---|---|---|---|---|---|---|"]
            for k, m, w, n, arrays, peak in self.rss:
                ratio = peak / arrays if arrays else float("inf")
                met = ("yes" if ratio <= RSS_TARGET else "NO") if arrays >= RSS_MIN_ARRAYS else "n/a"
                L.append(f"| {k} | {m} | {w} | {n} | {arrays / 2**20:.1f} MiB | "
                         f"{peak / 2**20:.1f} MiB | {fmt(ratio) if arrays else 'n/a'} | {met} |")

        L += ["", "## Outside references", "",
              "Each ran before and after pk, pooled; stream_avx-beside ran around stream's "
              "runs.", "",
              "| reference | variant | workers | size | median | before / after | min | max | "
              "reps | unit |", "|---|---|---|---|---|---|---|---|---|---|"]
        for r in self.refs:
            runs = " / ".join(fmt(x) for x in r["runs"])
            L.append(f"| {r['ref']} | {r['variant']} | {r['workers']} | {r['size']} | "
                     f"{fmt(num(r['median']))} | {runs} | {fmt(num(r['min']))} | "
                     f"{fmt(num(r['max']))} | {r['reps']} | {r['unit']} |")

        L += ["", "## Regressions", ""]
        if not self.prev_path:
            L.append("No earlier result of this CPU model in bench/results: nothing to compare.")
        elif not self.regress:
            L.append(f"None: no figure is more than 20% worse than in "
                     f"`{os.path.basename(self.prev_path)}`.")
        else:
            L += [f"Figures more than 20% worse than in `{os.path.basename(self.prev_path)}` "
                  "(machines are noisy: a regression here is a prompt to look, not a failure):",
                  "", "| figure | model | p | n | before | now | unit | worse by |",
                  "|---|---|---|---|---|---|---|---|"]
            for r, a, b, worse in self.regress:
                L.append(f"| {r['section']} {r['figure']} | {r['model']} | {r['workers']} | "
                         f"{r['size']} | {fmt(a)} | {fmt(b)} | {r['unit']} | {worse:.2f}x |")
        if self.failed:
            L += ["", "## Failed configurations", ""]
            for r in self.failed:
                L.append(f"- {r['kernel']} {r['model']} p={r['workers']} n={r['size']}: "
                         f"{r['status']} {r['detail']}")
        L += ["", "Accountings: stream and likwid's stream_avx count 24 bytes an element (read "
              "b and c, write a; write-allocate not counted); matmul and OpenBLAS count 2 n^3 "
              "flops; spawn and the floors count one round of p creations and p joins. "
              "bench/README.md says more.", ""]
        tmp = self.o.out + ".md.tmp"
        with open(tmp, "w") as f:
            f.write("\n".join(L))
        os.replace(tmp, self.o.out + ".md")


def main():
    o = args()
    try:  # every input read before anything is written into bench/results
        b = Bench(o)
    except InputError as e:
        die(str(e))
    b.collect()
    b.regressions()
    b.write_csv()
    b.markdown()
    for name, model, w, pk_text, ref_text, value, target, met in b.ratios:
        if met == "NO":
            print(f"bench: below target: {name} {model} p={w}: {fmt(value)} (target {target})")
    for k, m, w, n, arrays, peak in b.rss:
        if arrays >= RSS_MIN_ARRAYS and peak > RSS_TARGET * arrays:
            print(f"bench: above target: peak RSS of {k} {m} p={w}: {peak / arrays:.2f}x its "
                  f"arrays (target {RSS_TARGET})")
    for r, a, b_, worse in b.regress:
        print(f"bench: regression: {r['section']} {r['figure']} {r['model']} p={r['workers']} "
              f"n={r['size']}: {fmt(a)} -> {fmt(b_)} {r['unit']} ({worse:.2f}x worse than "
              f"{os.path.basename(b.prev_path)})")


if __name__ == "__main__":
    main()
