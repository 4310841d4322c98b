"""histogram, python and python-threads: n generated values counted into B shared bins.

Idiom: the tutorial's shared memory, mp.Array for the bins and mp.Value for the total, made at
setup and inherited by the pool's workers (fork); mp.Pool().map hands out the blocks (a thread
pool for python-threads, with the very same Array, Value and Lock). --sync:
  private  each worker counts its block into a list of its own and returns it; the parent
           merges the lists into the Array and the Value (the default, and the fast one);
  lock     every update takes one mp.Lock around bins[b] += 1 and total.value += 1;
  none     the same updates without the Lock: a read and a write that another worker's update
           can fall between, the tutorial's lost update (status race at p > 1).
--sync atomic has no Python counterpart (no atomic add on shared memory): refused.
Value i goes to bin rng_below(seed, i, B) (common/rng.h). Reference: a serial pass at setup.
Result as the C kernel's: "%016x:%d", FNV-1a over the bins, then the total.
"""
import multiprocessing as mp

NAME = "histogram"
POOL = "pool"
PARAMS = [("sync", {"choices": ("private", "lock", "none"), "default": "private",
                    "refused": {"atomic": "Python has no atomic add on shared memory "
                                          "(use lock)"}}),
          ("bins", {"min": 1, "max": 65536, "default": 256})]
MAX_N = 1 << 40
MAX_WHY = "2^40 updates take hours on one core; the counters are 64-bit"
# pk run's size estimate (pk-python --kernels): seconds per item of one rep at p = 1, as
# measured on a 2-vCPU AMD EPYC; per item and worker where PER_WORKER
SECONDS_PER_ITEM = 5e-7
UNIT = "Mupd/s"
M64 = (1 << 64) - 1
SHARED = {}  # the counters of this run: made at setup, before the workers fork


def rng_u64(seed, i):
    """The i-th output of the SplitMix64 stream started at seed (common/rng.h)."""
    z = (seed + (i + 1) * 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def job(block):
    """Counts values [lo, hi) as --sync says; returns private counts (or None)."""
    lo, hi = block
    s = SHARED
    seed, nbins, bins, total, lock = s["seed"], s["nbins"], s["bins"], s["total"], s["lock"]
    if s["sync"] == "private":
        mine = [0] * nbins
        for i in range(lo, hi):
            mine[rng_u64(seed, i) * nbins >> 64] += 1
        return mine
    for i in range(lo, hi):
        b = rng_u64(seed, i) * nbins >> 64
        if s["sync"] == "lock":
            with lock:
                bins[b] += 1
                total.value += 1
        else:
            bins[b] += 1
            total.value += 1
    return None


def setup(n, seed, params, team):
    nbins = params["bins"]
    expected = [0] * nbins
    for i in range(n):  # the reference: a plain pass of its own
        expected[(rng_u64(seed, i) * nbins) >> 64] += 1
    SHARED.update(seed=seed, nbins=nbins, sync=params["sync"], bins=mp.Array("Q", nbins),
                  total=mp.Value("Q", 0), lock=mp.Lock())
    return {"n": n, "expected": expected, "racing": params["sync"] == "none" and team.p > 1}


def run(data, team):
    bins, total = SHARED["bins"], SHARED["total"]
    bins[:] = [0] * SHARED["nbins"]  # lock and none add to the shared counters
    total.value = 0
    parts = team.map(job, team.blocks(data["n"]))
    if SHARED["sync"] == "private":
        merged = [sum(col) for col in zip(*parts)]
        bins[:] = merged
        total.value = sum(merged)
    return list(bins[:]), total.value


def verify(data, out):
    bins, total = out
    n, expected = data["n"], data["expected"]
    h = 0xCBF29CE484222325
    for b in bins:
        h = ((h ^ b) * 0x100000001B3) & M64
    result = "%016x:%d" % (h, total)
    differ = [b for b in range(len(bins)) if bins[b] != expected[b]]
    if data["racing"]:
        return "race", result, ("lost %d of %d updates (--sync none races on purpose); the total "
                                "lost %d" % (n - sum(bins), n, n - total)), n
    if not differ and total == n:
        return "ok", result, "-", n
    if differ:
        b = differ[0]
        return "failed", result, ("bin %d holds %d, the reference %d (%d of %d bins differ, they "
                                  "sum to %d); total %d of %d" % (b, bins[b], expected[b],
                                                                  len(differ), len(bins),
                                                                  sum(bins), total, n)), n
    return "failed", result, "every bin right, but the total is %d, not %d" % (total, n), n


def rate(n, p, seconds):
    return n / seconds / 1e6 if seconds > 0 else 0.0
