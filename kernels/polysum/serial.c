/* polysum, serial model: one loop over [0, n), the base of every speedup. */
#include "kernel.h"

int polysum_serial(struct pk_case *c, int p)
{
    struct polysum_data *d = c->data;
    long long n = c->n;

    (void)p;
    d->sum = polysum_range(0, n);
    return 0;
}
