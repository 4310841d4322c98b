/*
 * histogram, threads model: each pool thread takes its block from pk_partition_block. --sync
 * private: it counts into its own block of the arena (cache-line separated) and the main
 * thread sums the blocks into the shared bins; atomic, lock (a pthread mutex) and none: it
 * updates the shared bins and total directly.
 */
#include "kernel.h"

#include <stdio.h>
#include <string.h>

static int histogram_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct histogram_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);
    enum histogram_sync sync = histogram_sync_of(c);
    unsigned long long *mine = histogram_part(d, w);

    if (sync != HISTOGRAM_PRIVATE)
        return histogram_count_shared(c, sync, r.lo, r.hi);
    memset(mine, 0, (size_t)d->stride * sizeof *mine); /* reset poisoned it */
    histogram_count(c, r.lo, r.hi, mine);
    return 0;
}

int histogram_threads(struct pk_case *c, int p)
{
    struct histogram_data *d = c->data;
    int rc = pk_threadpool_run(c->threads, histogram_threads_part, c);

    if (rc) {
        snprintf(c->error, sizeof c->error, "histogram: a worker's lock failed: %s", strerror(rc));
        return -1;
    }
    if (histogram_sync_of(c) == HISTOGRAM_PRIVATE)
        histogram_merge(d, p);
    return 0;
}
