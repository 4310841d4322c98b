/*
 * pi, OpenMP model: pi by the midpoint rule; a parallel for with static blocks, and the
 * reduction clause combines the threads' partial sums (in an order libgomp chooses, which the
 * kernel's tolerance covers).
 */
#include "kernel.h"

int pi_openmp(struct pk_case *c, int p)
{
    struct pi_data *d = c->data;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;

#pragma omp parallel for num_threads(p) schedule(static) reduction(+ : sum)
    for (long long i = 0; i < n; i++)
        sum += pi_term(i, h);
    d->pi = sum * h;
    return 0;
}
