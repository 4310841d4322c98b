/*
 * histogram, MPI model: each rank counts its block from pk_partition_block into a private
 * block (ranks share no memory), then: --sync private: MPI_Reduce(MPI_SUM) of the blocks into
 * rank 0's shared counters; atomic: MPI_Accumulate(MPI_SUM), element-wise atomic, into a window
 * of counters on rank 0 in a passive-target lock_all epoch; lock: the same accumulate inside
 * an exclusive MPI_Win_lock epoch on rank 0, so the ranks' merges go one at a time; rank 0 then
 * copies the window into its shared counters. none: skipped, there is nothing shared to race
 * on. The window is allocated and freed inside the run: setup is generic code without MPI, so
 * making it is part of what these two modes cost.
 */
#include "kernel.h"

#include <stdio.h>
#include <string.h>

#include "kernel_mpi.h"

int histogram_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct histogram_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, c->ranks, c->rank);
    enum histogram_sync sync = histogram_sync_of(c);
    unsigned long long *mine = histogram_part(d, 0);
    int count = (int)d->total_at + 1; /* bins, zero padding, total */
    MPI_Aint bytes = (MPI_Aint)count * (MPI_Aint)sizeof *mine;
    unsigned long long *shared;
    MPI_Win win;

    if (sync == HISTOGRAM_NONE) {
        snprintf(c->error, sizeof c->error,
                 "ranks share no memory, so there is nothing to race on");
        return PK_SKIP;
    }
    memset(mine, 0, (size_t)d->stride * sizeof *mine); /* reset poisoned it */
    histogram_count(c, r.lo, r.hi, mine);
    if (sync == HISTOGRAM_PRIVATE) {
        MPI_Reduce(mine, d->bins, count, MPI_UNSIGNED_LONG_LONG, MPI_SUM, 0, comm);
        return 0;
    }

    /*
     * A window of counters on rank 0 only. MPI_Win_allocate rather than MPI_Win_create over
     * d->bins: Open MPI 4.1 fails MPI_Win_create on a single rank (open-mpi/ompi#10726).
     */
    MPI_Win_allocate(c->rank == 0 ? bytes : 0, sizeof *mine, MPI_INFO_NULL, comm, &shared, &win);
    if (c->rank == 0) {
        MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, win);
        memset(shared, 0, (size_t)bytes);
        MPI_Win_unlock(0, win);
    }
    MPI_Barrier(comm); /* zeroed before anyone adds */
    if (sync == HISTOGRAM_ATOMIC) {
        MPI_Win_lock_all(0, win);
        MPI_Accumulate(mine, count, MPI_UNSIGNED_LONG_LONG, 0, 0, count, MPI_UNSIGNED_LONG_LONG,
                       MPI_SUM, win);
        MPI_Win_unlock_all(win);
    } else {
        MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, win);
        MPI_Accumulate(mine, count, MPI_UNSIGNED_LONG_LONG, 0, 0, count, MPI_UNSIGNED_LONG_LONG,
                       MPI_SUM, win);
        MPI_Win_unlock(0, win);
    }
    MPI_Barrier(comm); /* every rank's epoch has completed at rank 0 */
    if (c->rank == 0) {
        MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, win);
        memcpy(d->bins, shared, (size_t)bytes);
        MPI_Win_unlock(0, win);
    }
    MPI_Win_free(&win);
    return 0;
}
