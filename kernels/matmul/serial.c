/* matmul, serial model: one worker computes every row of C; the base of every speedup. */
#include "kernel.h"

int matmul_serial(struct pk_case *c, int p)
{
    struct matmul_data *d = c->data;
    long long n = c->n;

    (void)p;
    matmul_rows(d->a, d->b, d->c, n, 0, n, matmul_work(d, 0));
    return 0;
}
