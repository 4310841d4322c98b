/*
 * square: the tutorial's Pool.map job, pool.map(job, range(n)) with job(x) = x * x. For n signed
 * 64-bit inputs x[i], y[i] = x[i]^2, results in input order. Tutorial pattern: Pool.map, the
 * pool's workers each take a block of the arguments and the results come back in order.
 * Inputs: x[i] from the counter-based generator (runtime/rng.h), depending only on (seed, i) and
 * kept within |x| < 2^31, so every square fits in int64 and no overflow can hide.
 * Reference: verify regenerates x[i] from (seed, i), not from the x array, so a corrupted input
 * is caught as well as a wrong or missing output; exact, tolerance 0. The result all models
 * must agree on is an order-sensitive 64-bit polynomial hash of y (a permutation changes it).
 * First touch: for serial, openmp, threads and fork, setup only maps the arrays; each model's
 * init fills x and poisons y from the very workers (and partition) that square them, so on a
 * NUMA machine every page lives where it is used. mpi: rank 0 fills all of x in setup (it
 * holds the input); another rank touches only its block, so its memory follows its block.
 * Rate: GB/s counting 16 bytes an element (8 read from x, 8 written to y); the write-allocate
 * read of y that most caches add is not counted.
 */
#ifndef SQUARE_KERNEL_H
#define SQUARE_KERNEL_H

#include <stdint.h>

#include "partition.h"
#include "pk_kernel.h"
#include "rng.h"

/* x and y take 16 bytes an element: 2^36 elements are 1 TiB, more than a node's memory */
#define SQUARE_MAX_N (1LL << 36)

/* Inputs lie in [-SQUARE_X_MAX, SQUARE_X_MAX]: |x| < 2^31. */
#define SQUARE_X_MAX ((1LL << 31) - 1)

/* What an mpi rank's x holds until scattered: its square 2^62 is no input's square. */
#define SQUARE_X_POISON (1LL << 31)

struct square_data {
    long long *x;      /* inputs; on an mpi rank other than 0, only its block is ever touched */
    long long *y;      /* outputs, poisoned to -1 before every rep */
    int *count, *disp; /* mpi: one per rank, the Scatterv and Gatherv counts of one window */
};

/* The input x[i] for seed: uniform on [-SQUARE_X_MAX, SQUARE_X_MAX]. */
static inline long long square_input(uint64_t seed, long long i)
{
    return (long long)pk_rng_below(seed, (uint64_t)i, 2 * (uint64_t)SQUARE_X_MAX + 1) -
           SQUARE_X_MAX;
}

/* The job: x * x, exact for |x| < 2^31 (below 2^62). */
static inline long long square_of(long long x)
{
    return x * x;
}

/*
 * y[i] = square_of(x[i]) for i in [lo, hi). Compiled once, in kernel.c, so serial, threads, fork
 * and mpi run the very same machine code (openmp writes the same loop under its pragma).
 */
void square_range(const long long *x, long long *y, long long lo, long long hi);

/* x[i] = the input, y[i] = -1 for i in [lo, hi): the first touch of those pages. */
void square_fill(struct square_data *d, uint64_t seed, long long lo, long long hi);

/* The order-sensitive 64-bit hash of y[0..n) that verify reports (the models' common result). */
uint64_t square_hash(const long long *y, long long n);

size_t square_bytes(const struct pk_case *c);
/* Another mpi rank touches its blocks of x and y. */
size_t square_touched(const struct pk_case *c);
int square_setup(struct pk_case *c, char *err, size_t errlen);
void square_reset(struct pk_case *c);
void square_verify(const struct pk_case *c, struct pk_verdict *v);
double square_rate(const struct pk_case *c, double seconds);

int square_serial_init(struct pk_case *c, int p);
int square_openmp_init(struct pk_case *c, int p);
int square_threads_init(struct pk_case *c, int p);
int square_fork_init(struct pk_case *c, int p);
int square_serial(struct pk_case *c, int p);
int square_openmp(struct pk_case *c, int p);
int square_threads(struct pk_case *c, int p);
int square_fork(struct pk_case *c, int p);

#endif
