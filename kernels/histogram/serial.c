/*
 * histogram, serial model: one loop over [0, n) with plain increments of the shared bins and
 * total, whatever --sync says (with one worker there is nothing to synchronise); the base of
 * every speedup.
 */
#include "kernel.h"

int histogram_serial(struct pk_case *c, int p)
{
    struct histogram_data *d = c->data;
    long long n = c->n;

    (void)p;
    histogram_count(c, 0, n, d->bins); /* reset zeroed the shared counters */
    return 0;
}
