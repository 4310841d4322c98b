#!/usr/bin/python3
"""pk-python: runs one configuration of a kernel's Python model and prints pk's result line.

    pk-python KERNEL MODEL WORKERS SIZE [-r REPS] [-w WARMUP] [--seed S] [--bind B]
              [--pages P] [--until-ci PCT] [--OPTION VALUE]
    pk-python --kernels MODEL

MODEL python: the tutorial's multiprocessing (mp.Process + mp.Queue, mp.Pool().map, mp.Value /
mp.Array with a Lock); python-threads: the same code on threading.Thread, a thread pool and
queue.Queue (the tutorial's multithread()). Standard library only. The kernels are
kernels/NAME/python.py; the workers' machinery is pk_python_team.py (both found beside this
program's checkout, or under PK_PYTHON_DIR: DIR/pk_python_team.py, DIR/kernels/NAME/python.py).
A kernel's module defines NAME, POOL (the team: 'pool', 'crew' or None), PARAMS, MAX_N, MAX_WHY
(optional MIN_N, TOLERANCE, UNIT with rate(n, p, seconds), SECONDS_PER_ITEM: a number or one
per model, PER_WORKER) and three calls: setup(n, seed,
params, team) -> data (inputs and reference, before the workers start: they inherit it);
run(data, team) -> output (the timed rep); verify(data, output) -> (status, result text,
detail, items covered), against a reference that is not the code under test.
--kernels MODEL prints one line per kernel that has a python.py: its name, SECONDS_PER_ITEM
(one rep at p = 1; 0 if unknown) and "worker" where PER_WORKER: pk asks it which kernels the
model has and how long a configuration would take.
startup is the interpreter's own start (from /proc, in 10 ms ticks) plus the team's creation
until every worker has reported ready; setup is the inputs and the reference.
Exit status as pk-run's: 0 ok/race/skipped, 1 a failed or errored configuration, 2 bad input;
killed by SIGTERM, SIGINT, SIGHUP or SIGQUIT after its workers are stopped.
Env: PK_PROGRESS (print "pk-progress K N" on stderr), PK_FAULT (test faults, as pk-run's).
"""
import importlib.util
import math
import os
import signal
import socket
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the checkout or the install
HERE = os.path.dirname(os.path.realpath(__file__))
ROOTS = [r for r in (os.environ.get("PK_PYTHON_DIR"), os.path.join(HERE, "..", "drivers"),
                     os.path.join(HERE, "..", "share", "parkernels", "python")) if r]
sys.path[:0] = ROOTS
import pk_python_team as team_lib  # noqa: E402 (found on the paths above)

PROGRAM = "pk-python"
MODELS = ("python", "python-threads")
MAX_WORKERS, MAX_REPS, MAX_SEED = 1024, 1000, 1 << 62
FAILURES = ("failed", "error", "timeout", "disagree")
FAULTS = ("drop", "crash", "abort", "exit", "hang", "badline", "noline", "truncate", "wrong")
USAGE = __doc__.split("\n\n")[1] + "\n"


class UsageError(Exception):
    """Bad input: one line on stderr, exit 2."""


def parse_count(what, text, lo, hi):
    """A whole number as pk's cli.c reads it: digits[.digits][e[+]digits], exact, in [lo, hi]."""
    body = text[1:] if text.startswith("-") else text
    mant, _, exp = body.lower().partition("e")
    whole, dot, frac = mant.partition(".")
    exp = exp[1:] if exp.startswith("+") else exp
    if text == "":
        raise UsageError("%s is empty (expected a whole number)" % what)
    if exp.startswith("-") and whole.isdigit():
        raise UsageError("%s '%s' is not a whole number" % (what, text))
    ok = whole.isdigit() and (not dot or frac.isdigit()) and (not _ or exp.isdigit())
    if not ok or not whole.isascii() or not frac.isascii() or not exp.isascii():
        raise UsageError("%s '%s' is not a number" % (what, text))
    e = int(exp) if exp else 0
    if e > 1000:
        raise UsageError("%s '%s' is too large (at most %d)" % (what, text, hi))
    digits = whole + frac
    point = len(whole) + e
    if digits[point:].strip("0"):
        raise UsageError("%s '%s' is not a whole number" % (what, text))
    value = int((digits[:point] + "0" * (point - len(digits))) or "0")
    if text.startswith("-") and value > 0 or value < lo:
        raise UsageError("%s '%s' must be at least %d" % (what, text, lo))
    if value > hi:
        raise UsageError("%s '%s' is too large (at most %d)" % (what, text, hi))
    return value


