/*
 * mandelbrot, threads model. --schedule static: each pool thread computes its block of rows
 * from pk_partition_block. dynamic: the threads pull chunks of --chunk rows from one shared
 * atomic counter (the pool's work queue) until it passes the last row, so a thread that drew
 * cheap rows comes back for more. Rows go straight into the shared grid: nothing to combine;
 * the pool's join publishes them.
 */
#include "kernel.h"

static int mandelbrot_threads_part(void *arg, int w, int p)
{
    mandelbrot_worker(arg, w, p);
    return 0;
}

int mandelbrot_threads(struct pk_case *c, int p)
{
    struct mandelbrot_data *d = c->data;

    (void)p;
    atomic_store(&d->next, 0); /* an empty queue holds every row again */
    return pk_threadpool_run(c->threads, mandelbrot_threads_part, c) ? -1 : 0;
}
