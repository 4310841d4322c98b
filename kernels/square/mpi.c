/*
 * square, MPI model: Pool.map's data flow. MPI_Scatterv sends each rank its block of x from
 * rank 0 (arguments out), each rank squares its block, and MPI_Gatherv brings the blocks of y
 * back to rank 0 in rank order (results back). MPI counts and displacements are int, so the
 * arrays travel in windows of at most SQUARE_MPI_WINDOW elements: one collective per window,
 * a single one for n below 2^31.
 */
#include "kernel.h"

#include <limits.h>

#include "kernel_mpi.h"

#ifndef SQUARE_MPI_WINDOW
#define SQUARE_MPI_WINDOW INT_MAX /* a test build sets it small to exercise several windows */
#endif

/* For every rank, how many elements of its block fall in the window [lo, hi), and from where. */
static void window_counts(const struct pk_case *c, long long lo, long long hi, int *count,
                          int *disp)
{
    for (int w = 0; w < c->ranks; w++) {
        struct pk_range b = pk_partition_block(c->n, c->ranks, w);
        long long from = b.lo > lo ? b.lo : lo, to = b.hi < hi ? b.hi : hi;
        count[w] = to > from ? (int)(to - from) : 0;
        disp[w] = to > from ? (int)(from - lo) : 0;
    }
}

int square_mpi(struct pk_case *c, MPI_Comm comm)
{
    struct square_data *d = c->data;
    long long n = c->n, lo, hi;
    int me = c->rank;
    struct pk_range r = pk_partition_block(n, c->ranks, me);

    for (lo = 0; lo < n; lo = hi) { /* in place: rank 0 keeps its own block where it is */
        hi = n - lo > SQUARE_MPI_WINDOW ? lo + SQUARE_MPI_WINDOW : n;
        window_counts(c, lo, hi, d->count, d->disp);
        MPI_Scatterv(d->x + lo, d->count, d->disp, MPI_LONG_LONG,
                     me == 0 ? MPI_IN_PLACE : d->x + lo + d->disp[me], d->count[me], MPI_LONG_LONG,
                     0, comm);
    }
    square_range(d->x, d->y, r.lo, r.hi);
    for (lo = 0; lo < n; lo = hi) {
        hi = n - lo > SQUARE_MPI_WINDOW ? lo + SQUARE_MPI_WINDOW : n;
        window_counts(c, lo, hi, d->count, d->disp);
        MPI_Gatherv(me == 0 ? MPI_IN_PLACE : d->y + lo + d->disp[me], d->count[me], MPI_LONG_LONG,
                    d->y + lo, d->count, d->disp, MPI_LONG_LONG, 0, comm);
    }
    return 0;
}
