/*
 * stencil, OpenMP model: ONE parallel region around the sweep loop, and inside it an `omp for`
 * over the interior rows in groups of STENCIL_JAM (stencil_rows' unit) with schedule(static)
 * (every group but the last costs the same). The implicit barrier at the end of `omp for` is
 * the sweep's barrier. A `parallel for` per sweep would be correct too, but would open and
 * close the region T times (libgomp parks its threads in between, yet each region costs a
 * fork-join handshake); one region pays that once per rep. init fills the grids with the same
 * schedule, so the thread that touches a row's pages first is the one that sweeps it.
 */
#include "kernel.h"

int stencil_openmp_init(struct pk_case *c, int p)
{
    long long N = c->n, groups = stencil_groups(1, N - 1);

    /* the sweeps' schedule: each thread first-touches the rows it will sweep */
#pragma omp parallel for num_threads(p) schedule(static)
    for (long long g = 0; g < groups; g++) {
        struct pk_range r = stencil_group(1, N - 1, g);
        stencil_fill(c, g == 0 ? 0 : r.lo, g == groups - 1 ? N : r.hi); /* + boundary rows */
    }
    stencil_reference(c);
    return 0;
}

int stencil_openmp(struct pk_case *c, int p)
{
    struct stencil_data *d = c->data; /* 1. aliases */
    long long N = c->n, T = d->sweeps, groups = stencil_groups(1, N - 1);

#pragma omp parallel num_threads(p)
    for (long long s = 0; s < T; s++) { /* every thread runs every sweep: s, src, dst private */
        const double *src = stencil_src(d, s);
        double *dst = stencil_dst(d, s);
#pragma omp for schedule(static)
        for (long long g = 0; g < groups; g++) { /* 2. split: the pragma, by row groups */
            struct pk_range r = stencil_group(1, N - 1, g);
            stencil_rows(src, dst, N, r.lo, r.hi); /* 3. work */
        }
        /* implicit barrier: no thread reads dst as the next src before all of it is written */
    }
    return 0; /* 4. combine: the grid is whole in shared memory */
}
