/* Block partition of [0, n) among workers: the one place every model gets its range from. */
#ifndef PK_PARTITION_H
#define PK_PARTITION_H

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

#endif
