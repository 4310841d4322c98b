/* stream: arrays, filling, the closed-form check and the bandwidth figure. */
#include "kernel.h"

#include <math.h>
#include <stdio.h>

#include "sysinfo.h"

long long stream_class_size(enum pk_class cls)
{
    long long want = 4 * pk_sys_llc_bytes() / (long long)sizeof(double), a = 1LL << 25;
    while (a < want)
        a <<= 1;
    switch (cls) {
    case PK_CLASS_S:
        return 1000;
    case PK_CLASS_W:
        return a / 8;
    case PK_CLASS_A:
        return a;
    case PK_CLASS_B:
        return 2 * a;
    default:
        return 4 * a;
    }
}

size_t stream_bytes(const struct pk_case *c)
{
    struct pk_range r = pk_case_local_range(c); /* everything, or for mpi its rank's block */
    /* pk_arena_bytes: each array with its alignment and its stagger (arena.h) */
    return pk_arena_bytes(sizeof(struct stream_data)) +
           3 * pk_arena_bytes((size_t)(r.hi - r.lo) * sizeof(double));
}

void stream_fill(struct stream_data *d, long long lo, long long hi)
{
    for (long long i = lo; i < hi; i++) {
        d->b[i] = stream_b(d->offset + i);
        d->c[i] = stream_c(d->offset + i);
        d->a[i] = NAN;
    }
}

int stream_setup(struct pk_case *c, char *err, size_t errlen)
{
    struct pk_range r = pk_case_local_range(c);
    size_t bytes = (size_t)(r.hi - r.lo) * sizeof(double);
    struct stream_data *d = pk_arena_alloc(&c->arena, sizeof *d);

    if (!d || !(d->a = pk_arena_alloc(&c->arena, bytes)) ||
        !(d->b = pk_arena_alloc(&c->arena, bytes)) || !(d->c = pk_arena_alloc(&c->arena, bytes))) {
        snprintf(err, errlen, "stream: arena too small");
        return -1;
    }
    d->offset = r.lo;
    d->length = r.hi - r.lo;
    c->data = d;
    if (pk_case_distributed(c)) /* a rank touches its own block: it is the only one using it */
        stream_fill(d, 0, d->length);
    /* the other models fill in their init hook, from the workers that run the triad */
    return 0;
}

void stream_reset(struct pk_case *c)
{
    struct stream_data *d = c->data;
    for (long long i = 0; i < d->length; i++)
        d->a[i] = NAN; /* a NaN never equals the closed form */
}

long long stream_check(const struct stream_data *d, double *sum, long long *first_bad)
{
    long long bad = 0;
    double total = 0;
    *first_bad = -1;
    for (long long i = 0; i < d->length; i++) {
        double want = stream_expected(d->offset + i);
        if (d->a[i] != want && bad++ == 0)
            *first_bad = d->offset + i;
        total += d->a[i];
    }
    *sum = total;
    return bad;
}

void stream_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct stream_data *d = c->data;
    long long bad, first_bad = -1;
    double sum;

    if (pk_case_distributed(c)) { /* stream_mpi_collect reduced every rank's check to rank 0 */
        bad = d->mismatch;
        sum = d->sum;
        v->covered = d->checked; /* n only if the ranks' blocks add up to it */
    } else {
        bad = stream_check(d, &sum, &first_bad);
        v->covered = d->length; /* this process holds, and checked, every element */
    }
    snprintf(v->result, sizeof v->result, "%.0f", sum);
    if (bad == 0 && !isnan(sum)) {
        v->status = PK_STATUS_OK;
        return;
    }
    v->status = PK_STATUS_FAILED;
    if (first_bad >= 0)
        snprintf(v->detail, sizeof v->detail, "%lld of %lld elements wrong, first a[%lld] = %g",
                 bad, c->n, first_bad, d->a[first_bad - d->offset]);
    else
        snprintf(v->detail, sizeof v->detail, "%lld of %lld elements wrong", bad, c->n);
}

double stream_rate(const struct pk_case *c, double seconds)
{
    return 24.0 * (double)c->n / seconds / 1e9;
}
