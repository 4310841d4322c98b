/*
 * polysum: the tutorial's Queue job. Sum over i in [0, n) of i + i^2 + i^3, exact in unsigned
 * 128-bit arithmetic. Tutorial pattern: each process puts its partial sum on an mp.Queue and
 * the parent adds them. Reference: the closed form A + B + A^2 with m = n - 1,
 * A = m(m+1)/2 and B = m(m+1)(2m+1)/6 (Faulhaber), which is exact and shares no code with the
 * loop. The sum fits in 128 bits up to n = POLYSUM_MAX_N and no further.
 */
#ifndef POLYSUM_KERNEL_H
#define POLYSUM_KERNEL_H

#include <stdalign.h>
#include <stdbool.h>

#include "partition.h"
#include "pk_kernel.h"
#include "u128.h"

#define POLYSUM_MAX_N 6074001000LL /* the largest n whose sum is below 2^128 */

/* One worker's partial sum, on a cache line of its own so threads never share one. */
struct polysum_slot {
    alignas(64) pk_u128 sum;
};

struct polysum_data {
    pk_u128 sum;               /* the combined result of the last rep */
    pk_u128 expected;          /* the closed form, computed at setup */
    struct polysum_slot *part; /* one per worker: threads' slots, fork's and mpi's landing */
};

/*
 * i + i^2 + i^3 for 0 <= i < 2^33: one widening 64 x 64 multiply for the square, then 128 x 64.
 * Every multiply takes the 64-bit u, so each is a widening multiply, never 128 x 128.
 */
static inline pk_u128 polysum_term(long long i)
{
    unsigned long long u = (unsigned long long)i;
    pk_u128 square = (pk_u128)u * u;
    return u + square + square * u;
}

/*
 * The sum of polysum_term over the block [lo, hi). Compiled once, in kernel.c, so serial,
 * threads, fork and mpi run the very same machine code; inlined into serial's loop from a
 * constant 0, GCC widened the counter to 128 bits and the baseline ran 1.7x slower.
 */
pk_u128 polysum_range(long long lo, long long hi);

/* The closed form for n terms into *sum; false if it does not fit in 128 bits. */
bool polysum_closed_form(long long n, pk_u128 *sum);

size_t polysum_bytes(const struct pk_case *c);
int polysum_setup(struct pk_case *c, char *err, size_t errlen);
void polysum_reset(struct pk_case *c);
void polysum_verify(const struct pk_case *c, struct pk_verdict *v);

int polysum_serial(struct pk_case *c, int p);
int polysum_openmp(struct pk_case *c, int p);
int polysum_threads(struct pk_case *c, int p);
int polysum_fork(struct pk_case *c, int p);

#endif
