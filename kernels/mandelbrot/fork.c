/*
 * mandelbrot, fork model. --schedule static: each pool process computes its block of rows from
 * pk_partition_block. dynamic: the processes pull chunks of --chunk rows from one atomic
 * counter in the arena (MAP_SHARED, lock-free: atomic_fetch_add works across processes), the
 * work queue of mp.Pool's imap. Every process writes its rows straight into the shared grid,
 * so no counts come back through the result pipes: only each worker's status.
 */
#include "kernel.h"

static int mandelbrot_fork_part(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    struct mandelbrot_data *d = c->data;
    long long n = d->w, h = d->h, chunk = c->param[MANDELBROT_CHUNK];

    (void)out;
    if (c->param[MANDELBROT_SCHEDULE] == MANDELBROT_STATIC) {
        struct pk_range r = pk_partition_block(h, p, w);
        for (long long row = r.lo; row < r.hi; row++)
            mandelbrot_row(row, n, d->grid + row * n);
        return 0;
    }
    for (;;) {
        /* relaxed: the claim only has to be unique; the result pipe publishes the rows */
        long long lo = atomic_fetch_add_explicit(&d->next, chunk, memory_order_relaxed);
        long long hi = lo + chunk < h ? lo + chunk : h;
        if (lo >= h)
            return 0;
        for (long long row = lo; row < hi; row++)
            mandelbrot_row(row, n, d->grid + row * n);
    }
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
