/*
 * stencil, threads model: each pool thread sweeps its block of interior rows and waits at a
 * pthread barrier after each sweep (stencil_worker); the grid is whole in shared memory.
 * init: each thread fills (first-touches) the rows it will sweep.
 */
#include "kernel.h"

#include <stdio.h>

static int stencil_threads_part(void *arg, int w, int p)
{
    stencil_worker(arg, w, p);
    return 0;
}

static int stencil_threads_fill(void *arg, int w, int p)
{
    stencil_fill_block(arg, w, p);
    return 0;
}

int stencil_threads_init(struct pk_case *c, int p)
{
    (void)p;
    if (pk_threadpool_run(c->threads, stencil_threads_fill, c))
        return -1;
    stencil_reference(c);
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
