/*
 * polysum, hybrid model: each rank's block is split among its OpenMP threads by a parallel
 * for with a reduction; the ranks' partials then reach rank 0 as in the mpi model.
 */
#include "kernel.h"

#include "kernel_mpi.h"

int polysum_hybrid(struct pk_case *c, MPI_Comm comm)
{
    struct pk_range r = pk_partition_block(c->n, c->ranks, c->rank);
    pk_u128 sum = 0;

#pragma omp parallel for num_threads(c->threads_per_rank) schedule(static) reduction(+ : sum)
    for (long long i = r.lo; i < r.hi; i++)
        sum += polysum_term(i);
    polysum_mpi_combine(c, comm, sum);
    return 0;
}
