/*
 * matmul, fork model: each pool process computes its block of rows of C straight into the
 * shared arena (A, B and C live there), with its own packing buffer there too; nothing travels
 * back through the result pipes but the "done".
 */
#include "kernel.h"

static int matmul_fork_part(void *arg, int w, int p, void *out)
{
    const struct pk_case *c = arg;
    struct matmul_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);

    (void)out;
    matmul_rows(d->a, d->b, d->c, c->n, r.lo, r.hi, matmul_work(d, w));
    return 0;
}

int matmul_fork(struct pk_case *c, int p)
{
    (void)p;
    if (pk_forkpool_run(c->forks, matmul_fork_part, c, NULL, 0, c->error, sizeof c->error))
        return -1;
    return 0;
}
