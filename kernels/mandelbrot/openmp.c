/*
 * mandelbrot, OpenMP model: a parallel for over the rows. --schedule static gives each thread
 * one block of rows (libgomp's split equals pk_partition_block); dynamic hands out chunks of
 * --chunk rows to whichever thread is free. Each thread writes its rows straight into the grid,
 * so there is nothing to combine.
 */
#include "kernel.h"

int mandelbrot_openmp(struct pk_case *c, int p)
{
    struct mandelbrot_data *d = c->data;
    long long n = d->w, h = d->h;
    /* cppcheck-suppress unreadVariable ; the schedule clause reads it (so NOLINT for tidy) */
    int chunk = (int)c->param[MANDELBROT_CHUNK]; /* NOLINT(clang-analyzer-deadcode.DeadStores) */

    if (c->param[MANDELBROT_SCHEDULE] == MANDELBROT_STATIC) {
#pragma omp parallel for num_threads(p) schedule(static)
        for (long long row = 0; row < h; row++)
            mandelbrot_row(row, n, d->grid + row * n);
    } else {
        /* schedule(dynamic, chunk): rows near the real axis cost 250x those at the top */
#pragma omp parallel for num_threads(p) schedule(dynamic, chunk)
        for (long long row = 0; row < h; row++)
            mandelbrot_row(row, n, d->grid + row * n);
    }
    return 0;
}
