"""bench/bench_files.py: reading a bench run's files for bench/summarize.py: pk's per-rep
results files pooled per configuration, the outside references pooled over their runs, and
the number formats of the summary. Standard library only."""
import csv


def median(x):
    x = sorted(x)
    n = len(x)
    return x[n // 2] if n % 2 else (x[n // 2 - 1] + x[n // 2]) / 2


def load_pk(paths):
    """One entry per configuration, its reps pooled over the files, in first-seen order."""
    configs = {}
    for path in paths:
        with open(path) as f:
            for row in csv.DictReader(f):
                key = (row["kernel"], row["model"], row["workers"], row["size"], row["params"])
                c = configs.setdefault(key, {
                    "kernel": row["kernel"], "model": row["model"],
                    "workers": int(row["workers"]), "size": int(row["size"]),
                    "class": row["class"], "params": row["params"], "status": "ok",
                    "detail": "", "times": [], "work": None, "unit": row["unit"],
                    "pages": set()})
                c["pages"].add(row.get("pages") or "-")  # older files have no such column
                if row["status"] != "ok":
                    c["status"], c["detail"] = row["status"], row["detail"]
                    continue
                t = num(row["time_s"])
                if t is None:
                    continue
                c["times"].append(t)
                # a row's rate is its runner process's, from that process's median time: the
                # rows of one process share run and rate
                key = (row["run"], row["rate"])
                proc = c.setdefault("procs", {}).setdefault(key, [num(row["rate"]), []])
                proc[1].append(t)
    out = []
    for c in configs.values():
        for rate, times in c.get("procs", {}).values():
            if rate is not None and c["work"] is None:
                c["work"] = rate * median(times)  # the work of one rep, the same in every rep
        if c["times"]:
            m = median(c["times"])
            c["summary"] = {"median": m, "min": min(c["times"]), "max": max(c["times"])}
            c["rate"] = c["work"] / m if c["work"] is not None else None
        elif c["status"] == "ok":
            c["status"], c["detail"] = "no-reps", "no timed rep in the files"
        out.append(c)
    return out


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
