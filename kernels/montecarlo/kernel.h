/*
 * montecarlo: pi by random darts. Dart i lands at (X, Y), two 32-bit integer coordinates drawn
 * from the counter-based generator (runtime/rng.h) at positions 2i and 2i + 1, and hits when
 * X^2 + Y^2 < 2^64, the quarter disc of radius 2^32. The result is the hit count, an exact
 * integer that depends only on the seed and n: every model and every p must agree on it
 * exactly. The estimate of pi is 4 * hits / n.
 * Tutorial pattern: Pool.map over independent samples, then a sum of counts (reduce).
 * Reference: an independent serial recomputation of the same darts from the same generator at
 * setup (montecarlo_reference, with its own loop and a 128-bit comparison instead of the carry
 * test below), which the count must equal; and the estimate must lie within 5 standard errors
 * of pi (from n >= MONTECARLO_STAT_MIN_N; see montecarlo_plausible). The workers also count
 * the darts they throw, which must be n: a dropped dart that misses changes no hit count.
 * Bias: the 2^32 grid counts lattice points, about pi 2^62 + 2^32 of them, so the hit
 * probability is pi/4 + 2^-32 or so: 9.3e-10 in the estimate, 1.2 standard errors at
 * MONTECARLO_MAX_N and negligible at any size one can run.
 */
#ifndef MONTECARLO_KERNEL_H
#define MONTECARLO_KERNEL_H

#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>

#include "partition.h"
#include "pk_kernel.h"
#include "rng.h"

#define MONTECARLO_MAX_N      (1LL << 62) /* the grid's bias stays near one standard error */
#define MONTECARLO_STAT_MIN_N 100         /* below it the 5-sigma check is not applied */
#define MONTECARLO_SIGMAS     5.0

/* One worker's counts, on a cache line of its own so threads never share one. */
struct montecarlo_slot {
    alignas(64) long long hits;
    long long darts; /* thrown: hits and misses */
};

struct montecarlo_data {
    long long hits;               /* the combined count of the last rep; -1 after reset */
    long long darts;              /* the darts thrown in it, over all workers; -1 after reset */
    long long expected;           /* the serial reference, computed at setup (rank 0 only) */
    struct montecarlo_slot *part; /* one per worker: threads' slots, fork's landing */
};

/*
 * True if the point (x, y), with x, y < 2^32, lies inside the quarter disc x^2 + y^2 < 2^64.
 * Each square fits in 64 bits; their sum is below 2^64 exactly when the add does not carry.
 * Integer arithmetic: the answer is exact and the same on every platform and compiler.
 */
static inline bool montecarlo_inside(uint64_t x, uint64_t y)
{
    uint64_t sum;
    return !__builtin_add_overflow(x * x, y * y, &sum);
}

/*
 * True if dart i of the stream `seed` hits: its coordinates are the top 32 bits of generator
 * outputs 2i and 2i + 1 (SplitMix64's top bits are its best mixed), so dart i depends on
 * nothing but (seed, i), whichever worker throws it. 2i + 1 fits: i < 2^63.
 */
static inline bool montecarlo_hit(uint64_t seed, long long i)
{
    uint64_t k = 2 * (uint64_t)i;
    return montecarlo_inside(pk_rng_u64(seed, k) >> 32, pk_rng_u64(seed, k + 1) >> 32);
}

/*
 * The hits among darts [lo, hi) of stream seed; adds the darts thrown to *darts. Compiled once,
 * in kernel.c, so serial, threads, fork and mpi run the very same machine code (openmp's loop
 * calls montecarlo_hit itself).
 */
long long montecarlo_range(uint64_t seed, long long lo, long long hi, long long *darts);

/* The hits among darts [0, n), recomputed independently of montecarlo_range (see kernel.c). */
long long montecarlo_reference(uint64_t seed, long long n);

/*
 * True if hits of n darts is a plausible count: 0 <= hits <= n and, for n >= STAT_MIN_N, the
 * estimate 4 hits / n within MONTECARLO_SIGMAS standard errors 4 sqrt(q (1 - q) / n),
 * q = pi / 4, of pi. *sigmas receives the distance in standard errors.
 */
bool montecarlo_plausible(long long hits, long long n, double *sigmas);

size_t montecarlo_bytes(const struct pk_case *c);
int montecarlo_setup(struct pk_case *c, char *err, size_t errlen);
void montecarlo_reset(struct pk_case *c);
void montecarlo_verify(const struct pk_case *c, struct pk_verdict *v);
double montecarlo_rate(const struct pk_case *c, double seconds);

int montecarlo_serial(struct pk_case *c, int p);
int montecarlo_openmp(struct pk_case *c, int p);
int montecarlo_threads(struct pk_case *c, int p);
int montecarlo_fork(struct pk_case *c, int p);

#endif
