/*
 * montecarlo, MPI model: each rank counts the hits and darts of its block; MPI_Reduce sums the
 * counts on rank 0 (integers: the sum is exact in any order), which alone verifies.
 */
#include "kernel.h"

#include "kernel_mpi.h"

int montecarlo_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct montecarlo_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, c->ranks, c->rank);
    long long mine[2] = {0, 0}, all[2] = {0, 0}; /* hits, darts */

    mine[0] = montecarlo_range(c->seed, r.lo, r.hi, &mine[1]);
    MPI_Reduce(mine, all, 2, MPI_LONG_LONG, MPI_SUM, 0, comm);
    if (c->rank == 0) {
        d->hits = all[0];
        d->darts = all[1];
    }
    return 0;
}
