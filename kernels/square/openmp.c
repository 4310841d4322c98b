/*
 * square, OpenMP model: a parallel for with schedule(static), so each thread maps a contiguous
 * block of x onto the same block of y; nothing to combine, the results are already in order.
 * init fills with the same schedule: the thread that touches a page first is the one using it.
 */
#include "kernel.h"

int square_openmp_init(struct pk_case *c, int p)
{
    struct square_data *d = c->data;
    long long n = c->n;

#pragma omp parallel for num_threads(p) schedule(static)
    for (long long i = 0; i < n; i++)
        square_fill(d, c->seed, i, i + 1);
    return 0;
}

int square_openmp(struct pk_case *c, int p)
{
    struct square_data *d = c->data;
    long long n = c->n;
    const long long *x = d->x;
    long long *y = d->y;

#pragma omp parallel for num_threads(p) schedule(static)
    for (long long i = 0; i < n; i++)
        y[i] = square_of(x[i]);
    return 0;
}
