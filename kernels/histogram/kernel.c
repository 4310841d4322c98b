/*
 * histogram: the counting loops the models share, setup with its reference pass, reset, the
 * check and the rate.
 */
#include "kernel.h"

#include <stdio.h>
#include <string.h>

#define CACHE_LINE_COUNTERS 8 /* unsigned long long counters per 64-byte line */

void histogram_count(const struct pk_case *c, long long lo, long long hi, unsigned long long *block)
{
    const struct histogram_data *d = c->data;
    unsigned long long seed = c->seed, total = 0;
    long long nbins = d->nbins;

    for (long long i = lo; i < hi; i++) {
        block[histogram_bin(seed, i, nbins)]++;
        total++;
    }
    block[d->total_at] += total;
}

int histogram_count_shared(struct pk_case *c, enum histogram_sync sync, long long lo, long long hi)
{
    struct histogram_data *d = c->data;
    unsigned long long seed = c->seed, *bins = d->bins, *total = d->total;
    long long nbins = d->nbins;
    int rc = 0;

    switch (sync) {
    case HISTOGRAM_ATOMIC:
        for (long long i = lo; i < hi; i++) {
            histogram_add_atomic(&bins[histogram_bin(seed, i, nbins)]);
            histogram_add_atomic(total);
        }
        break;
    case HISTOGRAM_LOCK:
        for (long long i = lo; i < hi && rc == 0; i++) {
            long long b = histogram_bin(seed, i, nbins);
            if ((rc = pthread_mutex_lock(&d->lock)))
                break;
            bins[b]++;
            (*total)++;
            rc = pthread_mutex_unlock(&d->lock);
        }
        break;
    case HISTOGRAM_NONE:
        for (long long i = lo; i < hi; i++) {
            histogram_add_racy(&bins[histogram_bin(seed, i, nbins)]);
            histogram_add_racy(total);
        }
        break;
    case HISTOGRAM_PRIVATE:
        rc = -1; /* private counts go to a private block (histogram_count), never here */
        break;
    }
    return rc;
}

void histogram_merge(struct histogram_data *d, int nparts)
{
    unsigned long long *bins = d->bins;

    memcpy(bins, histogram_part(d, 0), (size_t)d->stride * sizeof *bins);
    for (int w = 1; w < nparts; w++) {
        const unsigned long long *part = histogram_part(d, w);
        for (long long k = 0; k < d->stride; k++)
            bins[k] += part[k];
    }
}

/* Private blocks: one per worker; an mpi rank needs only its own. */
static int nparts_of(const struct pk_case *c)
{
    return pk_case_local_workers(c);
}

static long long total_at_of(long long nbins)
{
    return (nbins + CACHE_LINE_COUNTERS - 1) / CACHE_LINE_COUNTERS * CACHE_LINE_COUNTERS;
}

size_t histogram_bytes(const struct pk_case *c)
{
    size_t counter = sizeof(unsigned long long);
    size_t nbins = (size_t)c->param[HISTOGRAM_PARAM_BINS];
    size_t block = ((size_t)total_at_of((long long)nbins) + CACHE_LINE_COUNTERS) * counter;

    return pk_arena_bytes(sizeof(struct histogram_data)) + pk_arena_bytes(block) +
           pk_arena_bytes(block * (size_t)nparts_of(c)) + pk_arena_bytes(nbins * counter);
}

/* The reference: a plain serial pass of its own, not the counting code under test. */
static void reference_counts(const struct pk_case *c, unsigned long long *expected)
{
    long long nbins = c->param[HISTOGRAM_PARAM_BINS];

    memset(expected, 0, (size_t)nbins * sizeof *expected);
    for (long long i = 0; i < c->n; i++)
        expected[pk_rng_below(c->seed, (uint64_t)i, (uint64_t)nbins)] += 1;
}

/*
 * The lock lives in the arena; for fork it is process-shared so the pool's processes can take
 * it. It is never destroyed: on Linux a mutex holds no resource beyond its bytes, which go with
 * the arena.
 */
