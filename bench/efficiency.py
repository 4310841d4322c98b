"""bench/efficiency.py FILE.csv... [-p P]: the parallel efficiency S/p of every model at p
workers, one row per kernel, as the Markdown table README shows beside each machine's
figures. S is serial's median time at the same size and kernel options (params) over the
model's median at p (reps pooled over the files: pk's results files, 'pk run -o FILE.csv', as
bench/manycore writes them, all from one CPU model: files of two machines are refused). The
CPU and the runs are printed above the table. P defaults to the largest worker count in the
files. A kernel run with several kernel options gets a row for each, its options beside its
name; a hybrid configuration run at several thread counts shows each ("0.95 (t=2)"). A cell is
'-' where the files hold no such configuration, the configuration's status (FAIL, TIMEOUT, ...)
where it did not verify, and "serial FAIL" (serial's status) where its base did not verify.
Kernels with no serial configuration have no base: they are listed below the table. spawn's
row is there too, though it times creating workers, not dividing work (README leaves it out).
Exit status 2 on a usage error, an unreadable or non-pk file, a time that is not a finite
positive number, files of more than one CPU, or no rows. Standard library only."""
import sys

import bench_files
from bench_files import InputError, load_pk

MODELS = ("openmp", "threads", "fork", "mpi", "hybrid")


def cell(configs, base, model, p):
    runs = [c for c in configs if (c["kernel"], c["model"], c["size"], c["params"], c["workers"])
            == (base["kernel"], model, base["size"], base["params"], p)]
    if not runs:
        return "-"
    texts = []
    for c in runs:
        if c["status"] != "ok":
            text = c["status"].upper()
        elif base["status"] != "ok":
            text = f"serial {base['status'].upper()}"
        else:
            text = f"{base['summary']['median'] / (c['summary']['median'] * p):.2f}"
        texts.append(text + (f" (t={c['threads']})" if len(runs) > 1 else ""))
    return ", ".join(texts)


def table(configs, p):
    models = [m for m in MODELS if any(c["model"] == m and c["workers"] == p for c in configs)]
    bases = {}  # (kernel, params) -> serial's configuration at its first size
    for c in configs:
        if c["model"] == "serial" and c["workers"] == 1:
            bases.setdefault((c["kernel"], c["params"]), c)
    variants = {}
    for kernel, _ in bases:
        variants[kernel] = variants.get(kernel, 0) + 1
    lines = [f"| efficiency at p = {p} | " + " | ".join(models) + " |",
             "|---" * (len(models) + 1) + "|"]
    for (kernel, params), base in sorted(bases.items()):
        name = kernel if variants[kernel] == 1 else f"{kernel} ({params})"
        cells = [cell(configs, base, m, p) for m in models]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    orphans = sorted({f"{c['kernel']}" + (f" ({c['params']})" if c["params"] not in ("", "-") else "")
                      for c in configs if c["model"] != "serial" and c["workers"] == p
                      and (c["kernel"], c["params"]) not in bases})
    if orphans:
        lines += ["", "No serial run, so no base, for: " + ", ".join(orphans) + "."]
    return lines


def die(message):
    bench_files.die("efficiency", message)


def main(argv):
    files, p = [], None
    args = iter(argv)
    for a in args:
        if a in ("-p", "--workers"):
            p = next(args, None)
            if p is None or not p.isdigit() or int(p) < 1:
                die(f"-p takes a worker count, not '{p}'")
            p = int(p)
        elif a.startswith("-"):
            die(f"unknown option '{a}' (usage: efficiency.py FILE.csv... [-p P])")
        else:
            files.append(a)
    if not files:
        die("usage: efficiency.py FILE.csv... [-p P]")
    try:
        configs, meta = load_pk(files)
    except InputError as e:
        die(str(e))
    if p is None:
        p = max((c["workers"] for c in configs), default=1)
    runs = meta["runs"]
    print(f"CPU: {meta['cpu'] or 'not recorded in the files'}; "
          f"run{'s' if len(runs) != 1 else ''}: {', '.join(runs) or 'not recorded'}")
    print()
    print("\n".join(table(configs, p)))


if __name__ == "__main__":
    main(sys.argv[1:])
