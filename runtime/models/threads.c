/*
 * The threads model: a pool of p POSIX threads (threadpool.c), started once per configuration
 * and given each rep as one task; each worker takes its block of the partition. A kernel that
 * makes its own workers (spawn) gets no pool.
 */
#include <stdio.h>
#include <stdlib.h>

#include "case.h"

static int threads_start(struct pk_case *c, char *err, size_t errlen)
{
    return pk_threadpool_start(&c->threads, c->workers, err, errlen);
}

static int threads_stop(struct pk_case *c, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    pk_threadpool_stop(c->threads);
    c->threads = NULL;
    return 0;
}

struct placement {
    const struct pk_case *c;
    char (*cpus)[64]; /* one CPU list per worker */
};

/* A pool task: pin worker w as --bind says, then say where it may run. */
static int place_thread(void *arg, int w, int p)
{
    struct placement *pl = arg;
    int rc = pk_bind_worker(pl->c->bind, w, p);
    pk_bind_current(pl->cpus[w], sizeof pl->cpus[w]);
    return rc;
}

static int threads_place(struct pk_case *c, char *cpus, size_t len, char *err, size_t errlen)
{
    if (!c->threads) { /* no pool (spawn): the runner's own CPUs */
        pk_model_cpus_here(cpus, len);
        return 0;
    }
    struct placement pl = {c, calloc((size_t)c->workers, sizeof *pl.cpus)};
    if (!pl.cpus) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = pk_threadpool_run(c->threads, place_thread, &pl);
    for (int w = 0; w < c->workers; w++)
        pk_bind_append(cpus, len, pl.cpus[w]);
    free(pl.cpus);
    return rc;
}

const struct pk_model_desc pk_model_threads = {
    .name = "threads",
    .runner = PK_RUNNER_INPROCESS,
    .facts = {.thread_pool = true, .local = PK_LOCAL_ALL},
    .start = PK_MODEL_HOOK(threads_start),
    .stop = PK_MODEL_HOOK(threads_stop),
    .place = PK_MODEL_HOOK(threads_place),
    .partition = PK_MODEL_HOOK(pk_model_block_partition),
};