static int init_lock(struct pk_case *c, pthread_mutex_t *lock, char *err, size_t errlen)
{
    pthread_mutexattr_t attr;
    int rc = pthread_mutexattr_init(&attr);

    if (rc == 0 && pk_case_process_shared(c))
        rc = pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    if (rc == 0)
        rc = pthread_mutex_init(lock, &attr);
    pthread_mutexattr_destroy(&attr);
    if (rc)
        snprintf(err, errlen, "histogram: cannot make the lock: %s", strerror(rc));
    return rc ? -1 : 0;
}

int histogram_setup(struct pk_case *c, char *err, size_t errlen)
{
    long long nbins = c->param[HISTOGRAM_PARAM_BINS];
    struct histogram_data *d = pk_arena_alloc(&c->arena, sizeof *d);
    size_t block;

    if (!d)
        goto out_full;
    d->nbins = nbins;
    d->total_at = total_at_of(nbins);
    d->stride = d->total_at + CACHE_LINE_COUNTERS;
    d->nparts = nparts_of(c);
    block = (size_t)d->stride * sizeof *d->bins;
    if (!(d->bins = pk_arena_alloc(&c->arena, block)) ||
        !(d->part = pk_arena_alloc(&c->arena, block * (size_t)d->nparts)))
        goto out_full;
    d->total = d->bins + d->total_at;
    d->expected = NULL;
    if (c->rank == 0) { /* only rank 0 verifies */
        if (!(d->expected = pk_arena_alloc(&c->arena, (size_t)nbins * sizeof *d->expected)))
            goto out_full;
        reference_counts(c, d->expected);
    }
    if (init_lock(c, &d->lock, err, errlen))
        return -1;
    c->data = d;
    return 0;
out_full:
    snprintf(err, errlen, "histogram: arena too small");
    return -1;
}

void histogram_reset(struct pk_case *c)
{
    struct histogram_data *d = c->data;
    size_t block = (size_t)d->stride * sizeof *d->bins;

    memset(d->bins, 0, block); /* atomic, lock and none add to the shared counters */
    memset(d->part, 0xff,
           block * (size_t)d->nparts); /* a private block must be zeroed by its run */
}

/* FNV-1a over the counters, a word at a time: equal bins give equal text in every model. */
static unsigned long long hash_bins(const unsigned long long *bins, long long nbins)
{
    unsigned long long h = 0xcbf29ce484222325ull;
    for (long long b = 0; b < nbins; b++)
        h = (h ^ bins[b]) * 0x100000001b3ull;
    return h;
}

/*
 * True when this configuration races on purpose: --sync none with workers sharing memory (more
 * than one in this process; an mpi rank counts alone).
 */
static bool racing(const struct pk_case *c)
{
    return histogram_sync_of(c) == HISTOGRAM_NONE && pk_case_local_workers(c) > 1;
}

void histogram_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct histogram_data *d = c->data;
    unsigned long long sum = 0, total = *d->total, n = (unsigned long long)c->n;
    long long first = -1, ndiffer = 0;

    v->covered = c->n; /* every bin against the reference of all n values; the total against n */
    for (long long b = 0; b < d->nbins; b++) {
        sum += d->bins[b];
        if (d->bins[b] != d->expected[b] && ndiffer++ == 0)
            first = b;
    }
    snprintf(v->result, sizeof v->result, "%016llx:%llu", hash_bins(d->bins, d->nbins), total);
    if (racing(c)) {
        v->status = PK_STATUS_RACE;
        snprintf(v->detail, sizeof v->detail,
                 "lost %lld of %lld updates (--sync none races on purpose); the total lost %lld",
                 (long long)(n - sum), c->n, (long long)(n - total));
        return;
    }
    if (ndiffer == 0 && total == n) {
        v->status = PK_STATUS_OK;
        return;
    }
    v->status = PK_STATUS_FAILED;
    if (ndiffer)
        snprintf(v->detail, sizeof v->detail,
                 "bin %lld holds %llu, the reference %llu (%lld of %lld bins differ, they sum to "
                 "%llu); total %llu of %lld",
                 first, d->bins[first], d->expected[first], ndiffer, d->nbins, sum, total, c->n);
    else
        snprintf(v->detail, sizeof v->detail, "every bin right, but the total is %llu, not %lld",
                 total, c->n);
}

double histogram_rate(const struct pk_case *c, double seconds)
{
    return seconds > 0 ? (double)c->n / seconds / 1e6 : 0;
}
