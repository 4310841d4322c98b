/*
 * The fork model: a pool of p fork()ed worker processes (forkpool.c) sharing the arena,
 * started after setup and given each rep as one task; results come back through pipes. Its
 * locks and barriers are process-shared. A worker never calls OpenMP (libgomp hangs in a
 * child forked after use). A kernel that makes its own workers (spawn) gets no pool.
 */
#include <stdio.h>
#include <stdlib.h>

#include "case.h"

static int fork_start(struct pk_case *c, char *err, size_t errlen)
{
    return pk_forkpool_start(&c->forks, c->workers, err, errlen);
}

static int fork_stop(struct pk_case *c, char *err, size_t errlen)
{
    int rc = pk_forkpool_stop(c->forks, err, errlen);
    c->forks = NULL;
    return rc;
}

/* A pool task: pin worker w as --bind says, then send back where it may run. */
static int place_process(void *arg, int w, int p, void *out)
{
    int rc = pk_bind_worker(((struct pk_case *)arg)->bind, w, p);
    pk_bind_current(out, 64);
    return rc;
}

static int fork_place(struct pk_case *c, char *cpus, size_t len, char *err, size_t errlen)
{
    if (!c->forks) { /* no pool (spawn): the runner's own CPUs */
        pk_model_cpus_here(cpus, len);
        return 0;
    }
    char(*each)[64] = calloc((size_t)c->workers, sizeof *each);
    if (!each) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = pk_forkpool_run(c->forks, place_process, c, each, sizeof each[0], err, errlen);
    for (int w = 0; w < c->workers; w++)
        pk_bind_append(cpus, len, each[w]);
    free(each);
    return rc;
}

const struct pk_model_desc pk_model_fork = {
    .name = "fork",
    .runner = PK_RUNNER_INPROCESS,
    .facts = {.process_workers = true, .local = PK_LOCAL_ALL},
    .start = PK_MODEL_HOOK(fork_start),
    .stop = PK_MODEL_HOOK(fork_stop),
    .place = PK_MODEL_HOOK(fork_place),
    .partition = PK_MODEL_HOOK(pk_model_block_partition),
};
