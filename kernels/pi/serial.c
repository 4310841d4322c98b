/* pi, serial model: one block [0, n) summed in order by pi_block, the base of every speedup. */
#include "kernel.h"

int pi_serial(struct pk_case *c, int p)
{
    struct pi_data *d = c->data;
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;

    (void)p;
    sum = pi_block(0, n, h);
    d->pi = sum * h;
    return 0;
}
