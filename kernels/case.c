/*
 * A kernel's configuration in this process: finding a kernel, the case's questions and
 * parameters, its checks before anything is allocated, its arena and pool, and
 * pk_case_execute, which runs an in-process model start to end around the rep loop (reps.c).
 */
#include "pk_kernel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "partition.h"
#include "reps.h"
#include "sysinfo.h"
#include "team.h"
#include "timer.h"

long long pk_kernel_size(const struct pk_kernel *k, enum pk_class cls)
{
    long long n = k->class_size ? k->class_size(cls) : k->size[cls];
    return n < k->max_size ? n : k->max_size;
}

const struct pk_kernel *pk_kernel_find(const char *name)
{
    for (int i = 0; i < pk_nkernels; i++)
        if (strcmp(pk_kernels[i].name, name) == 0)
            return &pk_kernels[i];
    return NULL;
}

int pk_kernel_param_index(const struct pk_kernel *k, const char *name)
{
    for (int i = 0; i < PK_MAX_PARAMS && k->params[i].name; i++)
        if (strcmp(k->params[i].name, name) == 0)
            return i;
    return -1;
}

bool pk_kernel_param_known(const char *name)
{
    for (int i = 0; i < pk_nkernels; i++)
        if (pk_kernel_param_index(&pk_kernels[i], name) >= 0)
            return true;
    return false;
}

void pk_case_init(struct pk_case *c, const struct pk_kernel *k, enum pk_model model, int workers,
                  long long n)
{
    memset(c, 0, sizeof *c);
    c->kernel = k;
    c->model = model;
    c->workers = workers;
    c->n = n;
    c->seed = 1;
    c->ranks = 1;
    c->threads_per_rank = 1;
    for (int i = 0; i < PK_MAX_PARAMS && k->params[i].name; i++)
        c->param[i] = k->params[i].def;
}

struct pk_range pk_case_local_range(const struct pk_case *c)
{
    if (!pk_case_distributed(c))
        return (struct pk_range){0, c->n};
    return pk_partition_block(c->n, c->ranks, c->rank);
}

int pk_case_local_workers(const struct pk_case *c)
{
    switch (pk_model_facts(c->model)->local) {
    case PK_LOCAL_ONE:
        return 1;
    case PK_LOCAL_TEAM:
        return c->threads_per_rank;
    default:
        return c->workers;
    }
}

bool pk_case_distributed(const struct pk_case *c)
{
    return pk_model_facts(c->model)->distributed;
}

bool pk_case_process_shared(const struct pk_case *c)
{
    return pk_model_facts(c->model)->process_workers;
}

int pk_case_pool_workers(const struct pk_case *c)
{
    const struct pk_model_facts *f = pk_model_facts(c->model);
    return f->thread_pool || f->process_workers ? c->workers : 0;
}

int pk_case_set_param(struct pk_case *c, const char *name, const char *value, char *err,
                      size_t errlen)
{
    int i = pk_kernel_param_index(c->kernel, name);
    const struct pk_param *p;
    char list[128] = "";

    if (i < 0)
        return 1;
    p = &c->kernel->params[i];
    if (!p->choices[0]) {
        char what[64];
        snprintf(what, sizeof what, "--%s", name);
        return pk_cli_parse_count(what, value, p->min, p->max, &c->param[i], err, errlen);
    }
    for (int k = 0; k < PK_MAX_CHOICES && p->choices[k]; k++) {
        if (strcmp(value, p->choices[k]) == 0) {
            c->param[i] = k;
            return 0;
        }
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "",
                 p->choices[k]);
    }
    snprintf(err, errlen, "unknown --%s value '%s' (one of: %s)", name, value, list);
    return -1;
}

void pk_case_params_text(const struct pk_case *c, char *buf, size_t len)
{
    const struct pk_kernel *k = c->kernel;
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < PK_MAX_PARAMS && k->params[i].name && used < len; i++) {
        const struct pk_param *p = &k->params[i];
        if (p->choices[0])
            used += (size_t)snprintf(buf + used, len - used, "%s%s:%s", i ? "/" : "", p->name,
                                     p->choices[c->param[i]]);
        else
            used += (size_t)snprintf(buf + used, len - used, "%s%s:%lld", i ? "/" : "", p->name,
                                     c->param[i]);
    }
    if (buf[0] == '\0')
        snprintf(buf, len, "-");
}

static void human_bytes(char *buf, size_t len, double b)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    for (; b >= 1024 && u < 6; u++)
        b /= 1024;
    snprintf(buf, len, "%.1f %s", b, units[u]);
}

