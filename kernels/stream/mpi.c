/*
 * stream, MPI model: each rank streams the block it owns (and filled: first touch); no data
 * moves during a rep. After it, untimed, every rank checks its block against the closed form
 * and the counts, sums and block lengths are reduced to rank 0, which verifies.
 */
#include "kernel.h"

#include "kernel_mpi.h"

int stream_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct stream_data *d = c->data;

    (void)comm;
    stream_block(d, 0, d->length);
    return 0;
}

int stream_mpi_collect(struct pk_case *c, MPI_Comm comm)
{
    struct stream_data *d = c->data;
    long long first_bad, bad = 0;
    double sum = 0;

    bad = stream_check(d, &sum, &first_bad);
    MPI_Reduce(&bad, &d->mismatch, 1, MPI_LONG_LONG, MPI_SUM, 0, comm);
    MPI_Reduce(&sum, &d->sum, 1, MPI_DOUBLE, MPI_SUM, 0, comm);
    /* the harness checks that the blocks checked add up to all n (pk_verdict_cover) */
    MPI_Reduce(&d->length, &d->checked, 1, MPI_LONG_LONG, MPI_SUM, 0, comm);
    return 0;
}