def parse_args(argv):
    """pk-run's command line (drivers/runner.c): positionals and options in any order."""
    a = {"reps": 10, "warmup": 1, "seed": 1, "bind": "none", "pages": "normal", "until_ci": 0.0,
         "params": [], "pos": [], "help": False, "list": False}
    short = {"-r": "--reps", "-w": "--warmup", "-h": "--help"}
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if word == "--":
            a["pos"] += argv[i:]
            break
        if not word.startswith("-") or word == "-":
            a["pos"].append(word)
            continue
        name, eq, value = word.partition("=")
        if name[:2] in short and not name.startswith("--"):
            name, value, eq = short[name[:2]], word[2:], bool(word[2:])
        if name in ("--help", "--kernels"):
            a["help" if name == "--help" else "list"] = True
            continue
        if not name.startswith("--") or len(name) < 3:
            raise UsageError("unknown option '%s'" % word)
        if not eq:
            if i == len(argv):
                raise UsageError("option '%s' requires an argument" % name)
            value, i = argv[i], i + 1
        if name == "--reps":
            a["reps"] = parse_count("reps", value, 1, MAX_REPS)
        elif name == "--warmup":
            a["warmup"] = parse_count("warm-up reps", value, 0, MAX_REPS)
        elif name == "--seed":
            a["seed"] = parse_count("seed", value, 0, MAX_SEED)
        elif name == "--bind":
            if value not in ("none", "close", "spread"):
                raise UsageError("unknown --bind '%s' (none, close or spread)" % value)
            a["bind"] = value
        elif name == "--pages":
            if value not in ("normal", "huge"):
                raise UsageError("unknown --pages '%s' (normal or huge)" % value)
            a["pages"] = value
        elif name == "--until-ci":
            try:
                a["until_ci"] = float(value)
            except ValueError:
                raise UsageError("--until-ci '%s' is not a number" % value) from None
            if not 0 < a["until_ci"] < 100:
                raise UsageError("--until-ci '%s' must be a percentage in (0, 100)" % value)
        elif name == "--threads":
            raise UsageError("--threads is for the hybrid model, which pk-mpi runs")
        else:
            a["params"].append((name[2:], value))
    return a


def parse_fault(kernel, model):
    """PK_FAULT=KIND[,kernel=K][,model=M][,worker=W][,task=T] (common/fault.h); None if unset."""
    spec = os.environ.get("PK_FAULT", "")
    if not spec:
        return None
    items = spec.split(",")
    if items[0] not in FAULTS:
        raise UsageError("PK_FAULT kind '%s' is unknown" % items[0])
    f = {"kind": items[0], "kernel": "", "model": "", "worker": 0, "task": 1}
    for item in items[1:]:
        key, eq, value = item.partition("=")
        if not eq:
            raise UsageError("PK_FAULT item '%s' has no '='" % item)
        if key in ("kernel", "model"):
            f[key] = value
        elif key == "worker":
            f[key] = parse_count("PK_FAULT worker", value, 0, MAX_WORKERS)
        elif key == "task":
            f[key] = parse_count("PK_FAULT task", value, 1, 1000000)
        else:
            raise UsageError("PK_FAULT item '%s' is unknown" % key)
    if f["kernel"] not in ("", kernel) or f["model"] not in ("", model):
        return None
    return f



def load_kernel(name):
    """The module kernels/NAME/python.py: under PK_PYTHON_DIR, the checkout, or the install."""
    roots = [os.path.join(os.environ.get("PK_PYTHON_DIR", ""), "kernels"),
             os.path.join(HERE, "..", "kernels"),
             os.path.join(HERE, "..", "share", "parkernels", "kernels")]
    if not name.replace("-", "").replace("_", "").isalnum():
        raise UsageError("unknown kernel '%s' (try 'pk list')" % name)
    for root in roots[0 if os.environ.get("PK_PYTHON_DIR") else 1:]:
        path = os.path.join(root, name, "python.py")
        if os.path.isfile(path):
            modname = "pk_kernel_" + name
            spec = importlib.util.spec_from_file_location(modname, path)
            mod = importlib.util.module_from_spec(spec)
            sys.modules[modname] = mod
            spec.loader.exec_module(mod)
            return mod
    raise UsageError("unknown kernel '%s' (no python model: try 'pk list')" % name)


def list_kernels(model):
    """--kernels MODEL: "NAME SECONDS [worker]" for each kernel with a python.py, by name."""
    if model not in MODELS:
        raise UsageError("unknown model '%s' (one of %s)" % (model, ", ".join(MODELS)))
    roots = [os.path.join(os.environ.get("PK_PYTHON_DIR", ""), "kernels")] * bool(
        os.environ.get("PK_PYTHON_DIR")) + [os.path.join(HERE, "..", "kernels"),
                                            os.path.join(HERE, "..", "share", "parkernels",
                                                         "kernels")]
    root = next((r for r in roots if os.path.isdir(r)), None)
    names = sorted(d for d in os.listdir(root) if os.path.isfile(
        os.path.join(root, d, "python.py"))) if root else []
    for name in names:
        k = load_kernel(name)
        rate = getattr(k, "SECONDS_PER_ITEM", 0)
        rate = rate.get(model, 0) if isinstance(rate, dict) else rate
        sys.stdout.write("%s %.3g%s\n" % (name, rate, " worker" * getattr(k, "PER_WORKER", False)))
    return 0


