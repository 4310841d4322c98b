/*
 * montecarlo, OpenMP model: a parallel for over the darts with reduction(+ : hits, darts);
 * libgomp adds the threads' integer counts, so the total is exact whatever the order.
 */
#include "kernel.h"

int montecarlo_openmp(struct pk_case *c, int p)
{
    struct montecarlo_data *d = c->data;
    uint64_t seed = c->seed;
    long long n = c->n, hits = 0, darts = 0;

    /* schedule(static): every dart costs the same */
#pragma omp parallel for num_threads(p) schedule(static) reduction(+ : hits, darts)
    for (long long i = 0; i < n; i++) {
        hits += montecarlo_hit(seed, i);
        darts++;
    }
    d->hits = hits;
    d->darts = darts;
    return 0;
}
