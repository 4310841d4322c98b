/*
 * pi: the midpoint rule for the integral of f(x) = 4/(1+x^2) on [0,1] with n intervals,
 * h = 1/n: pi ~ h * sum over i in [0, n) of f((i + 0.5) h). Tutorial pattern: Pool.map over a
 * range with a sum (the tutorial's job, summed in floating point): every worker maps its block
 * of indices to terms and adds them; the partial sums are combined.
 *
 * Every model sums its block with pi_block: plain sums of PI_CHUNK terms, the chunk sums added
 * with TwoSum (compensated), so a block's rounding error is that of one chunk, however long it is.
 *
 * Reference: the same midpoint sum M(n), computed more precisely (pi_reference, long double):
 *   directly below PI_SERIES_MIN_N terms; from there by its Euler-Maclaurin expansion
 *   M = pi + h^2/12 - (31/16128) h^6 + c10 h^10 + ..., c10 = B_10(1/2) f^(9)(1) / 10! (f's odd
 *   derivatives vanish at 0, f''' and f^(7) at 1), whose next term is below 1e-23 there.
 * Bound: rounding only, relative to M <= 4, u = 2^-53, gamma_k = k u / (1 - k u):
 *   each term: h = fl(1/n) and x = fl((i+0.5)h) carry 2 roundings, |x f'(x)/f(x)| <= 1 on
 *     [0,1]; x*x, 1+ and 4/ add 3: gamma_5 (possibly all in one direction: h is shared);
 *   a chunk of at most PI_CHUNK positive terms summed plainly: gamma_{PI_CHUNK-1};
 *   TwoSum over K chunks: sum + comp is exact but for comp's own roundings (K^2 u^2) and the
 *     final sum + comp (u);
 *   the p block sums combined in any order (per-worker slots, a reduction, MPI_Reduce):
 *     gamma_{p-1}; the final * h: u, plus h's own rounding: u.
 *   In all |result - M| <= 4 (gamma_{PI_CHUNK+p+8} + K^2 u^2), K = n/PI_CHUNK + p + 1 chunks
 *   (pi_rounding_bound): 4.6e-13 at p = 3, 9.2e-13 at p = PK_MAX_WORKERS, for any n allowed.
 * A dropped term is at least h min f = 2/n: 5e-11 at PI_MAX_N, 50 times the largest bound; a
 * left-endpoint rule is off by about h. Both fail at every class (tests/unit/check_pi.c).
 * (The old check, against M_PI within the discretisation bound 1/(3n^2) plus a worst-case
 * gamma_{n+8} for any plain summation, passed a dropped term from n = 6.7e7 on.)
 *
 * Agreement across models (registry .tolerance, relative): each model's result lies within the
 * bound of the same M, so two differ by less than 6e-13 relative; PI_TOLERANCE = 1e-5 is far
 * looser (it was derived for plain summation up to PI_MAX_N, and results recorded before the
 * compensated sum still agree under it). PI_MAX_N = 4e10.
 */
#ifndef PI_KERNEL_H
#define PI_KERNEL_H

#include <stdalign.h>

#include "partition.h"
#include "pk_kernel.h"

#define PI_MAX_N        40000000000LL /* 2 gamma_{n+8} <= PI_TOLERANCE up to here */
#define PI_TOLERANCE    1e-5          /* relative; holds for n <= PI_MAX_N (see above) */
#define PI_CHUNK        1024          /* terms summed plainly before a compensated add */
#define PI_SERIES_MIN_N 100           /* pi_reference: direct sum below, expansion from here */
#define PI_FLOPS        6             /* per term: + and * for x, x*x, 1+, 4/, sum += */

/* One worker's partial sum, on a cache line of its own so threads never share one. */
struct pi_slot {
    alignas(64) double sum;
};

struct pi_data {
    double pi;            /* the result of the last rep: h * sum; NaN after reset */
    long double ref;      /* pi_reference(n), computed at setup */
    double bound;         /* pi_rounding_bound(n, p), computed at setup */
    struct pi_slot *part; /* one per worker: threads' slots, fork's landing */
};

/* The midpoint term f((i + 0.5) h) = 4 / (1 + x^2): the one line every model runs. */
static inline double pi_term(long long i, double h)
{
    double x = (i + 0.5) * h;
    return 4.0 / (1.0 + x * x);
}

/*
 * The sum of terms [lo, hi): plain sums of PI_CHUNK terms, added with TwoSum (Knuth): the exact
 * error of each add goes into comp. The one loop every model runs on its block.
 */
static inline double pi_block(long long lo, long long hi, double h)
{
    double sum = 0.0, comp = 0.0;
    for (long long c0 = lo; c0 < hi; c0 += PI_CHUNK) {
        long long c1 = hi - c0 > PI_CHUNK ? c0 + PI_CHUNK : hi;
        double part = 0.0;
        for (long long i = c0; i < c1; i++)
            part += pi_term(i, h);
        double t = sum + part, b = t - sum; /* TwoSum: sum + part = t + the error below */
        comp += (sum - (t - b)) + (part - b);
        sum = t;
    }
    return sum + comp;
}

/* The midpoint sum M(n) with exact h = 1/n, in long double (see above). */
long double pi_reference(long long n);

/* How far a correct result of n terms over p blocks may lie from M(n): rounding only. */
double pi_rounding_bound(long long n, int p);

size_t pi_bytes(const struct pk_case *c);
int pi_setup(struct pk_case *c, char *err, size_t errlen);
void pi_reset(struct pk_case *c);
void pi_verify(const struct pk_case *c, struct pk_verdict *v);
double pi_rate(const struct pk_case *c, double seconds);

int pi_serial(struct pk_case *c, int p);
int pi_openmp(struct pk_case *c, int p);
int pi_threads(struct pk_case *c, int p);
int pi_fork(struct pk_case *c, int p);

#endif
