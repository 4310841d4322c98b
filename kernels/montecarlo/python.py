"""montecarlo, python and python-threads: pi by n darts from the counter-based generator.

Idiom: mp.Pool().map over blocks of darts, then a sum of the counts (map + reduce); a thread
pool for python-threads. Dart i lands at the top 32 bits of SplitMix64 outputs 2i and 2i + 1
(common/rng.h) and hits when x^2 + y^2 < 2^64, so the hit count is the C kernel's exactly.
Reference: an independent serial pass at setup that walks the generator's state by additions
(SplitMix64's own sequential form), not through hit(); the darts thrown must be n; and the
estimate 4 hits / n must lie within 5 standard errors of pi (from n = 100).
"""
import math

NAME = "montecarlo"
POOL = "pool"
PARAMS = []
MAX_N = 1 << 62
MAX_WHY = "the 2^32 grid's bias in the estimate must stay near one standard error"
# pk run's size estimate (pk-python --kernels): seconds per item of one rep at p = 1, as
# measured on a 2-vCPU AMD EPYC; per item and worker where PER_WORKER
SECONDS_PER_ITEM = 1.2e-6
UNIT = "Mdart/s"
M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def rng_u64(seed, i):
    """The i-th output of the SplitMix64 stream started at seed (common/rng.h)."""
    z = (seed + (i + 1) * GOLDEN) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def job(args):
    """(hits, darts) over darts [lo, hi) of stream seed."""
    seed, lo, hi = args
    hits = darts = 0
    for i in range(lo, hi):
        x, y = rng_u64(seed, 2 * i) >> 32, rng_u64(seed, 2 * i + 1) >> 32
        hits += x * x + y * y < 1 << 64
        darts += 1  # counted as thrown, not hi - lo: a dart the loop skips is a dart short
    return hits, darts


def reference(seed, n):
    """The same darts, the generator stepped by its state (z += GOLDEN), mixed here."""
    hits, state = 0, seed
    for _ in range(n):
        xy = []
        for _ in range(2):
            state = (state + GOLDEN) & M64
            z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & M64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
            xy.append((z ^ (z >> 31)) >> 32)
        hits += xy[0] ** 2 + xy[1] ** 2 < 2**64
    return hits


def setup(n, seed, params, team):
    return {"n": n, "seed": seed, "expected": reference(seed, n)}


def run(data, team):
    parts = team.map(job, [(data["seed"], lo, hi) for lo, hi in team.blocks(data["n"])])
    return sum(h for h, _ in parts), sum(d for _, d in parts)


def verify(data, out):
    hits, darts = out
    n = data["n"]
    if darts != n:
        return "failed", str(hits), "%d darts thrown of %d (%d hits)" % (darts, n, hits), darts
    if hits != data["expected"]:
        return "failed", str(hits), "hits %d, serial reference %d" % (hits, data["expected"]), n
    q = math.pi / 4
    sigmas = (4.0 * hits / n - math.pi) / (4 * math.sqrt(q * (1 - q) / n))
    if n >= 100 and abs(sigmas) > 5.0:
        return "failed", str(hits), ("estimate %.9f of %d darts is %.1f standard errors from pi "
                                     "(at most 5)" % (4.0 * hits / n, n, sigmas)), n
    return "ok", str(hits), "-", n


def rate(n, p, seconds):
    return n / seconds / 1e6 if seconds > 0 else None
