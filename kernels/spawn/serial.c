/* spawn, serial model: no creation at all, job(a, 0 + 1) called n times: the floor, a call. */
#include "kernel.h"

int spawn_serial(struct pk_case *c, int p)
{
    struct spawn_data *d = c->data;
    long long n = c->n;

    (void)p;
    for (long long a = 0; a < n; a++)
        spawn_job(d->slot, 0, a, 0 + 1);
    return 0;
}
