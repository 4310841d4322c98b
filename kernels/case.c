/*
 * One configuration, start to end, in this process: the loop that every in-process model is
 * timed and verified by (pk-run and the unit tests), and the pieces pk-mpi's loop shares.
 */
#include "pk_kernel.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "partition.h"
#include "stats.h"
#include "sysinfo.h"
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

/* "4k", "2m", "1g": a page size in the pages column's words. */
static void size_word(char *buf, size_t len, long long bytes)
{
    const char *unit = "kmg";
    int u = 0;
    bytes /= 1024;
    while (bytes >= 1024 && bytes % 1024 == 0 && u < 2) {
        bytes /= 1024;
        u++;
    }
    snprintf(buf, len, "%lld%c", bytes % 100000000, unit[u]);
}

/* The size of a transparent huge page here (2 MiB on x86-64). */
static long long huge_page_size(void)
{
    long long v = 0;
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "r");
    if (f) {
        if (fscanf(f, "%lld", &v) != 1)
            v = 0;
        fclose(f);
    }
    return v > 0 ? v : 2 * 1024 * 1024;
}

void pk_record_set_pages(struct pk_record *rec, const struct pk_case *c, double lo, double hi)
{
    char base[24], huge[24];
    const char *why;

    size_word(base, sizeof base, sysconf(_SC_PAGESIZE));
    size_word(huge, sizeof huge, huge_page_size());
    if (lo < 0)
        snprintf(rec->pages, sizeof rec->pages, "-");
    else if (hi == 0)
        snprintf(rec->pages, sizeof rec->pages, "%.8s", base);
    else if (lo >= 0.95)
        snprintf(rec->pages, sizeof rec->pages, "%.8s", huge);
    else
        snprintf(rec->pages, sizeof rec->pages, "%.8s:%d%%", huge, (int)(100 * lo));
    why = c->pages == PK_PAGES_HUGE ? pk_arena_huge_refused(c->arena.shared) : NULL;
    if (why && rec->status == PK_STATUS_OK && strcmp(rec->detail, "-") == 0)
        snprintf(rec->detail, sizeof rec->detail, "--pages huge refused: %s: %s pages", why,
                 rec->pages);
}

bool pk_results_agree(const struct pk_kernel *k, const char *a, const char *b)
{
    if (k->tolerance == 0)
        return strcmp(a, b) == 0;
    char *end_a, *end_b;
    double x = strtod(a, &end_a), y = strtod(b, &end_b);
    if (*a == '\0' || *b == '\0' || *end_a || *end_b || !isfinite(x) || !isfinite(y))
        return false;
    double scale = fmax(fabs(x), fabs(y));
    return fabs(x - y) <= k->tolerance * scale;
}

int pk_case_partition(const struct pk_case *c, char *err, size_t errlen)
{
    const struct pk_model_desc *d = pk_model_desc(c->model);
    return d->partition ? d->partition(c, err, errlen) : 0; /* serial: one loop, no partition */
}

void pk_verdict_cover(const struct pk_case *c, struct pk_verdict *v, const char *partition)
{
    if (v->status != PK_STATUS_OK)
        return; /* the kernel's own finding comes first */
    if (partition && partition[0]) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "%s", partition);
    } else if (v->covered < 0) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "the check did not say which items it covered");
    } else if (v->covered != c->n) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "the check covered %lld of %lld items", v->covered,
                 c->n);
    }
}

bool pk_record_add_verdict(struct pk_record *rec, const struct pk_kernel *k, int index,
                           const struct pk_verdict *v)
{
    if (v->status == PK_STATUS_FAILED) {
        rec->status = PK_STATUS_FAILED;
        snprintf(rec->detail, sizeof rec->detail, "rep %d: %.200s", index + 1, v->detail);
        snprintf(rec->result, sizeof rec->result, "%s", v->result);
        return false;
    }
    if (v->status == PK_STATUS_RACE) {
        /* a race is the lesson, not a failure; its result differs from rep to rep */
        rec->status = PK_STATUS_RACE;
        snprintf(rec->detail, sizeof rec->detail, "%s", v->detail);
        snprintf(rec->result, sizeof rec->result, "%s", v->result);
        return true;
    }
    if (index > 0 && rec->status == PK_STATUS_OK && !pk_results_agree(k, rec->result, v->result)) {
        rec->status = PK_STATUS_FAILED;
        snprintf(rec->detail, sizeof rec->detail,
                 "rep %d result %.100s differs from rep 1's %.100s", index + 1, v->result,
                 rec->result);
        return false;
    }
    if (index == 0) {
        rec->status = PK_STATUS_OK;
        snprintf(rec->result, sizeof rec->result, "%s", v->result);
    }
    return true;
}

