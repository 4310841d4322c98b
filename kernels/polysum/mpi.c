/*
 * polysum, MPI model: each rank sums its block; MPI_Gather brings the partials to rank 0
 * (the Queue), which adds them. 128-bit partials travel as bytes: MPI has no such type.
 */
#include "kernel.h"

#include "kernel_mpi.h"

void polysum_mpi_combine(struct pk_case *c, MPI_Comm comm, pk_u128 sum)
{
    struct polysum_data *d = c->data;
    struct polysum_slot mine = {.sum = sum};

    MPI_Gather(&mine, sizeof mine, MPI_BYTE, d->part, sizeof mine, MPI_BYTE, 0, comm);
    if (c->rank == 0) {
        pk_u128 total = 0;
        for (int w = 0; w < c->ranks; w++)
            total += d->part[w].sum;
        d->sum = total;
    }
}

int polysum_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct pk_range r = pk_partition_block(c->n, c->ranks, c->rank);

    polysum_mpi_combine(c, comm, polysum_range(r.lo, r.hi));
    return 0;
}
