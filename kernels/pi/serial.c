/* pi, serial model: one loop over [0, n) summed in order, the base of every speedup. */
#include "kernel.h"

int pi_serial(struct pk_case *c, int p)
{
    struct pi_data *d = c->data;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;

    (void)p;
    for (long long i = 0; i < n; i++)
        sum += pi_term(i, h);
    d->pi = sum * h;
    return 0;
}
