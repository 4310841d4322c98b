/*
 * stream, OpenMP model: the fill and the triad use the same static schedule, so the thread
 * that touches a page first is the thread that streams it.
 */
#include "kernel.h"

int stream_openmp_init(struct pk_case *c, int p)
{
    struct stream_data *d = c->data;
    long long n = c->n;

#pragma omp parallel for num_threads(p) schedule(static)
    for (long long i = 0; i < n; i++)
        stream_fill(d, i, i + 1);
    return 0;
}

int stream_openmp(struct pk_case *c, int p)
{
    struct stream_data *d = c->data;
    long long n = c->n;
    double *restrict a = d->a;
    const double *restrict b = d->b, *restrict cc = d->c;

#pragma omp parallel for num_threads(p) schedule(static)
    for (long long i = 0; i < n; i++)
        a[i] = stream_triad(b[i], cc[i]);
    return 0;
}
