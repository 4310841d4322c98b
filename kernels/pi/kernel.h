/*
 * pi: the midpoint rule for the integral of f(x) = 4/(1+x^2) on [0,1] with n intervals,
 * h = 1/n: pi ~ h * sum over i in [0, n) of f((i + 0.5) h). Tutorial pattern: Pool.map over a
 * range with a sum (the tutorial's job, summed in floating point): every worker maps its block
 * of indices to terms and adds them; the partial sums are combined.
 *
 * Reference: M_PI, within the method's error plus the rounding error, checked on every rep:
 *   discretisation: |E| <= (b-a) h^2 max|f''| / 24 with f''(x) = 8(3x^2-1)/(1+x^2)^3. f''' =
 *     96x(1-x^2)/(1+x^2)^4 >= 0 on [0,1], so f'' rises from -8 at 0 to 2 at 1: max|f''| = 8
 *     (at x = 0), and |E| <= h^2/3. (The sum overestimates pi by about h^2/12, as the
 *     Euler-Maclaurin term -(h^2/24)(f'(1)-f'(0)) says, but only the bound is checked.)
 *   rounding, u = 2^-53, gamma_k = k u / (1 - k u): h = fl(1/n) and x = fl((i+0.5)h) carry 2
 *     roundings (i + 0.5 is exact below 2^52) and |x f'(x)/f(x)| <= 1 on [0,1]; x*x, 1+ and 4/
 *     add 3, so each term is within gamma_5 of f(x_i). Summing n positive terms in ANY order
 *     (recursive, blocked per worker, a reduction tree) adds gamma_{n-1}, the final * h two
 *     more: |result - M| <= gamma_{n+6} M <= 4 gamma_{n+8} (M <= max f = 4; two spare u
 *     cover the second-order terms).
 *   verify: |result - pi| <= 1/(3 n^2) + 4 gamma_{n+8} (pi_error_bound).
 *
 * Agreement across models (registry .tolerance, relative): each model's result is within
 * gamma_{n+8} M of the same exact M, so two differ by at most 2 gamma/(1 - gamma) relative.
 * PI_TOLERANCE = 1e-5 holds while 2 (n+8) u / (1 - (n+8) u) <= 1e-5, i.e. n <= 4.5e10; so
 * PI_MAX_N = 4e10 (2 gamma = 8.9e-6). Typical differences are near 1e-13: the bound is the
 * worst case of n - 1 roundings all in one direction.
 */
#ifndef PI_KERNEL_H
#define PI_KERNEL_H

#include <stdalign.h>

#include "partition.h"
#include "pk_kernel.h"

#define PI_MAX_N     40000000000LL /* 2 gamma_{n+8} <= PI_TOLERANCE up to here */
#define PI_TOLERANCE 1e-5          /* relative; holds for n <= PI_MAX_N (see above) */
#define PI_FLOPS     6             /* per term: + and * for x, x*x, 1+, 4/, sum += */

/* One worker's partial sum, on a cache line of its own so threads never share one. */
struct pi_slot {
    alignas(64) double sum;
};

struct pi_data {
    double pi;            /* the result of the last rep: h * sum; NaN after reset */
    double bound;         /* pi_error_bound(n), computed at setup */
    struct pi_slot *part; /* one per worker: threads' slots, fork's landing */
};

/* The midpoint term f((i + 0.5) h) = 4 / (1 + x^2): the one line every model runs. */
static inline double pi_term(long long i, double h)
{
    double x = (i + 0.5) * h;
    return 4.0 / (1.0 + x * x);
}

/* The discretisation bound h^2 max|f''| / 24 = 1 / (3 n^2). */
double pi_discretisation_bound(long long n);

/* The rounding bound 4 gamma_{n+8}, u = 2^-53, for any summation order. */
double pi_rounding_bound(long long n);

/* Their sum: how far a correct result for n intervals may lie from pi. */
double pi_error_bound(long long n);

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
