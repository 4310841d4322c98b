"""bench/efficiency.py FILE.csv... [-p P]: the parallel efficiency S/p of every model at p
workers, one row per kernel, as the Markdown table README shows beside each machine's
figures. S is serial's median time at the same size over the model's median at p (reps
pooled over the files: pk's results files, 'pk run -o FILE.csv', as bench/manycore writes
them). P defaults to the largest worker count in the files. A cell is '-' where the files hold
no such configuration, and the configuration's status (FAIL, TIMEOUT, ...) where it did not
verify. spawn's row is there too, though it times creating workers, not dividing work
(README leaves it out). Exit status 2 on a usage error or an unreadable file. Standard library
only."""
import sys

from bench_files import load_pk

MODELS = ("openmp", "threads", "fork", "mpi", "hybrid")


def cell(configs, kernel, model, size, p):
    for c in configs:
        if (c["kernel"], c["model"], c["size"], c["workers"]) == (kernel, model, size, p):
            if c["status"] != "ok":
                return c["status"].upper()
            base = [b for b in configs if (b["kernel"], b["model"], b["size"]) ==
                    (kernel, "serial", size) and b["status"] == "ok"]
            if not base:
                return "-"
            return f"{base[0]['summary']['median'] / (c['summary']['median'] * p):.2f}"
    return "-"


def table(configs, p):
    models = [m for m in MODELS if any(c["model"] == m and c["workers"] == p for c in configs)]
    sizes = {}
    for c in configs:
        if c["model"] == "serial":
            sizes.setdefault(c["kernel"], c["size"])
    lines = [f"| efficiency at p = {p} | " + " | ".join(models) + " |",
             "|---" * (len(models) + 1) + "|"]
    for kernel in sorted(sizes):
        cells = [cell(configs, kernel, m, sizes[kernel], p) for m in models]
        lines.append(f"| {kernel} | " + " | ".join(cells) + " |")
    return lines


def die(message):
    print(f"efficiency: {message}", file=sys.stderr)
    sys.exit(2)


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
        configs = load_pk(files)
    except (OSError, KeyError, ValueError) as e:
        die(f"cannot read the results: {e}")
    if p is None:
        p = max((c["workers"] for c in configs), default=1)
    print("\n".join(table(configs, p)))


if __name__ == "__main__":
    main(sys.argv[1:])
