/*
 * A configuration running in this process: its arena and pool, and pk_case_execute, which runs
 * an in-process model start to end around the rep loop (reps.c). Planning it (the kernel, the
 * parameters, the checks, the questions a kernel asks of its case) is case_plan.c's.
 */
#include "pk_kernel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "partition.h"
#include "reps.h"
#include "timer.h"

int pk_case_prepare(struct pk_case *c, char *err, size_t errlen)
{
    size_t bytes = c->kernel->bytes(c);
    const struct pk_model_desc *d = pk_model_desc(c->model);
    /* openmp and hybrid: the team that runs must be the one the row will name (team.h) */
    if (d->check && d->check(c, err, errlen))
        return -1;
    /*
     * room for the alignment of a handful of allocations, plus a page for small state; only
     * the fork model's workers need to see the arena (huge pages want private memory)
     */
    if (pk_arena_map(&c->arena, bytes + 16 * pk_arena_slack(bytes) + 4096, c->pages,
                     pk_case_process_shared(c), err, errlen))
        return -1;
    if (c->kernel->setup(c, err, errlen)) {
        pk_arena_unmap(&c->arena);
        return -1;
    }
    return 0;
}

void pk_case_release(struct pk_case *c)
{
    pk_arena_unmap(&c->arena);
    c->data = NULL;
}

int pk_case_partition(const struct pk_case *c, char *err, size_t errlen)
{
    const struct pk_model_desc *d = pk_model_desc(c->model);
    return d->partition ? d->partition(c, err, errlen) : 0; /* serial: one loop, no partition */
}

static int start_pool(struct pk_case *c, char *err, size_t errlen)
{
    const struct pk_model_desc *d = pk_model_desc(c->model);
    if (c->kernel->own_workers || !d->start)
        return 0;
    return d->start(c, err, errlen);
}

static int stop_pool(struct pk_case *c, char *err, size_t errlen)
{
    const struct pk_model_desc *d = pk_model_desc(c->model);
    return d->stop ? d->stop(c, err, errlen) : 0;
}

/* Pins the workers (--bind) and records the CPUs each actually has in rec->cpus. */
static int place_workers(struct pk_case *c, struct pk_record *rec, char *err, size_t errlen)
{
    const struct pk_model_desc *d = pk_model_desc(c->model);
    int rc = 0;
    rec->cpus[0] = '\0';
    if (d->place)
        rc = d->place(c, rec->cpus, sizeof rec->cpus, err, errlen);
    else /* the runner's own CPUs */
        pk_model_cpus_here(rec->cpus, sizeof rec->cpus);
    if (rc && !err[0])
        snprintf(err, errlen, "cannot pin workers (--bind %s)", pk_bind_name(c->bind));
    return rc ? -1 : 0;
}

/* One rep of an in-process model: the kernel's run function on all of c's workers. */
static int run_here(void *ctx, struct pk_case *c)
{
    (void)ctx;
    return c->kernel->run[c->model](c, c->workers);
}

void pk_case_execute(struct pk_case *c, int warmup, int reps, struct pk_record *rec)
{
    pk_run_fn run = c->kernel->run[c->model];
    char err[256], partition[256] = "";
    double t0;

    pk_record_init(rec);
    pk_record_describe(rec, c, warmup);
    if (!run) {
        pk_record_fail(rec, PK_STATUS_SKIPPED, -1, "the kernel has no such model");
        return;
    }
    t0 = pk_timer_now();
    if (pk_case_prepare(c, err, sizeof err)) {
        pk_record_fail(rec, PK_STATUS_ERROR, -1, err);
        return;
    }
    rec->setup_s = pk_timer_now() - t0;
    t0 = pk_timer_now();
    if (start_pool(c, err, sizeof err)) {
        pk_record_fail(rec, PK_STATUS_ERROR, -1, err);
        goto out_release;
    }
    rec->startup_s = pk_timer_now() - t0;
    err[0] = '\0';
    if (place_workers(c, rec, err, sizeof err)) {
        pk_record_fail(rec, PK_STATUS_ERROR, -1, err);
        goto out_stop;
    }
    gethostname(rec->hosts, sizeof rec->hosts);
    rec->hosts[sizeof rec->hosts - 1] = '\0';
    if (c->kernel->init[c->model] && c->kernel->init[c->model](c, c->workers)) {
        pk_record_fail(rec, PK_STATUS_ERROR, -1,
                       c->error[0] ? c->error : "the init function failed");
        goto out_stop;
    }
    pk_case_partition(c, partition, sizeof partition); /* judged with each rep's check */
    struct pk_reps h = {.run = run_here, .partition = partition};
    pk_reps_run(c, &h, warmup, reps, rec);
out_stop:
    if (stop_pool(c, err, sizeof err) && !pk_status_is_failure(rec->status))
        pk_record_fail(rec, PK_STATUS_ERROR, -1, err);
out_release:
    pk_case_release(c);
}
