/*
 * square, threads model: each pool thread squares its block of x into the same block of y in
 * shared memory; the blocks are disjoint and in order, so joining is all the combining there is.
 */
#include "kernel.h"

#include <stdio.h>

static int square_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct square_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);

    square_range(d->x, d->y, r.lo, r.hi);
    return 0;
}

int square_threads(struct pk_case *c, int p)
{
    (void)p;
    if (pk_threadpool_run(c->threads, square_threads_part, c)) {
        snprintf(c->error, sizeof c->error, "square: a worker thread failed");
        return -1;
    }
    return 0;
}
