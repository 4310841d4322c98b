/*
 * spawn, threads model: every round pthread_creates p threads, each running job(a, w + 1)
 * from its own argument block (Process(args=...)), then joins them all. No pool: creating
 * and joining the threads is what is measured.
 */
#include "kernel.h"

#include <stdio.h>
#include <string.h>

static void *spawn_thread_main(void *arg)
{
    const struct spawn_arg *x = arg;
    spawn_job(x->slot, x->w, x->a, x->d);
    return NULL;
}

int spawn_threads(struct pk_case *c, int p)
{
    struct spawn_data *d = c->data;
    long long n = c->n;

    for (long long a = 0; a < n; a++) {
        int w, created = 0, rc = 0;
        for (w = 0; w < p; w++, created++) { /* p.start() */
            d->arg[w] = (struct spawn_arg){d->slot, w, a, w + 1};
            if ((rc = pthread_create(&d->tid[w], NULL, spawn_thread_main, &d->arg[w])))
                break;
        }
        for (w = 0; w < created; w++) { /* p.join(): those created, even after a failure */
            int jrc = pthread_join(d->tid[w], NULL);
            if (jrc && !rc) {
                snprintf(c->error, sizeof c->error, "threads: pthread_join of worker %d: %s", w,
                         strerror(jrc));
                rc = -1;
            }
        }
        if (rc > 0)
            snprintf(c->error, sizeof c->error,
                     "threads: pthread_create of worker %d of %d in round %lld: %s", created, p, a,
                     strerror(rc));
        if (rc)
            return -1;
    }
    return 0;
}
