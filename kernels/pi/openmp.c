/*
 * pi, OpenMP model: a parallel for over the p blocks of pk_partition_block, each summed by
 * pi_block, and the reduction clause combines the blocks' sums (in an order libgomp chooses,
 * which the bound covers: p partials in any order).
 */
#include "kernel.h"

int pi_openmp(struct pk_case *c, int p)
{
    struct pi_data *d = c->data;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;

#pragma omp parallel for num_threads(p) schedule(static, 1) reduction(+ : sum)
    for (int w = 0; w < p; w++) {
        struct pk_range r = pk_partition_block(n, p, w);
        sum += pi_block(r.lo, r.hi, h);
    }
    d->pi = sum * h;
    return 0;
}
