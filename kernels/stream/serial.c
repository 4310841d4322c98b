/* stream, serial model: one loop fills the arrays, one loop runs the triad. */
#include "kernel.h"

int stream_serial_init(struct pk_case *c, int p)
{
    struct stream_data *d = c->data;
    (void)p;
    stream_fill(d, 0, c->n);
    return 0;
}

int stream_serial(struct pk_case *c, int p)
{
    struct stream_data *d = c->data;
    long long n = c->n;

    (void)p;
    stream_block(d, 0, n);
    return 0;
}
