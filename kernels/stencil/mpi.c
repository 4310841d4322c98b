/*
 * stencil, MPI model: each rank owns a block of interior rows (pk_partition_block over the
 * N - 2 of them) plus one halo row above and below. Before each sweep it trades its edge rows
 * of the source grid with the neighbouring ranks by MPI_Sendrecv (MPI_PROC_NULL at the grid's
 * top and bottom, where the halo is the fixed boundary row); the message exchange is the
 * barrier. At the end MPI_Gatherv brings every block to rank 0, which verifies the whole grid.
 * Rows keep their global numbers: a rank's block sits at its place in full-size arrays that
 * the arena maps lazily, so the rows it never touches cost no memory and stencil_rows is called
 * exactly as in the other models.
 */
#include "kernel.h"

#include "kernel_mpi.h"

struct stencil_block stencil_mpi_block(const struct pk_case *c)
{
    long long N = c->n;
    struct pk_range r = pk_partition_block(N - 2, c->ranks, c->rank);
    struct stencil_block b = {r.lo + 1, r.hi + 1, MPI_PROC_NULL, MPI_PROC_NULL};
    bool mine = b.hi > b.lo, next_has_rows = false;

    if (c->rank + 1 < c->ranks) {
        struct pk_range next = pk_partition_block(N - 2, c->ranks, c->rank + 1);
        next_has_rows = next.hi > next.lo;
    }
    /* a rank with no rows trades nothing; the last rank with rows borders the boundary */
    if (mine && c->rank > 0)
        b.up = c->rank - 1;
    if (mine && next_has_rows)
        b.down = c->rank + 1;
    return b;
}

void stencil_mpi_halo(const struct pk_case *c, MPI_Comm comm, const struct stencil_block *b,
                      double *src)
{
    long long N = c->n;
    int n = (int)N; /* N <= STENCIL_MAX_N */

    /* my first row up, the lower neighbour's first row into my lower halo; then the reverse */
    MPI_Sendrecv(src + b->lo * N, n, MPI_DOUBLE, b->up, 0, src + b->hi * N, n, MPI_DOUBLE, b->down,
                 0, comm, MPI_STATUS_IGNORE);
    MPI_Sendrecv(src + (b->hi - 1) * N, n, MPI_DOUBLE, b->down, 1, src + (b->lo - 1) * N, n,
                 MPI_DOUBLE, b->up, 1, comm, MPI_STATUS_IGNORE);
}

void stencil_mpi_gather(const struct pk_case *c, MPI_Comm comm, const struct stencil_block *b)
{
    struct stencil_data *d = c->data;
    double *out = stencil_dst(d, d->sweeps - 1);

    /* every block into rank 0's copy of the final grid, at its own rows */
    if (c->rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, out, d->counts, d->displs, MPI_DOUBLE, 0, comm);
    else
        MPI_Gatherv(out + b->lo * c->n, d->counts[c->rank], MPI_DOUBLE, NULL, NULL, NULL,
                    MPI_DOUBLE, 0, comm);
}

int stencil_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct stencil_data *d = c->data; /* 1. aliases */
    long long N = c->n, T = d->sweeps;
    struct stencil_block b = stencil_mpi_block(c); /* 2. split: my rows [lo, hi) */

    for (long long s = 0; s < T; s++) {
        double *src = stencil_src(d, s); /* its halo rows receive */
        double *dst = stencil_dst(d, s);
        stencil_mpi_halo(c, comm, &b, src);
        stencil_rows(src, dst, N, b.lo, b.hi); /* 3. work */
    }
    stencil_mpi_gather(c, comm, &b); /* 4. combine */
    return 0;
}
