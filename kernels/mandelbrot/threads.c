/*
 * mandelbrot, threads model. --schedule static: each pool thread computes its block of rows
 * from pk_partition_block. dynamic: the threads pull chunks of --chunk rows from one shared
 * atomic counter (the pool's work queue) until it passes the last row, so a thread that drew
 * cheap rows comes back for more. Rows go straight into the shared grid: nothing to combine.
 */
#include "kernel.h"

static int mandelbrot_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct mandelbrot_data *d = c->data;
    long long n = d->w, h = d->h, chunk = c->param[MANDELBROT_CHUNK];

    if (c->param[MANDELBROT_SCHEDULE] == MANDELBROT_STATIC) {
        struct pk_range r = pk_partition_block(h, p, w);
        for (long long row = r.lo; row < r.hi; row++)
            mandelbrot_row(row, n, d->grid + row * n);
        return 0;
    }
    for (;;) {
        /* relaxed: the claim only has to be unique; the pool's join publishes the rows */
        long long lo = atomic_fetch_add_explicit(&d->next, chunk, memory_order_relaxed);
        long long hi = lo + chunk < h ? lo + chunk : h;
        if (lo >= h)
            return 0;
        for (long long row = lo; row < hi; row++)
            mandelbrot_row(row, n, d->grid + row * n);
    }
}

int mandelbrot_threads(struct pk_case *c, int p)
{
    struct mandelbrot_data *d = c->data;

    (void)p;
    atomic_store(&d->next, 0); /* an empty queue holds every row again */
    return pk_threadpool_run(c->threads, mandelbrot_threads_part, c) ? -1 : 0;
}
