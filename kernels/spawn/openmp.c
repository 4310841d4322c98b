/*
 * spawn, OpenMP model: one parallel region of p threads per round, each thread running
 * job(a, w + 1). libgomp keeps its threads between regions, so a round costs waking and
 * joining a team, not creating one: that is the honest cost of OpenMP's fork/join. Dynamic
 * adjustment is off, and every region checks that it really got p threads.
 */
#include "kernel.h"

#include <omp.h>
#include <stdio.h>

int spawn_openmp(struct pk_case *c, int p)
{
    struct spawn_data *d = c->data;
    long long n = c->n;
    int team = p; /* a team size other than p, if a region ever had one */

    omp_set_dynamic(0);
    for (long long a = 0; a < n; a++) {
#pragma omp parallel num_threads(p)
        {
            int w = omp_get_thread_num();
            if (omp_get_num_threads() != p) {
#pragma omp atomic write
                team = omp_get_num_threads();
            }
            spawn_job(d->slot, w, a, w + 1);
        }
    }
    if (team != p) {
        snprintf(c->error, sizeof c->error, "openmp: a region had %d threads, not %d", team, p);
        return -1;
    }
    return 0;
}