void pk_record_describe(struct pk_record *rec, const struct pk_case *c, int warmup)
{
    snprintf(rec->kernel, sizeof rec->kernel, "%s", c->kernel->name);
    snprintf(rec->model, sizeof rec->model, "%s", pk_model_name(c->model));
    rec->workers = c->workers;
    rec->threads = c->threads_per_rank;
    rec->n = c->n;
    rec->seed = c->seed;
    rec->warmup = warmup;
    rec->reps = 0; /* counts the timed reps actually done */
    pk_case_params_text(c, rec->params, sizeof rec->params);
}

bool pk_record_precise(const struct pk_record *rec, double pct)
{
    struct pk_summary s;
    if (rec->reps < PK_STATS_MIN_CI || pk_stats_summarize(rec->times, (size_t)rec->reps, &s))
        return false;
    return (s.ci_hi - s.ci_lo) / 2 <= pct / 100 * s.median;
}

void pk_record_set_rate(struct pk_record *rec, const struct pk_case *c)
{
    if (!c->kernel->rate || rec->reps == 0 || rec->status != PK_STATUS_OK)
        return; /* never a figure for a rep that failed its check */
    rec->rate = c->kernel->rate(c, pk_stats_median(rec->times, (size_t)rec->reps));
    snprintf(rec->unit, sizeof rec->unit, "%s", c->kernel->unit);
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

static void fail(struct pk_record *rec, enum pk_status status, const char *why)
{
    rec->status = status;
    snprintf(rec->detail, sizeof rec->detail, "%s", why);
}

void pk_case_execute(struct pk_case *c, int warmup, int reps, struct pk_record *rec)
{
    pk_run_fn run = c->kernel->run[c->model];
    char err[256], partition[256] = "";
    double t0;

    pk_record_init(rec);
    pk_record_describe(rec, c, warmup);
    if (!run) {
        fail(rec, PK_STATUS_SKIPPED, "the kernel has no such model");
        return;
    }
    t0 = pk_timer_now();
    if (pk_case_prepare(c, err, sizeof err)) {
        fail(rec, PK_STATUS_ERROR, err);
        return;
    }
    rec->setup_s = pk_timer_now() - t0;
    t0 = pk_timer_now();
    if (start_pool(c, err, sizeof err)) {
        fail(rec, PK_STATUS_ERROR, err);
        goto out_release;
    }
    rec->startup_s = pk_timer_now() - t0;
    err[0] = '\0';
    if (place_workers(c, rec, err, sizeof err)) {
        fail(rec, PK_STATUS_ERROR, err);
        goto out_stop;
    }
    gethostname(rec->hosts, sizeof rec->hosts);
    rec->hosts[sizeof rec->hosts - 1] = '\0';
    if (c->kernel->init[c->model] && c->kernel->init[c->model](c, c->workers)) {
        fail(rec, PK_STATUS_ERROR, c->error[0] ? c->error : "the init function failed");
        goto out_stop;
    }
    pk_case_partition(c, partition, sizeof partition); /* judged with each rep's check */

    for (int k = 0; k < warmup + reps; k++) {
        struct pk_verdict v = PK_VERDICT_INIT;
        if (c->kernel->reset)
            c->kernel->reset(c);
        c->error[0] = '\0';
        t0 = pk_timer_now();
        int rc = run(c, c->workers);
        double dt = pk_timer_now() - t0;
        if (rc == PK_SKIP) {
            fail(rec, PK_STATUS_SKIPPED, c->error);
            break;
        }
        if (rc) {
            fail(rec, PK_STATUS_ERROR, c->error[0] ? c->error : "the run function failed");
            break;
        }
        c->kernel->verify(c, &v);
        pk_verdict_cover(c, &v, partition);
        if (k >= warmup)
            rec->times[rec->reps++] = dt;
        if (!pk_record_add_verdict(rec, c->kernel, k, &v))
            break;
        if (c->progress)
            fprintf(stderr, "pk-progress %d %d\n", k + 1, warmup + reps);
        if (c->until_ci > 0 && pk_record_precise(rec, c->until_ci))
            break;
    }
    pk_record_set_rate(rec, c);
    double share = pk_arena_huge_share(&c->arena);
    pk_record_set_pages(rec, c, share, share);
out_stop:
    if (stop_pool(c, err, sizeof err) && !pk_status_is_failure(rec->status))
        fail(rec, PK_STATUS_ERROR, err);
out_release:
    pk_case_release(c);
}
