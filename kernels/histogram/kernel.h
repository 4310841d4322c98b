/*
 * histogram: n values from the counter-based generator (runtime/rng.h), value i mapped to one of
 * B bins by pk_rng_below(seed, i, B), counted into ONE shared array of B bins plus ONE shared
 * total counter. Tutorial pattern: mp.Value and mp.Array with a Lock; --sync chooses how
 * workers update the shared counters (private copies merged at the end, atomic increments, a
 * lock around every update, or none: an unsynchronised read-modify-write that loses updates on
 * purpose). Reference: an independent serial pass in setup; every bin must equal its count
 * exactly and the total must equal n (with --sync none and p > 1 the loss is measured instead).
 */
#ifndef HISTOGRAM_KERNEL_H
#define HISTOGRAM_KERNEL_H

#include <assert.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>

#include "partition.h"
#include "pk_kernel.h"
#include "rng.h"

#define HISTOGRAM_MAX_N    (1LL << 40)
#define HISTOGRAM_MAX_BINS 65536

/* the --sync choices, in the order of the registry's list */
enum histogram_sync { HISTOGRAM_PRIVATE, HISTOGRAM_ATOMIC, HISTOGRAM_LOCK, HISTOGRAM_NONE };

/* the kernel's parameters, in the order of the registry's list */
enum { HISTOGRAM_PARAM_SYNC, HISTOGRAM_PARAM_BINS };

/*
 * The atomic modes use C11 atomics on arena memory. Fork workers share it through a MAP_SHARED
 * mapping, which is only safe with lock-free atomics (a lock hidden inside a non-lock-free
 * atomic would live in each process's own memory).
 */
static_assert(ATOMIC_LLONG_LOCK_FREE == 2, "the shared counters need lock-free 64-bit atomics");
static_assert(sizeof(atomic_ullong) == sizeof(unsigned long long) &&
                  alignof(atomic_ullong) == alignof(unsigned long long),
              "a counter is read both plainly and atomically");

/*
 * A counter block: B bins at [0, B), the total at [total_at], padding to whole cache lines. The
 * shared counters are one block; every private copy (a worker's, a rank's) is another, laid out
 * the same, so a block merges or reduces element by element.
 */
struct histogram_data {
    long long nbins;              /* B */
    long long total_at;           /* the total's index: B rounded up to a cache line */
    long long stride;             /* counters per block: total_at plus a cache line */
    unsigned long long *bins;     /* the shared block: what every model leaves its result in */
    unsigned long long *total;    /* = bins + total_at: the shared counter (the mp.Value) */
    unsigned long long *part;     /* private blocks, one per worker (mpi: one per rank) */
    int nparts;                   /* how many */
    unsigned long long *expected; /* the reference counts, rank 0 only */
    pthread_mutex_t lock;         /* --sync lock: process-shared for the fork model */
};

/* The bin of value i: the per-element work every model does. */
static inline long long histogram_bin(unsigned long long seed, long long i, long long nbins)
{
    return (long long)pk_rng_below(seed, (uint64_t)i, (uint64_t)nbins);
}

/* The counter x seen as the atomic object it is updated as (static_asserts above). */
static inline atomic_ullong *histogram_atomic(unsigned long long *x)
{
    return (atomic_ullong *)x;
}

/* --sync atomic: one indivisible increment (relaxed: the join orders it before the check). */
static inline void histogram_add_atomic(unsigned long long *x)
{
    atomic_fetch_add_explicit(histogram_atomic(x), 1, memory_order_relaxed);
}

/*
 * --sync none: read, add, write back as two separate atomic operations. No data race in the C11
 * sense (so defined behaviour), but another worker's update between the two is overwritten: the
 * tutorial's lost update, on purpose.
 */
static inline void histogram_add_racy(unsigned long long *x)
{
    atomic_ullong *a = histogram_atomic(x);
    atomic_store_explicit(a, atomic_load_explicit(a, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

/* The --sync choice of c. */
static inline enum histogram_sync histogram_sync_of(const struct pk_case *c)
{
    return (enum histogram_sync)c->param[HISTOGRAM_PARAM_SYNC];
}

/* Private block w of c's data. */
static inline unsigned long long *histogram_part(const struct histogram_data *d, int w)
{
    return d->part + (size_t)w * (size_t)d->stride;
}

/*
 * Counts values [lo, hi) into the counter block `block` with plain increments (nobody else
 * writes it): bins and total are added to, so the block must start zeroed.
 */
void histogram_count(const struct pk_case *c, long long lo, long long hi,
                     unsigned long long *block);

/*
 * Counts values [lo, hi) straight into the shared counters, every update synchronised as
 * `sync` says (atomic, lock or none), for the threads and fork models. Returns 0, or the error
 * number of a failed lock operation.
 */
int histogram_count_shared(struct pk_case *c, enum histogram_sync sync, long long lo, long long hi);

/* Sets the shared counters to the sum of the first `nparts` private blocks. */
void histogram_merge(struct histogram_data *d, int nparts);

size_t histogram_bytes(const struct pk_case *c);
int histogram_setup(struct pk_case *c, char *err, size_t errlen);
void histogram_reset(struct pk_case *c);
void histogram_verify(const struct pk_case *c, struct pk_verdict *v);
double histogram_rate(const struct pk_case *c, double seconds);

int histogram_serial(struct pk_case *c, int p);
int histogram_openmp(struct pk_case *c, int p);
int histogram_threads(struct pk_case *c, int p);
int histogram_fork(struct pk_case *c, int p);

#endif
