/* stencil, serial model: T sweeps, each a plain loop over all interior rows; the speedup base. */
#include "kernel.h"

int stencil_serial_init(struct pk_case *c, int p)
{
    (void)p;
    stencil_fill_block(c, 0, 1); /* the one worker owns every row */
    stencil_reference(c);
    return 0;
}

int stencil_serial(struct pk_case *c, int p)
{
    struct stencil_data *d = c->data; /* 1. aliases */
    long long N = c->n, T = d->sweeps;

    (void)p; /* 2. split: none, one worker owns every row */
    for (long long s = 0; s < T; s++) {
        const double *src = stencil_src(d, s);
        double *dst = stencil_dst(d, s);
        stencil_rows(src, dst, N, 1, N - 1); /* 3. work */
    }
    return 0; /* 4. combine: the grid is already whole */
}
