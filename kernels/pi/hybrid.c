/*
 * pi, hybrid model: each rank's block is split into one sub-block per OpenMP thread, summed by
 * pi_block in a parallel for with a reduction; the ranks' partials then meet on rank 0 by
 * MPI_Reduce as in the mpi model.
 */
#include "kernel.h"

#include "kernel_mpi.h"

int pi_hybrid(struct pk_case *c, MPI_Comm comm)
{
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;
    struct pk_range r = pk_partition_block(n, c->ranks, c->rank);
    int t = c->threads_per_rank;

#pragma omp parallel for num_threads(t) schedule(static, 1) reduction(+ : sum)
    for (int w = 0; w < t; w++) {
        struct pk_range mine = pk_partition_block(r.hi - r.lo, t, w);
        sum += pi_block(r.lo + mine.lo, r.lo + mine.hi, h);
    }
    pi_mpi_combine(c, comm, sum);
    return 0;
}
