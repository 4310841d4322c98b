/*
 * pi, threads model: each pool thread sums the terms of its block into its own cache-line slot
 * of shared memory; the main thread adds the slots in worker order and scales by h.
 */
#include "kernel.h"

static int pi_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct pi_data *d = c->data;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;
    struct pk_range r = pk_partition_block(n, p, w);

    sum = pi_block(r.lo, r.hi, h);
    d->part[w].sum = sum; /* one store per worker: the loop never touches shared lines */
    return 0;
}

int pi_threads(struct pk_case *c, int p)
{
    struct pi_data *d = c->data;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;

    if (pk_threadpool_run(c->threads, pi_threads_part, c))
        return -1;
    for (int w = 0; w < p; w++)
        sum += d->part[w].sum;
    d->pi = sum * h;
    return 0;
}
