/*
 * polysum, OpenMP model: a parallel for with a reduction clause; libgomp combines the threads'
 * partial sums (GCC reduces unsigned __int128 exactly).
 */
#include "kernel.h"

int polysum_openmp(struct pk_case *c, int p)
{
    struct polysum_data *d = c->data;
    long long n = c->n;
    pk_u128 sum = 0;

#pragma omp parallel for num_threads(p) schedule(static) reduction(+ : sum)
    for (long long i = 0; i < n; i++)
        sum += polysum_term(i);
    d->sum = sum;
    return 0;
}
