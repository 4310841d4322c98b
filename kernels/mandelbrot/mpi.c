/*
 * mandelbrot, MPI model.
 * --schedule static: each rank computes its block of rows from pk_partition_block (another
 * rank holds only its block); MPI_Gatherv brings the blocks to rank 0's grid.
 * dynamic: master-worker. Ranks 1.. send finished rows to rank 0 (each from the next of its
 * MANDELBROT_AHEAD chunk buffers, the rows it holds), and that message is also
 * their request for more; rank 0 answers with the first row of a chunk of --chunk rows (or h:
 * stop). A worker keeps MANDELBROT_AHEAD requests out, so the next chunk's answer travels
 * while it computes this one and it never waits for rank 0 between chunks. Rank 0 computes
 * too, one row at a time from the same queue, and answers every waiting worker between its
 * rows: on a machine with as many cores as ranks, a rank that only coordinated would leave a
 * core idle (and Open MPI's blocking receive spins on it). With one rank, rank 0 computes
 * every row itself.
 */
#include "kernel.h"

#include "kernel_mpi.h"

enum { TAG_ROWS = 1, TAG_CHUNK = 2 };

static long long chunk_end(const struct pk_case *c, long long lo)
{
    const struct mandelbrot_data *d = c->data;
    long long chunk = c->param[MANDELBROT_CHUNK];
    return lo + chunk < d->h ? lo + chunk : d->h;
}

static int mpi_static(struct pk_case *c, MPI_Comm comm)
{
    struct mandelbrot_data *d = c->data;
    long long n = d->w;
    struct pk_range r = pk_partition_block(d->h, c->ranks, c->rank);
    int *block = c->rank == 0 ? d->grid + r.lo * n : d->grid; /* the others hold only theirs */

    for (long long row = r.lo; row < r.hi; row++)
        mandelbrot_row(row, n, block + (row - r.lo) * n);
    for (int k = 0; k < c->ranks; k++) { /* counts fit in int: h * w < 2^31 (MANDELBROT_MAX_N) */
        struct pk_range b = pk_partition_block(d->h, c->ranks, k);
        d->counts[k] = (int)((b.hi - b.lo) * n);
        d->displs[k] = (int)(b.lo * n);
    }
    if (c->rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT, d->grid, d->counts, d->displs, MPI_INT, 0, comm);
    else
        MPI_Gatherv(block, d->counts[c->rank], MPI_INT, NULL, NULL, NULL, MPI_INT, 0, comm);
    return 0;
}

/*
 * Rank 0: takes the rows `src` finished (its oldest outstanding chunk: MPI keeps one sender's
 * messages in order) and hands it the next chunk, or h when none is left.
 */
static void serve(struct pk_case *c, MPI_Comm comm, int src, long long *next, int *stopped)
{
    struct mandelbrot_data *d = c->data;
    long long *given = d->given + (size_t)src * MANDELBROT_AHEAD, lo = given[0];

    MPI_Recv(d->grid + lo * d->w, (int)((chunk_end(c, lo) - lo) * d->w), MPI_INT, src, TAG_ROWS,
             comm, MPI_STATUS_IGNORE);
    lo = *next;
    *next = chunk_end(c, lo);
    if (lo >= d->h)
        (*stopped)++;
    for (int k = 0; k + 1 < MANDELBROT_AHEAD; k++)
        given[k] = given[k + 1];
    given[MANDELBROT_AHEAD - 1] = lo;
    MPI_Send(&lo, 1, MPI_LONG_LONG, src, TAG_CHUNK, comm);
}

static void master(struct pk_case *c, MPI_Comm comm)
{
    struct mandelbrot_data *d = c->data;
    long long n = d->w, next = 0;
    /* every worker's last MANDELBROT_AHEAD requests are answered with a stop */
    int stopped = 0, stops = (c->ranks - 1) * MANDELBROT_AHEAD, waiting;
    MPI_Status st;

    for (int k = 0; k < c->ranks * MANDELBROT_AHEAD; k++)
        d->given[k] = d->h; /* the first requests carry no rows */
    for (;;) {
        do { /* answer every worker that waits before computing another row */
            waiting = 0;
            if (stopped < stops)
                MPI_Iprobe(MPI_ANY_SOURCE, TAG_ROWS, comm, &waiting, &st);
            if (waiting)
                serve(c, comm, st.MPI_SOURCE, &next, &stopped);
        } while (waiting);
        if (next < d->h) {
            long long row = next++;
            mandelbrot_row(row, n, d->grid + row * n);
        } else if (stopped < stops) {
            MPI_Probe(MPI_ANY_SOURCE, TAG_ROWS, comm, &st);
            serve(c, comm, st.MPI_SOURCE, &next, &stopped);
        } else {
            return;
        }
    }
}

static void worker(struct pk_case *c, MPI_Comm comm)
{
    struct mandelbrot_data *d = c->data;
    long long n = d->w, lo, ahead[MANDELBROT_AHEAD];
    size_t slot = (size_t)(mandelbrot_own_rows(c) / MANDELBROT_AHEAD * n); /* a chunk buffer */
    MPI_Request answer[MANDELBROT_AHEAD], sent[MANDELBROT_AHEAD];

    /*
     * Rows go out by MPI_Isend: a chunk's rows pass the eager limit (4 KiB in Open MPI's
     * shared-memory transport), so a blocking send would wait until rank 0 finishes its own
     * row and posts the receive. The answer to a request comes only after rank 0 took its
     * rows, so once the answer is in, the send is complete. The first requests carry no rows.
     */
    for (int k = 0; k < MANDELBROT_AHEAD; k++) {
        MPI_Isend(NULL, 0, MPI_INT, 0, TAG_ROWS, comm, &sent[k]);
        MPI_Irecv(&ahead[k], 1, MPI_LONG_LONG, 0, TAG_CHUNK, comm, &answer[k]);
    }
    for (int k = 0;; k = (k + 1) % MANDELBROT_AHEAD) {
        MPI_Wait(&answer[k], MPI_STATUS_IGNORE);
        MPI_Wait(&sent[k], MPI_STATUS_IGNORE);
        lo = ahead[k];
        if (lo >= d->h) { /* the rest of the answers are stops too: take them */
            for (int j = 1; j < MANDELBROT_AHEAD; j++) {
                MPI_Wait(&answer[(k + j) % MANDELBROT_AHEAD], MPI_STATUS_IGNORE);
                MPI_Wait(&sent[(k + j) % MANDELBROT_AHEAD], MPI_STATUS_IGNORE);
            }
            return;
        }
        long long hi = chunk_end(c, lo);
        /* chunk k's buffer: its last send is complete (above), so its rows may be overwritten */
        int *rows = d->grid + (size_t)k * slot;
        for (long long row = lo; row < hi; row++)
            mandelbrot_row(row, n, rows + (row - lo) * n);
        MPI_Isend(rows, (int)((hi - lo) * n), MPI_INT, 0, TAG_ROWS, comm, &sent[k]);
        MPI_Irecv(&ahead[k], 1, MPI_LONG_LONG, 0, TAG_CHUNK, comm, &answer[k]);
    }
}

int mandelbrot_mpi(struct pk_case *c, MPI_Comm comm)
{
    if (c->param[MANDELBROT_SCHEDULE] == MANDELBROT_STATIC)
        return mpi_static(c, comm);
    if (c->rank == 0)
        master(c, comm);
    else
        worker(c, comm);
    return 0;
}
