/* square, serial model: one loop over [0, n), the base of every speedup. */
#include "kernel.h"

int square_serial_init(struct pk_case *c, int p)
{
    (void)p;
    square_fill(c->data, c->seed, 0, c->n);
    return 0;
}

int square_serial(struct pk_case *c, int p)
{
    struct square_data *d = c->data;
    long long n = c->n;

    (void)p;
    square_range(d->x, d->y, 0, n);
    return 0;
}