def kernel_params(k, given):
    """The kernel's options with their defaults, then those given (--OPTION VALUE)."""
    values = {name: spec["default"] for name, spec in k.PARAMS}
    specs = dict(k.PARAMS)
    for name, value in given:
        if name not in specs:
            raise UsageError("kernel '%s' has no option '--%s'" % (k.NAME, name))
        spec = specs[name]
        if "choices" not in spec:
            values[name] = parse_count("--" + name, value, spec["min"], spec["max"])
        elif value in spec.get("refused", {}):
            raise UsageError("--%s %s: %s" % (name, value, spec["refused"][value]))
        elif value in spec["choices"]:
            values[name] = value
        else:
            raise UsageError("unknown --%s value '%s' (one of: %s)" %
                             (name, value, ", ".join(spec["choices"])))
    return values


def median(xs):
    s, n = sorted(xs), len(xs)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def precise(times, pct):
    """pk_record_precise: the median's 95% interval (order statistics) within pct of it."""
    n = len(times)
    if n < 6:
        return False
    half = 1.96 * math.sqrt(n)
    lo, hi = max(1, math.ceil((n - half) / 2)), min(n, math.ceil(1 + (n + half) / 2))
    s = sorted(times)
    return (s[hi - 1] - s[lo - 1]) / 2 <= pct / 100 * median(times)


def agree(k, a, b):
    """pk_results_agree: equal text, or for a kernel with a tolerance, relatively close."""
    tol = getattr(k, "TOLERANCE", 0)
    if not tol:
        return a == b
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return math.isfinite(x) and math.isfinite(y) and abs(x - y) <= tol * max(abs(x), abs(y))


def tiling(n, blocks):
    """pk_partition_verify's finding on the workers' blocks, or None when they tile [0, n)."""
    at, covered = 0, 0
    for w, (lo, hi) in enumerate(blocks):
        if lo != at or hi < lo:
            return ("the partition of %d items among %d workers is not a tiling: worker %d holds "
                    "[%d, %d) after %d" % (n, len(blocks), w, lo, hi, at))
        covered, at = covered + hi - lo, hi
    if at != n:
        return ("the partition of %d items among %d workers covers %d of them: the last block "
                "ends at %d" % (n, len(blocks), covered, at))
    return None


def g9(v):
    return "-" if v is None or v != v else "%.9g" % v


def escape(text):
    return "".join(c if " " < c < "\x7f" and c != "%" else "".join("%%%02X" % b for b in
                   c.encode()) for c in (text or "-"))


def result_line(r):
    times = ",".join(g9(t) for t in r["times"]) or "-"
    fields = [("kernel", escape(r["kernel"])), ("model", r["model"]), ("p", r["p"]),
              ("threads", 1), ("n", r["n"]), ("params", escape(r["params"])),
              ("seed", r["seed"]), ("status", r["status"]), ("reps", len(r["times"])),
              ("warmup", r["warmup"]), ("times", times), ("setup", g9(r["setup"])),
              ("startup", g9(r["startup"])), ("elapsed", g9(r["elapsed"])),
              ("rate", g9(r["rate"])), ("unit", escape(r["unit"])),
              ("result", escape(r["result"][:127])), ("detail", escape(r["detail"][:255])),
              ("cpus", escape(r["cpus"])), ("hosts", escape(r["hosts"])), ("pages", "-"),
              ("mpi", "-")]
    return "pk-result v1 " + " ".join("%s=%s" % kv for kv in fields) + " end\n"


