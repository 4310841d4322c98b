/*
 * stencil, hybrid model: the ranks split the rows and trade halos as in the mpi model; inside
 * a rank one OpenMP region spans the sweeps: the master thread exchanges the halo rows (MPI is
 * funneled through it), a barrier, then an `omp for` over the rank's rows in groups of
 * STENCIL_JAM, whose implicit barrier ends the sweep. The grid is gathered to rank 0 as in the
 * mpi model.
 */
#include "kernel.h"

#include "kernel_mpi.h"

int stencil_hybrid(struct pk_case *c, MPI_Comm comm)
{
    struct stencil_data *d = c->data;
    long long N = c->n, T = d->sweeps;
    struct stencil_block b = stencil_mpi_block(c);
    long long groups = stencil_groups(b.lo, b.hi);

#pragma omp parallel num_threads(c->threads_per_rank)
    for (long long s = 0; s < T; s++) {
        double *src = stencil_src(d, s);
        double *dst = stencil_dst(d, s);
#pragma omp master
        stencil_mpi_halo(c, comm, &b, src);
#pragma omp barrier
#pragma omp for schedule(static)
        for (long long g = 0; g < groups; g++) {
            struct pk_range r = stencil_group(b.lo, b.hi, g);
            stencil_rows(src, dst, N, r.lo, r.hi);
        }
    }
    stencil_mpi_gather(c, comm, &b);
    return 0;
}
