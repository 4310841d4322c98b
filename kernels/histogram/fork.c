/*
 * histogram, fork model: each pool process takes its block from pk_partition_block. --sync
 * private: it counts into its result buffer, which comes back through its pipe (the tutorial's
 * Queue), and the parent sums the blocks into the shared bins; atomic (lock-free C11 atomics
 * on the MAP_SHARED arena), lock (a process-shared mutex in the arena) and none: it updates the
 * shared bins and total in the arena directly.
 */
#include "kernel.h"

static int histogram_fork_part(void *arg, int w, int p, void *out)
{
    struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);
    enum histogram_sync sync = histogram_sync_of(c);

    if (sync != HISTOGRAM_PRIVATE)
        return histogram_count_shared(c, sync, r.lo, r.hi);
    histogram_count(c, r.lo, r.hi, out); /* out arrives zeroed; the pool sends it: q.put */
    return 0;
}

int histogram_fork(struct pk_case *c, int p)
{
    struct histogram_data *d = c->data;
    bool private = histogram_sync_of(c) == HISTOGRAM_PRIVATE;
    size_t size = private ? (size_t)d->stride * sizeof *d->part : 0;

    if (pk_forkpool_run(c->forks, histogram_fork_part, c, private ? d->part : NULL, size, c->error,
                        sizeof c->error))
        return -1;
    if (private) /* q.get() for every worker */
        histogram_merge(d, p);
    return 0;
}
