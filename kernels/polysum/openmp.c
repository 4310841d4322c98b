/*
 * polysum, OpenMP model: a parallel for over the p blocks of pk_partition_block, each summed by
 * polysum_range (the machine code every model runs) with a reduction clause; libgomp combines
 * the threads' partial sums (GCC reduces unsigned __int128 exactly). A parallel for over the
 * terms themselves inlined polysum_term into the outlined loop, and that copy ran 7% slower.
 */
#include "kernel.h"

int polysum_openmp(struct pk_case *c, int p)
{
    struct polysum_data *d = c->data;
    long long n = c->n;
    pk_u128 sum = 0;

#pragma omp parallel for num_threads(p) schedule(static, 1) reduction(+ : sum)
    for (int w = 0; w < p; w++) {
        struct pk_range r = pk_partition_block(n, p, w);
        sum += polysum_range(r.lo, r.hi);
    }
    d->sum = sum;
    return 0;
}
