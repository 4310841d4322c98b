/*
 * stream, fork model: each pool process fills, then streams, its own block of the shared
 * arena; nothing comes back through the pipe but the status.
 */
#include "kernel.h"

static int stream_fork_fill(void *arg, int w, int p, void *out)
{
    struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);
    (void)out;
    stream_fill(c->data, r.lo, r.hi);
    return 0;
}

static int stream_fork_part(void *arg, int w, int p, void *out)
{
    struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);
    (void)out;
    stream_block(c->data, r.lo, r.hi);
    return 0;
}

int stream_fork_init(struct pk_case *c, int p)
{
    (void)p;
    return pk_forkpool_run(c->forks, stream_fork_fill, c, NULL, 0, c->error, sizeof c->error);
}

int stream_fork(struct pk_case *c, int p)
{
    (void)p;
    return pk_forkpool_run(c->forks, stream_fork_part, c, NULL, 0, c->error, sizeof c->error);
}
