/*
 * square, fork model: Pool.map over shared memory. Each pool process squares its block of x
 * straight into y in the arena (MAP_SHARED, so the parent sees it); the result pipe carries
 * only the worker's status, no data. The blocks are in order: nothing to combine.
 * init: each process fills (first-touches) the block it will square.
 */
#include "kernel.h"

static int square_fork_fill(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    struct pk_range r = pk_partition_block(c->n, p, w);

    (void)out;
    square_fill(c->data, c->seed, r.lo, r.hi);
    return 0;
}

static int square_fork_part(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    struct square_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);

    (void)out;
    square_range(d->x, d->y, r.lo, r.hi);
    return 0;
}

int square_fork_init(struct pk_case *c, int p)
{
    (void)p;
    return pk_forkpool_run(c->forks, square_fork_fill, c, NULL, 0, c->error, sizeof c->error);
}

int square_fork(struct pk_case *c, int p)
{
    (void)p;
    return pk_forkpool_run(c->forks, square_fork_part, c, NULL, 0, c->error, sizeof c->error);
}
