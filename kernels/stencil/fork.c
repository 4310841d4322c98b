/*
 * stencil, fork model: each pool process owns a block of interior rows (pk_partition_block
 * over the N - 2 of them) for all T sweeps and writes them straight into the grids, which live
 * in the arena (MAP_SHARED). After each sweep it waits at a PTHREAD_PROCESS_SHARED barrier that
 * setup placed in the arena before the pool forked. Nothing travels back through the pipes but
 * the pool's "done"; a worker with no rows still waits at every barrier.
 */
#include "kernel.h"

#include <stdio.h>

static int stencil_fork_part(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    struct stencil_data *d = c->data; /* 1. aliases */
    long long N = c->n, T = d->sweeps;
    struct pk_range r = pk_partition_block(N - 2, p, w); /* 2. split: interior rows r.lo + 1.. */

    (void)out;
    for (long long s = 0; s < T; s++) {
        const double *src = stencil_src(d, s);
        double *dst = stencil_dst(d, s);
        for (long long i = r.lo + 1; i < r.hi + 1; i++)
            stencil_row(src, dst, N, i); /* 3. work */
        pthread_barrier_wait(&d->barrier);
    }
    return 0;
}

int stencil_fork(struct pk_case *c, int p)
{
    struct stencil_data *d = c->data;

    if (d->parties != p) { /* setup made the barrier for c->workers processes */
        snprintf(c->error, sizeof c->error, "stencil: barrier for %d processes, run with %d",
                 d->parties, p);
        return -1;
    }
    if (pk_forkpool_run(c->forks, stencil_fork_part, c, NULL, 0, c->error, sizeof c->error))
        return -1;
    return 0; /* 4. combine: the workers wrote the shared grid in place */
}
