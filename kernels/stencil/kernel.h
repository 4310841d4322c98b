/*
 * stencil: T sweeps of the 2D 5-point Jacobi iteration (an explicit step of the heat equation)
 * on an N x N grid whose boundary rows and columns stay fixed; n = N counts the boundary.
 * Tutorial pattern: Barrier. Each worker owns a block of rows, and no worker may start sweep
 * s + 1 before every worker has finished sweep s, since it reads its neighbours' rows; mpi
 * ranks share no memory and trade one halo row with each neighbour instead.
 *
 * Grids: sweep 0 reads the starting grid `init`, which no model writes; sweep s writes
 * work[s % 2] from the grid sweep s - 1 wrote (old and new swap every sweep). So the result is
 * work[(T - 1) % 2], and reset poisons the interiors of both work grids with NaN: a rep that
 * skips any point of its last sweep fails, whatever the input and T.
 *
 * Reference: an independent serial pass (kernel.c, a loop of its own from start values of its
 * own; it shares only stencil_point and start_value with the models), made by the model's init
 * after the workers have filled (first-touched) their rows, or by mpi's rank 0 in setup. The final
 * grid must equal it bit for bit (tolerance 0): every point is the same three additions and one
 * multiply in the same order in every model (C fixes the order; -std=c11 turns FMA contraction off;
 * nothing reassociates without -ffast-math), and no point depends on how the rows were split. The
 * result is a 64-bit hash of the grid.
 * --field linear starts from u = 3i - 2j + 7 everywhere, which Jacobi leaves unchanged
 * exactly (integer sums below 2^53, then a multiply by a power of two); verify checks that
 * closed form too.
 */
#ifndef STENCIL_KERNEL_H
#define STENCIL_KERNEL_H

#include <pthread.h>
#include <stdbool.h>

#include "partition.h"
#include "pk_kernel.h"

/* N^2 doubles must fit an int count: mpi gathers the grid with MPI_Gatherv */
#define STENCIL_MAX_N 46340LL

/* The kernel's parameters, in the order of the registry's params[]. */
enum { STENCIL_SWEEPS, STENCIL_FIELD };
enum { STENCIL_RANDOM, STENCIL_LINEAR }; /* --field choices */

struct stencil_data {
    double *init;         /* the starting grid; mpi writes only its halo rows (same values) */
    double *work[2];      /* sweep s writes work[s % 2]; boundaries set at setup, never written */
    double *ref;          /* the reference final grid (rank 0 only under mpi) */
    int *counts, *displs; /* mpi: doubles each rank gathers to rank 0, and where they land */
    long long sweeps;     /* T */
    int field;            /* STENCIL_RANDOM or STENCIL_LINEAR */
    int parties;          /* the barrier's count (threads and fork), 0 if none */
    unsigned long long ref_hash;
    pthread_barrier_t barrier; /* threads: private; fork: process-shared */
};

/*
 * The new value of interior point (i, j) of grid u (row-major, N x N): the mean of its four
 * neighbours, ((up + down) + left) + right, then times 0.25. Written once, here.
 */
static inline double stencil_point(const double *u, long long N, long long i, long long j)
{
    return 0.25 * (u[(i - 1) * N + j] + u[(i + 1) * N + j] + u[i * N + j - 1] + u[i * N + j + 1]);
}

/* The linear field of --field linear: exact in doubles for |i|, |j| < 2^49. */
static inline double stencil_linear(long long i, long long j)
{
    return 3.0 * (double)i - 2.0 * (double)j + 7.0;
}

/* The grid sweep s reads: init for the first sweep, else the one sweep s - 1 wrote. */
static inline double *stencil_src(const struct stencil_data *d, long long s)
{
    return s == 0 ? d->init : d->work[(s - 1) % 2];
}

/* The grid sweep s writes. After T sweeps the result is stencil_dst(d, T - 1). */
static inline double *stencil_dst(const struct stencil_data *d, long long s)
{
    return d->work[s % 2];
}

