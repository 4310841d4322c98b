/*
 * matmul, MPI model: rank 0 holds A and B. Each rep, MPI_Scatterv hands every rank its block
 * of rows of A, MPI_Bcast sends all of B, each rank computes its rows of C, and MPI_Gatherv
 * brings them to rank 0. The three collectives are inside the timed rep: they move about
 * 2 n^2 doubles per rank against 2 n^3 / p flops, the price of distributed memory.
 * Counts are ints: n <= MATMUL_MAX_N keeps n^2 below 2^31.
 */
#include "kernel.h"

#include "kernel_mpi.h"

struct pk_range matmul_mpi_distribute(struct pk_case *c, MPI_Comm comm)
{
    struct matmul_data *d = c->data;
    long long n = c->n;
    struct pk_range r = pk_partition_block(n, c->ranks, c->rank);
    bool root = c->rank == 0;

    for (int w = 0; w < c->ranks; w++) {
        struct pk_range rw = pk_partition_block(n, c->ranks, w);
        d->counts[w] = (int)((rw.hi - rw.lo) * n);
        d->displs[w] = (int)(rw.lo * n);
    }
    /* rank 0's block is already in place in its A, and its rows of C are computed in place */
    MPI_Scatterv(d->a, d->counts, d->displs, MPI_DOUBLE, root ? MPI_IN_PLACE : d->a + r.lo * n,
                 d->counts[c->rank], MPI_DOUBLE, 0, comm);
    MPI_Bcast(d->b, (int)(n * n), MPI_DOUBLE, 0, comm);
    return r;
}

void matmul_mpi_gather(struct pk_case *c, MPI_Comm comm, struct pk_range r)
{
    struct matmul_data *d = c->data;
    long long n = c->n;
    bool root = c->rank == 0;

    MPI_Gatherv(root ? MPI_IN_PLACE : d->c + r.lo * n, d->counts[c->rank], MPI_DOUBLE, d->c,
                d->counts, d->displs, MPI_DOUBLE, 0, comm);
}

int matmul_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct matmul_data *d = c->data;
    struct pk_range r = matmul_mpi_distribute(c, comm);

    matmul_rows(d->a, d->b, d->c, c->n, r.lo, r.hi, matmul_work(d, 0));
    matmul_mpi_gather(c, comm, r);
    return 0;
}
