"""spawn, python and python-threads: the tutorial's Process create / start / join.

Idiom: p1 = mp.Process(target=job, args=(a, d)); p1.start(); p1.join() (threading.Thread for
python-threads), created inside the timed rep on purpose: one rep is n rounds, and each round
creates p workers that each run job(a, d) with a = the round and d = w + 1, then joins them.
job records both in worker w's four slots of one shared mp.RawArray (each worker writes only
its own slots, so it needs no lock); a process that does not end with exit code 0 is an error.
Reference: the closed forms of what every worker must have recorded after n rounds (runs = n,
sum of a = n(n-1)/2, d = w + 1, no run out of turn) and the guard slots past the last worker
untouched. Result, as every C model's: "rounds=N each-worker-once".
"""
import multiprocessing as mp

NAME = "spawn"
POOL = None  # creating the workers is what is measured
PARAMS = []
MAX_N = 10000000
MAX_WHY = "10^7 rounds of fork at p = 2 already take about 40 minutes"
# pk run's size estimate (pk-python --kernels): seconds per item of one rep at p = 1, as
# measured on a 2-vCPU AMD EPYC; per item and worker where PER_WORKER
SECONDS_PER_ITEM = {"python": 2.2e-3, "python-threads": 1.3e-4}
PER_WORKER = True  # each round creates p workers
UNIT = "us/round"
RUNS, SUM, D, OUT_OF_TURN = range(4)  # the fields of one worker's slot


def job(slot, w, a, d):
    """The tutorial's job(a, d), run as worker w."""
    base = 4 * w
    slot[base + OUT_OF_TURN] += a != slot[base + RUNS]  # rounds come 0, 1, ...: one run each
    slot[base + RUNS] += 1
    slot[base + SUM] += a
    slot[base + D] = d


def setup(n, seed, params, team):
    return {"n": n, "p": team.p, "slot": mp.RawArray("q", 4 * (team.p + 1))}


def run(data, team):
    slot, p = data["slot"], data["p"]
    slot[:] = [0] * len(slot)  # zero is the poison: a rep that creates nobody fails
    for a in range(data["n"]):
        workers = [team.Worker(target=job, args=(slot, w, a, w + 1)) for w in range(p)]
        for t in workers:
            t.start()
        for w, t in enumerate(workers):
            t.join()
            code = getattr(t, "exitcode", 0)
            if code:
                how = "by signal %d" % -code if code < 0 else "with status %d" % code
                return "worker %d (pid %d) of round %d ended %s" % (w, t.pid, a, how)
    return list(slot)


def verify(data, out):
    n, p = data["n"], data["p"]
    if isinstance(out, str):
        return "error", "-", out, n
    total = n * (n - 1) // 2
    for w in range(p):
        runs, got, d, late = out[4 * w:4 * w + 4]
        if runs != n:
            return "failed", "-", "worker %d ran %d times in %d rounds" % (w, runs, n), n
        if got != total:
            return "failed", "-", "worker %d: sum of a %d, n(n-1)/2 is %d" % (w, got, total), n
        if late:
            return "failed", "-", ("worker %d ran %d times out of turn (a round twice, another "
                                   "never)" % (w, late)), n
        if d != w + 1:
            return "failed", "-", "worker %d was given d %d, not %d" % (w, d, w + 1), n
    if any(out[4 * p:]):
        return "failed", "-", "slot %d past the %d workers was touched (runs %d)" % (
            p, p, out[4 * p]), n
    return "ok", "rounds=%d each-worker-once" % n, "-", n


def rate(n, p, seconds):
    return seconds * 1e6 / n
