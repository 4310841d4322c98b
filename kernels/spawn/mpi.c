/*
 * spawn, MPI model: the launcher created the ranks before the timed rep (pk reports that
 * start-up time in its startup column), so there is nothing left to create: each rank runs
 * job(a, rank + 1) n times into its own slot, and MPI_Gather brings every rank's record to
 * rank 0's slots, which rank 0 verifies.
 */
#include "kernel.h"

#include "kernel_mpi.h"

int spawn_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct spawn_data *d = c->data;
    long long n = c->n;
    int w = c->rank;
    int size = (int)sizeof d->slot[0];

    for (long long a = 0; a < n; a++)
        spawn_job(d->slot, w, a, w + 1);
    if (w == 0) /* rank 0's record already sits in its place of the receive buffer */
        MPI_Gather(MPI_IN_PLACE, size, MPI_BYTE, d->slot, size, MPI_BYTE, 0, comm);
    else
        MPI_Gather(&d->slot[w], size, MPI_BYTE, NULL, 0, MPI_BYTE, 0, comm);
    return 0;
}
