/*
 * matmul, threads model: each pool thread computes its block of rows of C in place, with its
 * own packing buffer; the rows are the result, so the main thread has nothing to combine.
 */
#include "kernel.h"

static int matmul_threads_part(void *arg, int w, int p)
{
    struct pk_case *c = arg;
    struct matmul_data *d = c->data;
    struct pk_range r = pk_partition_block(c->n, p, w);

    matmul_rows(d->a, d->b, d->c, c->n, r.lo, r.hi, matmul_work(d, w));
    return 0;
}

int matmul_threads(struct pk_case *c, int p)
{
    (void)p;
    return pk_threadpool_run(c->threads, matmul_threads_part, c) ? -1 : 0;
}
