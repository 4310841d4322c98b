"""pi, python and python-threads: the midpoint rule for the integral of 4/(1+x^2) on [0, 1].

Idiom: mp.Pool().map over p blocks of the range (a thread pool for python-threads); each worker
sums its block as the C kernel's pi_block does: plain sums of 1024 terms, the chunk sums added
with TwoSum (compensated). Python floats are IEEE doubles and each operation rounds as C's do
(pk builds with -ffp-contract=off), so a block's sum is the C block's, bit for bit; the parent
adds the blocks in worker order and scales by h, as the threads and fork models do.
Reference: the midpoint sum M(n) in exact rationals (fractions): directly below 100 terms, by
its Euler-Maclaurin expansion from there (kernel.h); the result must lie within the C kernel's
rounding bound 4 (gamma_{1024+p+8} + K^2 u^2) of it. Printed "%.17g", as pi_verify does.
"""
from fractions import Fraction

NAME = "pi"
POOL = "pool"
PARAMS = []
MAX_N = 40000000000
MAX_WHY = "the agreement tolerance 1e-5 holds up to 4e10 terms"
# pk run's size estimate (pk-python --kernels): seconds per item of one rep at p = 1, as
# measured on a 2-vCPU AMD EPYC; per item and worker where PER_WORKER
SECONDS_PER_ITEM = 1.1e-7
UNIT = "GFLOP/s"
TOLERANCE = 1e-5  # relative, across models (the registry's PI_TOLERANCE)
CHUNK = 1024
PI = Fraction("3.141592653589793238462643383279502884197169399375105820974944")


def job(args):
    """pi_block: the sum of terms [lo, hi), 1024-term chunks added with TwoSum."""
    lo, hi, h = args
    total = comp = 0.0
    for c0 in range(lo, hi, CHUNK):
        part = 0.0
        for i in range(c0, min(c0 + CHUNK, hi)):
            x = (i + 0.5) * h
            part += 4.0 / (1.0 + x * x)
        t = total + part
        b = t - total
        comp += (total - (t - b)) + (part - b)
        total = t
    return total + comp


def reference(n):
    """M(n) exactly (n < 100) or by Euler-Maclaurin to far below the bound."""
    h = Fraction(1, n)
    if n < 100:
        return sum(4 / (1 + ((i + Fraction(1, 2)) * h) ** 2) for i in range(n)) * h
    h2 = h * h
    c10 = -Fraction(511, 512) * Fraction(5, 66) / 3628800 * -45360
    return PI + h2 / 12 - Fraction(31, 16128) * h2**3 + c10 * h2**5


def bound(n, p):
    u = 2.0**-53
    ku, chunks = (CHUNK + p + 8) * u, n / CHUNK + p + 1
    return 4.0 * (ku / (1.0 - ku) + chunks * chunks * u * u)


def setup(n, seed, params, team):
    return {"n": n, "ref": reference(n), "bound": bound(n, team.p)}


def run(data, team):
    n = data["n"]
    h = 1.0 / n
    total = 0.0
    for part in team.map(job, [(lo, hi, h) for lo, hi in team.blocks(n)]):
        total += part
    return total * h


def verify(data, pi):
    n, text = data["n"], "%.17g" % pi
    error = float(abs(Fraction(pi) - data["ref"])) if pi == pi else float("inf")
    if error <= data["bound"]:
        return "ok", text, "-", n
    return "failed", text, ("pi %.17g is %.3g from the midpoint sum %.19g; the rounding bound "
                            "for n=%d is %.3g" % (pi, error, float(data["ref"]), n,
                                                  data["bound"])), n


def rate(n, p, seconds):
    return 6.0 * n / seconds / 1e9 if seconds > 0 else 0.0
