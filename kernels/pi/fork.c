/*
 * pi, fork model: each pool process sums the terms of its block and sends the partial back
 * through its result pipe (Pool.map's return values); the parent adds them in worker order and
 * scales by h.
 */
#include "kernel.h"

#include <string.h>

static int pi_fork_part(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;
    struct pk_range r = pk_partition_block(n, p, w);

    sum = pi_block(r.lo, r.hi, h);
    memcpy(out, &sum, sizeof sum); /* the worker's return value */
    return 0;
}

int pi_fork(struct pk_case *c, int p)
{
    struct pi_data *d = c->data;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;

    if (pk_forkpool_run(c->forks, pi_fork_part, c, d->part, sizeof d->part[0], c->error,
                        sizeof c->error))
        return -1;
    for (int w = 0; w < p; w++) /* the parent gathers what map returned */
        sum += d->part[w].sum;
    d->pi = sum * h;
    return 0;
}
