/*
 * montecarlo, threads model: each pool thread counts the hits and darts of its block into its
 * own padded slot (threads share memory: no queue needed); the main thread adds the slots.
 */
#include "kernel.h"

static int montecarlo_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct montecarlo_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);

    d->part[w].darts = 0;
    d->part[w].hits = montecarlo_range(c->seed, r.lo, r.hi, &d->part[w].darts);
    return 0;
}

int montecarlo_threads(struct pk_case *c, int p)
{
    struct montecarlo_data *d = c->data;
    long long hits = 0, darts = 0;

    if (pk_threadpool_run(c->threads, montecarlo_threads_part, c))
        return -1;
    for (int w = 0; w < p; w++) {
        hits += d->part[w].hits;
        darts += d->part[w].darts;
    }
    d->hits = hits;
    d->darts = darts;
    return 0;
}
