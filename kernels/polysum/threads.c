/*
 * polysum, threads model: each pool thread sums its block into its own slot of shared memory
 * (threads need no queue: they share the parent's memory); the main thread adds the slots.
 */
#include "kernel.h"

static int polysum_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct polysum_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);

    d->part[w].sum = polysum_range(r.lo, r.hi);
    return 0;
}

int polysum_threads(struct pk_case *c, int p)
{
    struct polysum_data *d = c->data;
    pk_u128 sum = 0;

    if (pk_threadpool_run(c->threads, polysum_threads_part, c))
        return -1;
    for (int w = 0; w < p; w++)
        sum += d->part[w].sum;
    d->sum = sum;
    return 0;
}
