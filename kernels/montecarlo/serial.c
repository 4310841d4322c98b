/* montecarlo, serial model: one loop over darts [0, n), the base of every speedup. */
#include "kernel.h"

int montecarlo_serial(struct pk_case *c, int p)
{
    struct montecarlo_data *d = c->data;
    uint64_t seed = c->seed;
    long long n = c->n;

    (void)p;
    d->darts = 0;
    d->hits = montecarlo_range(seed, 0, n, &d->darts);
    return 0;
}
