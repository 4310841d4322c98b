/*
 * pi, hybrid model: each rank's block is split among its OpenMP threads by a parallel for with
 * a reduction; the ranks' partials then meet on rank 0 by MPI_Reduce as in the mpi model.
 */
#include "kernel.h"

#include "pk_kernel_mpi.h"

int pi_hybrid(struct pk_case *c, MPI_Comm comm)
{
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;
    struct pk_range r = pk_partition_block(n, c->ranks, c->rank);

#pragma omp parallel for num_threads(c->threads_per_rank) schedule(static) reduction(+ : sum)
    for (long long i = r.lo; i < r.hi; i++)
        sum += pi_term(i, h);
    pi_mpi_combine(c, comm, sum);
    return 0;
}
