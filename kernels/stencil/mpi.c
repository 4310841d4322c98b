/*
 * stencil, MPI model: each rank owns a block of interior rows (pk_partition_block over the
 * N - 2 of them) plus one halo row above and below. Before each sweep it trades its edge rows
 * of the source grid with the neighbouring ranks by MPI_Sendrecv (MPI_PROC_NULL at the grid's
 * top and bottom, where the halo is the fixed boundary row); the message exchange is the
 * barrier. At the end MPI_Gatherv brings every block to rank 0, which verifies the whole grid.
 * Rows keep their global numbers: a rank's block sits at its place in full-size arrays that
 * the arena maps lazily, so the rows it never touches cost no memory and stencil_row is called
 * exactly as in the other models.
 */
#include "kernel.h"

#include "pk_kernel_mpi.h"

int stencil_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct stencil_data *d = c->data; /* 1. aliases */
    long long N = c->n, T = d->sweeps;
    int n = (int)N; /* N <= STENCIL_MAX_N */

    /* 2. split: my grid rows [lo, hi); empty blocks come last (pk_partition_block) */
    struct pk_range r = pk_partition_block(N - 2, c->ranks, c->rank);
    long long lo = r.lo + 1, hi = r.hi + 1;
    bool mine = hi > lo, next_has_rows = false;
    if (c->rank + 1 < c->ranks) {
        struct pk_range next = pk_partition_block(N - 2, c->ranks, c->rank + 1);
        next_has_rows = next.hi > next.lo;
    }
    /* a rank with no rows trades nothing; the last rank with rows borders the boundary */
    int up = mine && c->rank > 0 ? c->rank - 1 : MPI_PROC_NULL;
    int down = mine && next_has_rows ? c->rank + 1 : MPI_PROC_NULL;

    for (long long s = 0; s < T; s++) {
        double *src = stencil_src(d, s); /* its halo rows receive */
        double *dst = stencil_dst(d, s);
        /* my first row up, the lower neighbour's first row into my lower halo; then the reverse */
        MPI_Sendrecv(src + lo * N, n, MPI_DOUBLE, up, 0, src + hi * N, n, MPI_DOUBLE, down, 0, comm,
                     MPI_STATUS_IGNORE);
        MPI_Sendrecv(src + (hi - 1) * N, n, MPI_DOUBLE, down, 1, src + (lo - 1) * N, n, MPI_DOUBLE,
                     up, 1, comm, MPI_STATUS_IGNORE);
        for (long long i = lo; i < hi; i++)
            stencil_row(src, dst, N, i); /* 3. work */
    }

    /* 4. combine: every block into rank 0's copy of the final grid, at its own rows */
    double *out = stencil_dst(d, T - 1);
    if (c->rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, out, d->counts, d->displs, MPI_DOUBLE, 0, comm);
    else
        MPI_Gatherv(out + lo * N, d->counts[c->rank], MPI_DOUBLE, NULL, NULL, NULL, MPI_DOUBLE, 0,
                    comm);
    return 0;
}
