"""bench/bench_files.py: reading a bench run's files for bench/summarize.py: pk's per-rep
results files pooled per configuration, the outside references pooled over their runs, and
the number formats of the summary. Standard library only."""
import csv
import math
import sys


def die(prog, message):
    """The one line a bench script prints on input it cannot use, then exit status 2."""
    print(f"{prog}: {message}", file=sys.stderr)
    sys.exit(2)


def median(x):
    x = sorted(x)
    n = len(x)
    return x[n // 2] if n % 2 else (x[n // 2 - 1] + x[n // 2]) / 2


class InputError(Exception):
    """Input a bench script cannot use: its message is the one line the script prints."""


def rate_exponent(unit):
    """How a kernel's figure scales with the time of a rep: -1 for work per time (GB/s,
    GFLOP/s, M/s), +1 for time per work ('us/round': spawn's microseconds a round)."""
    return 1 if unit.startswith("us/") else -1


def rate_at(c, t):
    """The configuration's figure at time t: never a pooled rate (rate x time is the work only
    for work/time units), but the kernel's formula through its constant (module docstring)."""
    if c.get("rate_k") is None or not t:
        return None
    return c["rate_k"] * t ** rate_exponent(c["unit"])


def finite_time(path, line, x):
    try:
        t = float(x)
    except ValueError:
        raise InputError(f"{path}:{line}: time_s '{x}' is not a number") from None
    if not math.isfinite(t) or t <= 0:
        raise InputError(f"{path}:{line}: time_s '{x}' is not a finite positive time")
    return t


def read_rows(path):
    """The rows of one pk results file; InputError (one line) when it is not one."""
    try:
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            fields = reader.fieldnames or []
            if "kernel" not in fields:
                raise InputError(f"{path}: not a pk results file (no kernel column)")
            missing = [k for k in PK_COLUMNS if k not in fields]
            if missing:
                raise InputError(f"{path}: not a pk results file (no {missing[0]} column)")
            return [(reader.line_num, row) for row in reader]
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    except (csv.Error, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not a readable CSV ({e})") from None


PK_COLUMNS = ("kernel", "model", "workers", "size", "params", "status", "time_s", "rate", "unit")


def load_pk(paths):
    """One entry per configuration, its reps pooled over the files, in first-seen order.

    A configuration is (kernel, model, workers, size, params, threads). Its figure ('rate') is
    never pooled across processes: pk's rate is the kernel's formula at a median time, work /
    time for most kernels but time / work for spawn (us/round), so rate x time is the work for
    the first only. Each row's rate is re-expressed as the kernel's constant (rate x T for
    work/time units, rate / T for 'us/' ones, T the median time of the reps that share its run
    and rate, the reps pk took it over), and the figure is that constant at the pooled median;
    'rate_lo' and 'rate_hi' are the worst and largest figures over the reps (spawn's at the slowest rep is its largest).
    Raises InputError (one line) on a file that is not pk's, a time that is not a finite
    positive number, files of more than one CPU model, or no rows at all."""
    configs, cpus, runs, dates, rows_seen = {}, set(), [], [], 0
    for path in paths:
        for line, row in read_rows(path):
            rows_seen += 1
            if row.get("cpu_model"):
                cpus.add(row["cpu_model"])
            if row.get("run") and row["run"] not in runs:
                runs.append(row["run"])
            try:
                workers, size = int(row["workers"]), int(row["size"])
            except (TypeError, ValueError):
                raise InputError(f"{path}:{line}: workers '{row['workers']}' or size "
                                 f"'{row['size']}' is not a whole number") from None
            key = (row["kernel"], row["model"], workers, size, row["params"],
                   row.get("threads") or "-")
            c = configs.setdefault(key, {
                "kernel": row["kernel"], "model": row["model"],
                "workers": workers, "size": size, "threads": row.get("threads") or "-",
                "class": row.get("class") or "", "params": row["params"], "status": "ok",
                "detail": "", "times": [], "rate_k": None, "unit": row["unit"] or "",
                "pages": set()})
            c["pages"].add(row.get("pages") or "-")  # older files have no such column
            if row["status"] != "ok":
                c["status"], c["detail"] = row["status"], row.get("detail") or ""
                continue
            if row["time_s"] in (None, "", "-"):
                continue
            t = finite_time(path, line, row["time_s"])
            c["times"].append(t)
            # the rows of one process share run and rate (and since pk's fad81a2, so do all
            # the reps of one configuration in one file): the rate is at their median time
            proc = c.setdefault("procs", {}).setdefault((row.get("run"), row["rate"]),
                                                        [num(row["rate"]), []])
            proc[1].append(t)
    if rows_seen == 0:
        raise InputError(f"no pk rows in {', '.join(paths)}")
    if len(cpus) > 1:
        raise InputError("the files come from more than one CPU (" + "; ".join(sorted(cpus)) +
                         "): one machine's files at a time")
    out = []
    for c in configs.values():
        e = rate_exponent(c["unit"])
        for rate, times in c.get("procs", {}).values():
            if rate is not None and math.isfinite(rate) and rate > 0 and c["rate_k"] is None:
                c["rate_k"] = rate / median(times) ** e  # the kernel's constant: work or 1/work
        if c["times"]:
            m = median(c["times"])
            c["summary"] = {"median": m, "min": min(c["times"]), "max": max(c["times"])}
            c["rate"] = rate_at(c, m)
            slow, fast = rate_at(c, c["summary"]["max"]), rate_at(c, c["summary"]["min"])
            c["rate_lo"], c["rate_hi"] = (min(slow, fast), max(slow, fast)) if c["rate"] else (None, None)
        elif c["status"] == "ok":
            c["status"], c["detail"] = "no-reps", "no timed rep in the files"
        out.append(c)
    meta = {"cpu": next(iter(cpus), ""), "runs": runs}
    return out, meta


def num(x):
    return float(x) if x not in (None, "", "-") else None


def fmt(x, digits=3):
    if x is None:
        return "n/a"
    if x == 0 or 1e-3 <= abs(x) < 1e6:
        return f"{x:.{digits}g}" if abs(x) < 10 ** digits else f"{x:.0f}"
    return f"{x:.{digits}g}"


def fmt_time(s):
    if s is None:
        return "n/a"
    for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def pool_refs(lines):
    """One reference from its lines (bench/run measures each before and after pk): the median
    of their medians, the extreme min and max, the reps added; 'runs' keeps each median."""
    pooled = {}
    for r in lines:
        key = (r["ref"], r["variant"], r["workers"], r["size"])
        p = pooled.setdefault(key, {**r, "runs": [], "mins": [], "maxs": [], "n": 0})
        p["runs"].append(float(r["median"]))
        p["mins"].append(float(r["min"]))
        p["maxs"].append(float(r["max"]))
        p["n"] += int(r["reps"])
    for p in pooled.values():
        p.update(median=f"{median(p['runs']):.6g}", min=f"{min(p['mins']):.6g}",
                 max=f"{max(p['maxs']):.6g}", reps=str(p["n"]))
    return list(pooled.values())
