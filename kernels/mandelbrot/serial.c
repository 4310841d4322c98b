/*
 * mandelbrot, serial model: one loop over the rows, top to bottom; the base of every speedup.
 * There is nothing to split, so --schedule and --chunk do not apply.
 */
#include "kernel.h"

int mandelbrot_serial(struct pk_case *c, int p)
{
    struct mandelbrot_data *d = c->data;
    long long n = d->w, h = d->h;

    (void)p;
    for (long long row = 0; row < h; row++)
        mandelbrot_row(row, n, d->grid + row * n);
    return 0;
}
