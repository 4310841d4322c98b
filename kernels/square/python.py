"""square, python and python-threads: the tutorial's Pool.map job, job(x) = x * x.

Idiom: mp.Pool().map (multiprocessing.pool.ThreadPool for python-threads). The inputs, made at
setup from the counter-based generator (common/rng.h: SplitMix64 read at position i), go to the
pool as p blocks, pool.map(job, blocks), and the squares come back in input order, as the
tutorial's res = pool.map(job, range(10)); moving them is part of what the rep costs.
Reference: verify regenerates each x[i] from (seed, i), not from the inputs sent, and checks
every square; the result is the C kernel's order-sensitive hash of y ("%016llx").
"""
NAME = "square"
POOL = "pool"
PARAMS = []
MAX_N = 1 << 36
MAX_WHY = "x and y take 16 bytes an element: 2^36 of them are 1 TiB"
# pk run's size estimate (pk-python --kernels): seconds per item of one rep at p = 1, as
# measured on a 2-vCPU AMD EPYC; per item and worker where PER_WORKER
SECONDS_PER_ITEM = {"python": 3.5e-7, "python-threads": 1.2e-7}
UNIT = "GB/s"
M64 = (1 << 64) - 1
X_MAX = (1 << 31) - 1
HASH_PRIME, HASH_BASIS = 0x100000001B3, 0xCBF29CE484222325


def rng_u64(seed, i):
    """The i-th output of the SplitMix64 stream started at seed (common/rng.h)."""
    z = (seed + (i + 1) * 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def square_input(seed, i):
    """x[i]: uniform on [-X_MAX, X_MAX] by Lemire's multiply, as square_input in kernel.h."""
    return (rng_u64(seed, i) * (2 * X_MAX + 1) >> 64) - X_MAX


def job(xs):
    """The tutorial's job(x) = x * x over one block of inputs."""
    return [x * x for x in xs]


def setup(n, seed, params, team):
    return {"n": n, "seed": seed, "x": [square_input(seed, i) for i in range(n)]}


def run(data, team):
    x = data["x"]
    y = []
    for part in team.map(job, [x[lo:hi] for lo, hi in team.blocks(data["n"])]):
        y.extend(part)
    return y


def verify(data, y):
    """Every y[i] against x[i]^2 regenerated from (seed, i); a missing y[i] reads as -1."""
    n, seed = data["n"], data["seed"]
    if len(y) > n:  # an item computed twice: cut to n, y would pass
        return "failed", "-", "%d squares for %d inputs" % (len(y), n), n
    y = y + [-1] * (n - len(y))  # the C kernel's poison in a slot nobody wrote
    bad, first, want, h = 0, -1, 0, HASH_BASIS
    for i in range(n):
        expected = square_input(seed, i) ** 2
        if y[i] != expected:
            if bad == 0:
                first, want = i, expected
            bad += 1
        h = (h * HASH_PRIME + (y[i] & M64)) & M64
    result = "%016x" % h
    if bad == 0:
        return "ok", result, "-", n
    return "failed", result, "%d of %d squares wrong; first y[%d] = %d, not %d" % (
        bad, n, first, y[first], want), n


def rate(n, p, seconds):
    return 16.0 * n / seconds / 1e9
