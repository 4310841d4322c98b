/*
 * mandelbrot: escape-time counts over a grid of the complex plane. Tutorial pattern: Pool.map
 * over items of very uneven cost (imap_unordered with a chunksize, against a static split).
 *
 * Size n: the grid has n columns over re in [-2, 1] and H = 2n/5 rows over im in [0, 1.2], so
 * pixels are square. It is the upper half of the classic view: counts are symmetric under
 * conjugation, so the lower half would add cost and nothing else; and the halves of a
 * symmetric view cost the same, which would hide the imbalance of a static split at p = 2.
 * Row 0 is the top (im near 1.2, cheap: most points escape at once); the last rows lie along
 * the real axis, through the main cardioid, where every point runs MANDELBROT_MAX_ITER
 * iterations. Rows differ about 250x in cost.
 *
 * Reference: setup computes the whole grid by an independent serial recomputation (a plain
 * loop over the same inline functions); every rep's grid must equal it count by count. The
 * counts are integers and the arithmetic is IEEE double without contraction (GCC's -std=c11
 * turns -ffp-contract off), so every model computes bit-identical inputs and counts:
 * tolerance 0. The result all models agree on is "total:hash" (sum of counts, FNV-1a of the
 * grid).
 */
#ifndef MANDELBROT_KERNEL_H
#define MANDELBROT_KERNEL_H

#include <assert.h>
#include <stdalign.h>
#include <stdatomic.h>

#include "partition.h"
#include "pk_kernel.h"

#define MANDELBROT_MAX_ITER 1000
#define MANDELBROT_RE_MIN   (-2.0)
#define MANDELBROT_RE_SPAN  3.0
#define MANDELBROT_IM_MAX   1.2
#define MANDELBROT_IM_SPAN  1.2
#define MANDELBROT_MIN_N    3     /* the smallest n with a row: 2 * 3 / 5 = 1 */
#define MANDELBROT_MAX_N    65536 /* 26214 x 65536 pixels: below 2^31, MPI's int counts */

/* The kernel's parameters, in the order of its registry entry. */
enum { MANDELBROT_SCHEDULE, MANDELBROT_CHUNK };
enum mandelbrot_schedule { MANDELBROT_STATIC, MANDELBROT_DYNAMIC };

/*
 * fork workers claim rows with atomic_fetch_add on a counter in MAP_SHARED memory: that works
 * across processes only when the atomic is lock-free (then it is one locked instruction on the
 * shared page, not a lock private to each process).
 */
static_assert(ATOMIC_LLONG_LOCK_FREE == 2, "the shared row counter must be lock-free");

struct mandelbrot_data {
    alignas(64) atomic_llong next; /* the work queue: the first row nobody has claimed */
    alignas(64) long long w, h;    /* columns (n) and rows; a line apart from the counter */
    /*
     * h x w counts, row-major: what every model writes. Another mpi rank holds only the rows
     * it sends: its static block, or under dynamic MANDELBROT_AHEAD chunks that it fills in
     * turn (mandelbrot_own_rows).
     */
    int *grid;
    int *ref;             /* the serial reference (rank 0's alone under mpi; NULL on the others) */
    int *counts, *displs; /* mpi static: MPI_Gatherv's, one per rank */
    long long *given;     /* mpi dynamic: per rank, the first rows of its MANDELBROT_AHEAD chunks */
};

/* mpi dynamic: chunks a worker rank holds at once, the one it computes and the next one */
#ifndef MANDELBROT_AHEAD /* -DMANDELBROT_AHEAD=1 builds the protocol without the lookahead */
#define MANDELBROT_AHEAD 2
#endif

/*
 * The rows of the grid that c's rank holds: all h (rank 0, and every model but mpi); another
 * mpi rank, under --schedule static its block, under dynamic MANDELBROT_AHEAD chunks.
 */
long long mandelbrot_own_rows(const struct pk_case *c);

/* A point c = re + i im of the plane. */
struct mandelbrot_c {
    double re, im;
};

/* The number of rows of the grid of size n. */
static inline long long mandelbrot_rows(long long n)
{
    return 2 * n / 5;
}

/* The centre of pixel (row, col) of the grid of size n: the only place coordinates come from. */
static inline struct mandelbrot_c mandelbrot_point(long long row, long long col, long long n)
{
    struct mandelbrot_c c;
    c.re = MANDELBROT_RE_MIN + MANDELBROT_RE_SPAN * (((double)col + 0.5) / (double)n);
    c.im =
        MANDELBROT_IM_MAX - MANDELBROT_IM_SPAN * (((double)row + 0.5) / (double)mandelbrot_rows(n));
    return c;
}

/*
 * The number of steps z <- z^2 + c, from z = 0, until |z| > 2; max_iter if |z| stays within 2
 * that long. c = 2 gives 2 (z = 2, then 6); c = 0 and c = -1 never escape.
 */
static inline int mandelbrot_escape(double cr, double ci, int max_iter)
{
    double zr = 0.0, zi = 0.0, zr2 = 0.0, zi2 = 0.0;
    for (int k = 0; k < max_iter; k++) {
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        zr2 = zr * zr;
        zi2 = zi * zi;
        if (zr2 + zi2 > 4.0)
            return k + 1;
    }
    return max_iter;
}

/* The counts of row `row` of the grid of size n into out[0, n): the one loop every model runs. */
static inline void mandelbrot_row(long long row, long long n, int *out)
{
    for (long long col = 0; col < n; col++) {
        struct mandelbrot_c c = mandelbrot_point(row, col, n);
        out[col] = mandelbrot_escape(c.re, c.im, MANDELBROT_MAX_ITER);
    }
}

/* The iterations (the sum of reference counts) of rows [lo, hi): their cost, for tests. */
long long mandelbrot_work(const struct mandelbrot_data *d, long long lo, long long hi);

size_t mandelbrot_bytes(const struct pk_case *c);
/*
 * One pool worker's share, for threads and fork alike: under --schedule static its block of
 * rows from pk_partition_block; under dynamic, chunks of --chunk rows claimed from the shared
 * counter d->next (reset before the run) until it passes the last row. Rows go straight into
 * the shared grid.
 */
void mandelbrot_worker(const struct pk_case *c, int w, int p);

int mandelbrot_setup(struct pk_case *c, char *err, size_t errlen);
void mandelbrot_reset(struct pk_case *c);
void mandelbrot_verify(const struct pk_case *c, struct pk_verdict *v);
double mandelbrot_rate(const struct pk_case *c, double seconds);

int mandelbrot_serial(struct pk_case *c, int p);
int mandelbrot_openmp(struct pk_case *c, int p);
int mandelbrot_threads(struct pk_case *c, int p);
int mandelbrot_fork(struct pk_case *c, int p);

#endif
