/* stream, threads model: each pool thread fills, then streams, its own block. */
#include "kernel.h"

static int stream_threads_fill(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);
    stream_fill(c->data, r.lo, r.hi);
    return 0;
}

static int stream_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);
    stream_block(c->data, r.lo, r.hi);
    return 0;
}

int stream_threads_init(struct pk_case *c, int p)
{
    (void)p;
    return pk_threadpool_run(c->threads, stream_threads_fill, c) ? -1 : 0;
}

int stream_threads(struct pk_case *c, int p)
{
    (void)p;
    return pk_threadpool_run(c->threads, stream_threads_part, c) ? -1 : 0;
}
