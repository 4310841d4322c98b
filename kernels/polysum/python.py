"""polysum, python and python-threads: the tutorial's Queue job, sum of i + i**2 + i**3.

Idiom: mp.Process + mp.Queue (threading.Thread + queue.Queue for python-threads). The runner's
crew keeps p workers; each rep sends worker w its block [lo, hi) on its own queue, and every
worker puts its partial sum on one shared result queue, which the parent adds up, as the
tutorial's res1 + res2. Python ints are exact, so the sum is the 128-bit C result exactly.
Reference: the closed form A + B + A^2 with m = n - 1, A = m(m+1)/2, B = m(m+1)(2m+1)/6.
"""
NAME = "polysum"
POOL = "crew"
PARAMS = []
MAX_N = 6074001000
MAX_WHY = "the sum must fit in 128 bits"
# pk run's size estimate (pk-python --kernels): seconds per item of one rep at p = 1, as
# measured on a 2-vCPU AMD EPYC; per item and worker where PER_WORKER
SECONDS_PER_ITEM = 1.2e-7


def job(block):
    """The tutorial's job on one block: res += i + i**2 + i**3."""
    lo, hi = block
    res = 0
    for i in range(lo, hi):
        res += i + i**2 + i**3
    return res


def closed_form(n):
    m = n - 1
    a = m * (m + 1) // 2
    b = m * (m + 1) * (2 * m + 1) // 6
    return a + b + a * a


def setup(n, seed, params, team):
    return {"n": n, "expected": closed_form(n)}


def run(data, team):
    return sum(team.map(job, team.blocks(data["n"])))


def verify(data, total):
    """(status, result, detail, covered): the sum against its closed form."""
    if total == data["expected"]:
        return "ok", str(total), "-", data["n"]
    return "failed", str(total), "sum %d, closed form %d" % (total, data["expected"]), data["n"]
