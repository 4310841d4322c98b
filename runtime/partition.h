/* Block partition of [0, n) among workers: the one place every model gets its range from. */
#ifndef PK_PARTITION_H
#define PK_PARTITION_H

#include <stddef.h>

/* A half-open range [lo, hi) of item indices; empty when lo == hi. */
struct pk_range {
    long long lo, hi;
};

/*
 * The block of [0, n) that worker w of p owns. Blocks are contiguous, in worker order, cover
 * [0, n) exactly once and differ in length by at most one: the first n % p workers get one
 * item more. Workers beyond n get empty ranges. Requires n >= 0, p >= 1 and 0 <= w < p.
 */
struct pk_range pk_partition_block(long long n, int p, int w);

/*
 * Checks that the blocks r[0..p) of p workers tile [0, n): the first starts at 0, each starts
 * where the one before ends, none runs backwards, the last ends at n; so together they cover
 * every item exactly once. Returns 0, or -1 with a one-line reason in err that says how many
 * of the n items the blocks cover.
 */
int pk_partition_verify(long long n, int p, const struct pk_range *r, char *err, size_t errlen);

/* pk_partition_verify of the blocks pk_partition_block gives p workers (in this process). */
int pk_partition_check(long long n, int p, char *err, size_t errlen);

#endif
