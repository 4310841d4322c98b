/* pi: the reference sum, its bound, setup, the poison, the check and the GFLOP/s figure. */
#include "kernel.h"

#include <math.h>
#include <stdio.h>

/* 4 / (1 + x^2) at x = (i + 0.5) / n, all in long double */
static long double term_ld(long long i, long long n)
{
    long double x = ((long double)i + 0.5L) / (long double)n;
    return 4.0L / (1.0L + x * x);
}

long double pi_reference(long long n)
{
    const long double pi = 3.141592653589793238462643383279502884L;
    long double h = 1.0L / (long double)n, h2 = h * h;
    if (n < PI_SERIES_MIN_N) {
        long double sum = 0.0L;
        for (long long i = 0; i < n; i++)
            sum += term_ld(i, n);
        return sum * h;
    }
    /*
     * Euler-Maclaurin for the midpoint rule: the sum over k of h^2k B_2k(1/2) / (2k)! times
     * (f^(2k-1)(1) - f^(2k-1)(0)). f is even, so its odd derivatives vanish at 0; at 1, f' = -2,
     * f''' = 0, f^(5) = 60, f^(7) = 0, f^(9) = -45360; B_2(1/2) = -1/12, B_6(1/2) = -31/1344,
     * B_10(1/2) = -(511/512)(5/66).
     */
    long double c10 = -(511.0L / 512.0L) * (5.0L / 66.0L) / 3628800.0L * -45360.0L;
    return pi + h2 / 12.0L - 31.0L / 16128.0L * h2 * h2 * h2 + c10 * h2 * h2 * h2 * h2 * h2;
}

double pi_rounding_bound(long long n, int p)
{
    const double u = 0x1p-53;
    double ku = (double)(PI_CHUNK + p + 8) * u, chunks = (double)n / PI_CHUNK + p + 1;
    return 4.0 * (ku / (1.0 - ku) + chunks * chunks * u * u); /* M <= 4 */
}

size_t pi_bytes(const struct pk_case *c)
{
    return sizeof(struct pi_data) + (size_t)c->workers * sizeof(struct pi_slot);
}

int pi_setup(struct pk_case *c, char *err, size_t errlen)
{
    struct pi_data *d = pk_arena_alloc(&c->arena, sizeof *d);
    if (!d || !(d->part = pk_arena_alloc(&c->arena, (size_t)c->workers * sizeof *d->part))) {
        snprintf(err, errlen, "pi: arena too small");
        return -1;
    }
    if (c->n < 1 || c->n > PI_MAX_N) {
        snprintf(err, errlen, "pi size %lld: outside [1, %lld]", c->n, PI_MAX_N);
        return -1;
    }
    d->ref = pi_reference(c->n);
    d->bound = pi_rounding_bound(c->n, c->workers);
    c->data = d;
    return 0;
}

void pi_reset(struct pk_case *c)
{
    struct pi_data *d = c->data;
    d->pi = NAN; /* fails every comparison: a rep that skips its combine cannot pass */
    for (int w = 0; w < c->workers; w++) /* nor one where a thread skips its block */
        d->part[w].sum = NAN;
}

void pi_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct pi_data *d = c->data;
    double error = (double)fabsl((long double)d->pi - d->ref);

    snprintf(v->result, sizeof v->result, "%.17g", d->pi);
    v->covered = c->n; /* the reference sums all n terms, and any one term exceeds the bound */
    if (error <= d->bound) { /* false for NaN */
        v->status = PK_STATUS_OK;
        return;
    }
    v->status = PK_STATUS_FAILED;
    snprintf(v->detail, sizeof v->detail,
             "pi %.17g is %.3g from the midpoint sum %.19Lg; the rounding bound for n=%lld, "
             "p=%d is %.3g",
             d->pi, error, d->ref, c->n, c->workers, d->bound);
}

double pi_rate(const struct pk_case *c, double seconds)
{
    return seconds > 0 ? PI_FLOPS * (double)c->n / seconds / 1e9 : 0.0;
}
