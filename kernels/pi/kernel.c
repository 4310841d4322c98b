/* pi: the error bounds, setup, the poison, the check against M_PI and the GFLOP/s figure. */
#include "kernel.h"

#include <math.h>
#include <stdio.h>

double pi_discretisation_bound(long long n)
{
    double h = 1.0 / (double)n;
    return h * h * 8.0 / 24.0; /* (b - a) h^2 max|f''| / 24, max|f''| = |f''(0)| = 8 */
}

double pi_rounding_bound(long long n)
{
    double ku = (double)(n + 8) * 0x1p-53;
    return 4.0 * ku / (1.0 - ku); /* M <= 4 times gamma_{n+8} */
}

double pi_error_bound(long long n)
{
    return pi_discretisation_bound(n) + pi_rounding_bound(n);
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
    d->bound = pi_error_bound(c->n);
    c->data = d;
    return 0;
}

void pi_reset(struct pk_case *c)
{
    struct pi_data *d = c->data;
    d->pi = NAN; /* fails every comparison: a rep that skips its combine cannot pass */
}

void pi_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct pi_data *d = c->data;
    double error = fabs(d->pi - M_PI);

    snprintf(v->result, sizeof v->result, "%.17g", d->pi);
    if (error <= d->bound) { /* false for NaN */
        v->status = PK_STATUS_OK;
        return;
    }
    v->status = PK_STATUS_FAILED;
    snprintf(v->detail, sizeof v->detail,
             "pi %.17g is %.3g from M_PI; the bound for n=%lld is %.3g", d->pi, error, c->n,
             d->bound);
}

double pi_rate(const struct pk_case *c, double seconds)
{
    return seconds > 0 ? PI_FLOPS * (double)c->n / seconds / 1e9 : 0.0;
}