/*
 * Rows a call of stencil_rows sweeps together. At class A a row (45 KB) is larger than L1, so a
 * point's three source rows each come from L2 or memory, three streams for one point written.
 * Jammed four rows at a time, each column j loads the six source rows i - 1 .. i + 4 once for
 * four points: 1.5 streams per point (K + 2 rows for K points). Four leaves the ten row
 * pointers and the values in flight inside baseline x86-64's 16 general and 16 vector
 * registers with room to spare (gcc 12 spills inside the loop at six, and eight falls back to
 * the one-row speed on the development VM), and more rows would save little: 1.33 at six.
 */
#define STENCIL_JAM 4

/*
 * Interior rows [lo, hi) of dst from src (1 <= lo <= hi <= N - 1): dst[i][j] =
 * stencil_point(src, i, j) for j in [1, N - 1), STENCIL_JAM rows at a time, then one by one.
 * Compiled once, in kernel.c, so every model runs the same machine code for the inner loop and
 * differs only in which rows it gives each worker.
 */
void stencil_rows(const double *restrict src, double *restrict dst, long long N, long long lo,
                  long long hi);

/*
 * Group g of STENCIL_JAM consecutive rows of [lo, hi), the last one shorter: the unit that
 * openmp's `omp for` deals out, so each iteration is one jammed call of stencil_rows.
 */
static inline long long stencil_groups(long long lo, long long hi)
{
    return (hi - lo + STENCIL_JAM - 1) / STENCIL_JAM;
}

static inline struct pk_range stencil_group(long long lo, long long hi, long long g)
{
    long long first = lo + g * STENCIL_JAM;
    return (struct pk_range){first, first + STENCIL_JAM < hi ? first + STENCIL_JAM : hi};
}

/* An mpi rank's interior rows [lo, hi) and its neighbours (MPI_PROC_NULL where none). */
struct stencil_block {
    long long lo, hi;
    int up, down;
};

/*
 * One pool worker's share, for threads and fork alike: its block of interior rows
 * (pk_partition_block over the N - 2 of them) for all T sweeps, waiting at d->barrier after
 * each, so nobody reads a neighbour's rows of the next source grid before they are written.
 * A worker with no rows still waits at every barrier: the barrier counts all p.
 */
void stencil_worker(const struct pk_case *c, int w, int p);

/*
 * Rows [lo, hi) of the starting grid into init and both work grids (whose boundaries no sweep
 * writes). In one process each model's init calls it from the workers that will sweep those
 * rows, after the pool starts, so that they touch the pages first; an mpi rank, from setup.
 */
void stencil_fill(struct pk_case *c, long long lo, long long hi);

/* Worker w of p fills its block of rows (serial, threads, fork); the first also row 0, the last
 * row N - 1. */
void stencil_fill_block(struct pk_case *c, int w, int p);

/* ref and ref_hash: T sweeps of the serial reference, from start values of its own. */
void stencil_reference(struct pk_case *c);

/* The 64-bit hash of a grid's bits that the result line shows. */
unsigned long long stencil_hash(const double *u, long long N);

size_t stencil_bytes(const struct pk_case *c);
/* Another mpi rank touches its rows and their halos of init and both work grids. */
size_t stencil_touched(const struct pk_case *c);
int stencil_setup(struct pk_case *c, char *err, size_t errlen);
void stencil_reset(struct pk_case *c);
void stencil_verify(const struct pk_case *c, struct pk_verdict *v);
double stencil_rate(const struct pk_case *c, double seconds);

int stencil_serial_init(struct pk_case *c, int p);
int stencil_openmp_init(struct pk_case *c, int p);
int stencil_threads_init(struct pk_case *c, int p);
int stencil_fork_init(struct pk_case *c, int p);
int stencil_serial(struct pk_case *c, int p);
int stencil_openmp(struct pk_case *c, int p);
int stencil_threads(struct pk_case *c, int p);
int stencil_fork(struct pk_case *c, int p);

#endif
