/*
 * polysum, fork model: each pool process sums its block and sends the partial back through its
 * result pipe (the tutorial's mp.Queue); the parent adds what arrives.
 */
#include "kernel.h"

#include <string.h>

static int polysum_fork_part(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);
    pk_u128 sum = polysum_range(r.lo, r.hi);

    memcpy(out, &sum, sizeof sum); /* q.put(res) */
    return 0;
}

int polysum_fork(struct pk_case *c, int p)
{
    struct polysum_data *d = c->data;
    pk_u128 sum = 0;

    if (pk_forkpool_run(c->forks, polysum_fork_part, c, d->part, sizeof d->part[0], c->error,
                        sizeof c->error))
        return -1;
    for (int w = 0; w < p; w++) /* q.get() for every worker */
        sum += d->part[w].sum;
    d->sum = sum;
    return 0;
}