def execute(k, team, r, n, seed, params, warmup, reps, until_ci):
    """pk_case_execute: setup, the team, then every rep run, timed and verified."""
    t0 = time.perf_counter()
    data = k.setup(n, seed, params, team)
    r["setup"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    team.start()
    r["startup"] += time.perf_counter() - t0
    r["cpus"] = "|".join(team.cpus) or team_lib.place(0, 1, "none", False)
    partition = tiling(n, team.blocks(n))
    progress = os.environ.get("PK_PROGRESS")
    for rep in range(warmup + reps):
        t0 = time.perf_counter()
        out = k.run(data, team)
        dt = time.perf_counter() - t0
        status, result, detail, covered = k.verify(data, out)
        if status == "ok" and partition:
            status, detail = "failed", partition
        elif status == "ok" and covered != n:
            status, detail = "failed", "the check covered %d of %d items" % (covered, n)
        if status == "error":  # the kernel could not run the rep (a worker it made died)
            r.update(status=status, detail=detail)
            break
        if rep >= warmup:
            r["times"].append(dt)
        if status == "failed":
            r.update(status=status, detail="rep %d: %s" % (rep + 1, detail), result=result)
            break
        if status == "race":
            r.update(status=status, detail=detail, result=result)
        elif rep > 0 and r["status"] == "ok" and not agree(k, result, r["result"]):
            r.update(status="failed", detail="rep %d result %s differs from rep 1's %s" %
                     (rep + 1, result[:100], r["result"][:100]))
            break
        elif rep == 0:
            r.update(status="ok", result=result)
        if progress:
            sys.stderr.write("pk-progress %d %d\n" % (rep + 1, warmup + reps))
            sys.stderr.flush()
        if until_ci > 0 and precise(r["times"], until_ci):
            break
    if r["status"] == "ok" and r["times"] and getattr(k, "rate", None):
        r["rate"], r["unit"] = k.rate(n, team.p, median(r["times"])), k.UNIT


class Interrupted(BaseException):
    pass


def on_signal(signum, _frame):
    raise Interrupted(signum)


def main(argv):
    started = time.perf_counter()
    try:  # the interpreter's own start, from the kernel's clock (10 ms ticks)
        with open("/proc/self/stat") as f:
            ticks = int(f.read().rpartition(")")[2].split()[19])
        since_boot = time.clock_gettime(time.CLOCK_BOOTTIME) - (time.perf_counter() - started)
        interp = max(0.0, since_boot - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        interp = 0.0
    a = parse_args(argv)
    if a["help"]:
        sys.stdout.write(USAGE)
        return 0
    if a["list"]:
        if len(a["pos"]) != 1:
            raise UsageError("--kernels takes one MODEL (one of %s)" % ", ".join(MODELS))
        return list_kernels(a["pos"][0])
    if len(a["pos"]) != 4:
        raise UsageError("expected KERNEL MODEL WORKERS SIZE (try 'pk-python --help')")
    name, model, wtext, ntext = a["pos"]
    k = load_kernel(name)
    if model not in MODELS:
        raise UsageError("unknown model '%s' (one of %s)" % (model, ", ".join(MODELS)))
    p = parse_count("worker count", wtext, 1, MAX_WORKERS)
    n = parse_count("size", ntext, 1, 1 << 62)
    if n < getattr(k, "MIN_N", 1):
        raise UsageError("%s size %d is too small: at least %d" % (name, n, k.MIN_N))
    if n > k.MAX_N:
        raise UsageError("%s size %d is too large: at most %d (%s)" % (name, n, k.MAX_N, k.MAX_WHY))
    if a["pages"] == "huge":
        raise UsageError("--pages huge: the python models have no arena to map on huge pages")
    params = kernel_params(k, a["params"])
    team_lib.FAULT = parse_fault(name, model)
    fault = team_lib.FAULT["kind"] if team_lib.FAULT else ""
    team = team_lib.Team(k.POOL, p, model == "python-threads", a["bind"], fault == "drop")
    r = {"kernel": name, "model": model, "p": p, "n": n, "seed": a["seed"], "warmup": a["warmup"],
         "params": "/".join("%s:%s" % (pn, params[pn]) for pn, _ in k.PARAMS) or "-",
         "status": "error", "times": [], "setup": None, "startup": interp, "elapsed": None,
         "rate": None, "unit": "-", "result": "-", "detail": "-", "cpus": "-",
         "hosts": socket.gethostname()}
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(s, on_signal)
    kill = True
    try:
        execute(k, team, r, n, a["seed"], params, a["warmup"], a["reps"], a["until_ci"])
        kill = False
    except team_lib.RunError as e:
        r.update(status="error", detail=str(e))
    except Interrupted as e:
        for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(s, signal.SIG_IGN)  # a second signal does not stop the cleaning up
        team.close(True)
        signal.signal(e.args[0], signal.SIG_DFL)
        os.kill(os.getpid(), e.args[0])  # die of the signal, as an unhandled one would
    except Exception as e:  # a kernel's own bug: still a result line, and no worker left
        r.update(status="error", detail="%s: %s" % (type(e).__name__, e))
    team.close(kill)
    r["elapsed"] = time.perf_counter() - started + interp
    if fault == "wrong" and r["status"] == "ok":
        r["result"] = "1" + r["result"]
    line = result_line(r)
    if fault != "noline":
        if fault == "badline":
            line = "pk-result v1 kernel=%s model=%s p=oops end\n" % (name, model)
        sys.stdout.write(line[:len(line) // 2] if fault == "truncate" else line)
    sys.stdout.flush()
    rc = 1 if r["status"] in FAILURES else 0
    if kill:
        os._exit(rc)  # no exit handler may wait on a dead worker's lock
    return rc


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except UsageError as e:
        sys.stderr.write("%s: %s\n" % (PROGRAM, e))
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(1)
