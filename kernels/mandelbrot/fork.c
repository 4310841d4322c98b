/*
 * mandelbrot, fork model. --schedule static: each pool process computes its block of rows from
 * pk_partition_block. dynamic: the processes pull chunks of --chunk rows from one atomic
 * counter in the arena (MAP_SHARED, lock-free: atomic_fetch_add works across processes), the
 * work queue of mp.Pool's imap. Every process writes its rows straight into the shared grid,
 * so no counts come back through the result pipes: only each worker's status, whose arrival
 * publishes the rows.
 */
#include "kernel.h"

static int mandelbrot_fork_part(void *arg, int w, int p, void *out)
{
    (void)out;
    mandelbrot_worker(arg, w, p);
    return 0;
}

int mandelbrot_fork(struct pk_case *c, int p)
{
    struct mandelbrot_data *d = c->data;

    (void)p;
    atomic_store(&d->next, 0); /* before the tasks go out: every worker sees a full queue */
    return pk_forkpool_run(c->forks, mandelbrot_fork_part, c, NULL, 0, c->error, sizeof c->error)
               ? -1
               : 0;
}
