/*
 * matmul, OpenMP model: a parallel for over the p row blocks of C, one per thread
 * (schedule(static)); each thread writes its rows of C in place, so nothing is combined. The
 * loop runs over blocks rather than rows so that every model packs and computes the very same
 * blocks: a thread packs B once per k block for all its rows.
 */
#include "kernel.h"

int matmul_openmp(struct pk_case *c, int p)
{
    struct matmul_data *d = c->data;
    long long n = c->n;

#pragma omp parallel for num_threads(p) schedule(static)
    for (int w = 0; w < p; w++) {
        struct pk_range r = pk_partition_block(n, p, w);
        matmul_rows(d->a, d->b, d->c, n, r.lo, r.hi, matmul_work(d, w));
    }
    return 0;
}