int pk_case_check(const struct pk_case *c, char *err, size_t errlen)
{
    const struct pk_kernel *k = c->kernel;
    long long min = k->min_size > 0 ? k->min_size : 1;
    if (c->n < min) {
        snprintf(err, errlen, "%s size %lld is too small: at least %lld", k->name, c->n, min);
        return -1;
    }
    if (c->n > k->max_size) {
        snprintf(err, errlen, "%s size %lld is too large: at most %lld (%s)", k->name, c->n,
                 k->max_size, k->max_size_why);
        return -1;
    }
    /* mpi: the sum of every rank's own share, as bytes() tells it for that rank */
    double need = (double)k->bytes(c);
    if (pk_model_is_distributed(c->model)) {
        struct pk_case rank = *c;
        rank.ranks = c->workers / (c->threads_per_rank > 0 ? c->threads_per_rank : 1);
        need = 0;
        for (rank.rank = 0; rank.rank < rank.ranks; rank.rank++)
            need += (double)k->bytes(&rank);
    }
    struct pk_sys_memory m;
    pk_sys_memory(NULL, &m);
    /*
     * pk-mpi's ranks check while their neighbours may already have allocated: MemAvailable
     * there would count the run against itself, so they check the fixed limits only (pk
     * checked MemAvailable before it launched them).
     */
    if (pk_model_is_distributed(c->model) && c->ranks > 1)
        m.available = -1;
    return pk_case_check_memory(c, need, &m, err, errlen);
}

int pk_case_check_memory(const struct pk_case *c, double need, const struct pk_sys_memory *m,
                         char *err, size_t errlen)
{
    const struct {
        double have;
        const char *what;
    } limits[] = {
        {m->cgroup, "the limit of its cgroup (memory.max)"},
        {m->available, "available now (MemAvailable)"},
        {m->total >= 0 ? 0.8 * m->total : -1, "80% of this machine's memory (MemTotal)"},
    };
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        if (limits[i].have < 0 || need <= limits[i].have)
            continue;
        char need_text[32], have_text[32];
        human_bytes(need_text, sizeof need_text, need);
        human_bytes(have_text, sizeof have_text, limits[i].have);
        snprintf(err, errlen, "%s size %lld needs %s of memory, more than the %s %s",
                 c->kernel->name, c->n, need_text, have_text, limits[i].what);
        return -1;
    }
    return 0;
}

int pk_case_prepare(struct pk_case *c, char *err, size_t errlen)
{
    size_t bytes = c->kernel->bytes(c);
    /* openmp and hybrid: the team that runs must be the one the row will name (team.h) */
    if (c->model == PK_OPENMP && pk_team_check(c->workers, err, errlen))
        return -1;
    if (c->model == PK_HYBRID && pk_team_check(c->threads_per_rank, err, errlen))
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
    if (c->model == PK_SERIAL) /* one loop over [0, n): no partition */
        return 0;
    return pk_partition_check(c->n, c->workers, err, errlen);
}

static int start_pool(struct pk_case *c, char *err, size_t errlen)
{
    if (c->kernel->own_workers)
        return 0;
    if (c->model == PK_FORK)
        return pk_forkpool_start(&c->forks, c->workers, err, errlen);
    if (c->model == PK_THREADS)
        return pk_threadpool_start(&c->threads, c->workers, err, errlen);
    return 0;
}

static int stop_pool(struct pk_case *c, char *err, size_t errlen)
{
    int rc = pk_forkpool_stop(c->forks, err, errlen);
    pk_threadpool_stop(c->threads);
    c->forks = NULL;
    c->threads = NULL;
    return rc;
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

static int place_process(void *arg, int w, int p, void *out)
{
    int rc = pk_bind_worker(((struct pk_case *)arg)->bind, w, p);
    pk_bind_current(out, 64);
    return rc;
}

/* Pins the workers (--bind) and records the CPUs each actually has in rec->cpus. */
static int place_workers(struct pk_case *c, struct pk_record *rec, char *err, size_t errlen)
{
    char(*cpus)[64] = calloc((size_t)c->workers, sizeof *cpus);
    struct placement pl = {c, cpus};
    int rc = 0;
    if (!cpus) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    rec->cpus[0] = '\0';
    if (c->model == PK_THREADS && c->threads) {
        rc = pk_threadpool_run(c->threads, place_thread, &pl);
    } else if (c->model == PK_FORK && c->forks) {
        rc = pk_forkpool_run(c->forks, place_process, c, cpus, sizeof cpus[0], err, errlen);
    } else if (c->model == PK_OPENMP) {
        pk_bind_openmp_report(c->workers, rec->cpus, sizeof rec->cpus);
    } else if (c->model == PK_SERIAL) {
        rc = pk_bind_worker(c->bind, 0, 1);
        pk_bind_current(cpus[0], sizeof cpus[0]);
    } else {
        pk_bind_current(cpus[0], sizeof cpus[0]);
    }
    /* serial, and kernels without a pool (spawn): the runner's own CPUs */
    bool pooled = (c->model == PK_THREADS && c->threads) || (c->model == PK_FORK && c->forks);
    for (int w = 0; c->model != PK_OPENMP && w < (pooled ? c->workers : 1); w++)
        pk_bind_append(rec->cpus, sizeof rec->cpus, cpus[w]);
    if (rc && !err[0])
        snprintf(err, errlen, "cannot pin workers (--bind %s)", pk_bind_name(c->bind));
    free(cpus);
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
