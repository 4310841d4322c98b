/*
 * pi, MPI model: each rank sums the terms of its block; MPI_Reduce(MPI_SUM) combines the
 * partials on rank 0 (in an order the library chooses, which the tolerance covers), which
 * scales by h.
 */
#include "kernel.h"

#include "kernel_mpi.h"

void pi_mpi_combine(struct pk_case *c, MPI_Comm comm, double sum)
{
    struct pi_data *d = c->data;
    double total = 0.0;

    MPI_Reduce(&sum, &total, 1, MPI_DOUBLE, MPI_SUM, 0, comm);
    if (c->rank == 0)
        d->pi = total * (1.0 / c->n); /* h, as every model scales */
}

int pi_mpi(struct pk_case *c, MPI_Comm comm)
{
    long long n = c->n;
    double h = 1.0 / n, sum = 0.0;
    struct pk_range r = pk_partition_block(n, c->ranks, c->rank);

    sum = pi_block(r.lo, r.hi, h);
    pi_mpi_combine(c, comm, sum);
    return 0;
}
