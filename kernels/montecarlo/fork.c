/*
 * montecarlo, fork model: each pool process counts the hits and darts of its block and sends
 * the counts back through its result pipe (the tutorial's mp.Queue); the parent adds them.
 * Workers read n and the seed from their snapshot of the case: both are set before the fork.
 */
#include "kernel.h"

#include <string.h>

static int montecarlo_fork_part(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);
    struct montecarlo_slot mine;

    memset(&mine, 0, sizeof mine); /* the slot's padding goes through the pipe too */
    mine.hits = montecarlo_range(c->seed, r.lo, r.hi, &mine.darts);
    memcpy(out, &mine, sizeof mine); /* q.put((hits, darts)) */
    return 0;
}

int montecarlo_fork(struct pk_case *c, int p)
{
    struct montecarlo_data *d = c->data;
    long long hits = 0, darts = 0;

    if (pk_forkpool_run(c->forks, montecarlo_fork_part, c, d->part, sizeof d->part[0], c->error,
                        sizeof c->error))
        return -1;
    for (int w = 0; w < p; w++) { /* q.get() for every worker */
        hits += d->part[w].hits;
        darts += d->part[w].darts;
    }
    d->hits = hits;
    d->darts = darts;
    return 0;
}
