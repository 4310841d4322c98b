/* polysum: the block sum every model but openmp calls, setup, the closed form and the check. */
#include "kernel.h"

#include <stdio.h>

bool polysum_closed_form(long long n, pk_u128 *sum)
{
    pk_u128 m = (pk_u128)(n - 1), a, b, a2, total;
    if (n < 1)
        return false;
    a = m * (m + 1) / 2;     /* exact: m(m+1) < 2^67 */
    b = a * (2 * m + 1) / 3; /* exact: m(m+1)(2m+1) is divisible by 6 */
    if (__builtin_mul_overflow(a, a, &a2) || __builtin_add_overflow(a, b, &total) ||
        __builtin_add_overflow(total, a2, &total))
        return false;
    *sum = total;
    return true;
}

pk_u128 polysum_range(long long lo, long long hi)
{
    pk_u128 sum = 0;
    for (long long i = lo; i < hi; i++)
        sum += polysum_term(i);
    return sum;
}

size_t polysum_bytes(const struct pk_case *c)
{
    return sizeof(struct polysum_data) + (size_t)c->workers * sizeof(struct polysum_slot);
}

int polysum_setup(struct pk_case *c, char *err, size_t errlen)
{
    struct polysum_data *d = pk_arena_alloc(&c->arena, sizeof *d);
    if (!d || !(d->part = pk_arena_alloc(&c->arena, (size_t)c->workers * sizeof *d->part))) {
        snprintf(err, errlen, "polysum: arena too small");
        return -1;
    }
    if (!polysum_closed_form(c->n, &d->expected)) {
        snprintf(err, errlen, "polysum size %lld: the sum does not fit in 128 bits", c->n);
        return -1;
    }
    c->data = d;
    return 0;
}

void polysum_reset(struct pk_case *c)
{
    struct polysum_data *d = c->data;
    d->sum = ~(pk_u128)0; /* no n below the limit sums to 2^128 - 1 */
    /* nor can a slot hold it: a thread that skips its block leaves the sum wrong, not stale */
    for (int w = 0; w < c->workers; w++)
        d->part[w].sum = ~(pk_u128)0;
}

void polysum_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct polysum_data *d = c->data;
    char want[48];

    v->covered = c->n; /* the sum of all n terms against its closed form */
    pk_u128_format(v->result, sizeof v->result, d->sum);
    if (d->sum == d->expected) {
        v->status = PK_STATUS_OK;
        return;
    }
    v->status = PK_STATUS_FAILED;
    snprintf(v->detail, sizeof v->detail, "sum %s, closed form %s", v->result,
             pk_u128_format(want, sizeof want, d->expected));
}
