/*
 * square, threads model: each pool thread squares its block of x into the same block of y in
 * shared memory; the blocks are disjoint and in order, so joining is all the combining there is.
 * init: each thread fills (first-touches) the block it will square.
 */
#include "kernel.h"

#include <stdio.h>

static int square_threads_fill(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);

    square_fill(c->data, c->seed, r.lo, r.hi);
    return 0;
}

static int square_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct square_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);

    square_range(d->x, d->y, r.lo, r.hi);
    return 0;
}

/* Runs fn on every pool thread; -1 with the reason in c->error if one failed. */
static int run_pool(struct pk_case *c, int (*fn)(void *, int, int))
{
    if (pk_threadpool_run(c->threads, fn, c)) {
        snprintf(c->error, sizeof c->error, "square: a worker thread failed");
        return -1;
    }
    return 0;
}

int square_threads_init(struct pk_case *c, int p)
{
    (void)p;
    return run_pool(c, square_threads_fill);
}

int square_threads(struct pk_case *c, int p)
{
    (void)p;
    return run_pool(c, square_threads_part);
}
