/*
 * stencil, fork model: each pool process sweeps its block of interior rows straight into the
 * grids, which live in the arena (MAP_SHARED), and waits after each sweep at a
 * PTHREAD_PROCESS_SHARED barrier that setup placed in the arena before the pool forked
 * (stencil_worker). Nothing travels back through the pipes but the pool's "done".
 * init: each process fills (first-touches) the rows it will sweep, in the shared arena.
 */
#include "kernel.h"

#include <stdio.h>

static int stencil_fork_part(void *arg, int w, int p, void *out)
{
    (void)out;
    stencil_worker(arg, w, p);
    return 0;
}

static int stencil_fork_fill(void *arg, int w, int p, void *out)
{
    (void)out;
    stencil_fill_block(arg, w, p);
    return 0;
}

int stencil_fork_init(struct pk_case *c, int p)
{
    (void)p;
    if (pk_forkpool_run(c->forks, stencil_fork_fill, c, NULL, 0, c->error, sizeof c->error))
        return -1;
    stencil_reference(c);
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
