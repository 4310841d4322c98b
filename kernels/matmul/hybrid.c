/*
 * matmul, hybrid model: rows of A go out and B is broadcast as in the mpi model; inside a rank
 * its rows are split again among its OpenMP threads (one row block each, with its own packing
 * buffer), and the rows of C come back to rank 0 as in the mpi model.
 */
#include "kernel.h"

#include "kernel_mpi.h"

int matmul_hybrid(struct pk_case *c, MPI_Comm comm)
{
    struct matmul_data *d = c->data;
    struct pk_range r = matmul_mpi_distribute(c, comm);
    int t = c->threads_per_rank;

#pragma omp parallel for num_threads(t) schedule(static)
    for (int w = 0; w < t; w++) {
        struct pk_range mine = pk_partition_block(r.hi - r.lo, t, w);
        matmul_rows(d->a, d->b, d->c, c->n, r.lo + mine.lo, r.lo + mine.hi, matmul_work(d, w));
    }
    matmul_mpi_gather(c, comm, r);
    return 0;
}
