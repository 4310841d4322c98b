/*
 * stencil, threads model: each pool thread owns a block of interior rows (pk_partition_block
 * over the N - 2 of them) for all T sweeps, and waits at a pthread barrier after each sweep, so
 * no thread reads a neighbour's rows of the next source grid before they are written. A thread
 * with no rows (N - 2 < p) still waits at every barrier: the barrier counts all p.
 */
#include "kernel.h"

#include <stdio.h>

static int stencil_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct stencil_data *d = c->data; /* 1. aliases */
    long long N = c->n, T = d->sweeps;
    struct pk_range r = pk_partition_block(N - 2, p, w); /* 2. split: interior rows r.lo + 1.. */

    for (long long s = 0; s < T; s++) {
        const double *src = stencil_src(d, s);
        double *dst = stencil_dst(d, s);
        for (long long i = r.lo + 1; i < r.hi + 1; i++)
            stencil_row(src, dst, N, i); /* 3. work */
        pthread_barrier_wait(&d->barrier);
    }
    return 0;
}

int stencil_threads(struct pk_case *c, int p)
{
    struct stencil_data *d = c->data;

    if (d->parties != p) { /* setup made the barrier for c->workers threads */
        snprintf(c->error, sizeof c->error, "stencil: barrier for %d threads, run with %d",
                 d->parties, p);
        return -1;
    }
    if (pk_threadpool_run(c->threads, stencil_threads_part, c))
        return -1;
    return 0; /* 4. combine: the threads wrote the grid in place */
}
