/*
 * A configuration as it is planned, before anything runs: the kernel table's lookups, a case
 * with its parameters, the questions a kernel asks of its case, and the checks that refuse
 * what cannot run. pk plans with these alone; the runners go on in case.c.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "partition.h"
#include "sysinfo.h"

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

int pk_case_check_param_read(const struct pk_case *c, const char *name, char *err, size_t errlen)
{
    int i = pk_kernel_param_index(c->kernel, name);
    if (i < 0 || !c->kernel->params[i].only_with.param)
        return 0;
    const char *other = c->kernel->params[i].only_with.param;
    const char *want = c->kernel->params[i].only_with.choice;
    int j = pk_kernel_param_index(c->kernel, other);
    const char *now = c->kernel->params[j].choices[c->param[j]];
    if (strcmp(now, want) == 0)
        return 0;
    snprintf(err, errlen, "option '--%s' is read under --%s %s only, not under --%s %s", name,
             other, want, other, now);
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
    /*
     * mpi: the bytes that each rank touches of its arena, summed over the ranks that one node
     * holds: all of them, or in a SLURM allocation of several nodes rank 0 (whose share is the
     * largest) and as many of the largest others as fill the fullest node
     */
    size_t (*share)(const struct pk_case *) = k->touched ? k->touched : k->bytes;
    double need = (double)share(c);
    if (pk_model_is_distributed(c->model)) {
        struct pk_case rank = *c;
        rank.ranks = c->workers / (c->threads_per_rank > 0 ? c->threads_per_rank : 1);
        int here = pk_sys_ranks_per_node(getenv("SLURM_TASKS_PER_NODE"), rank.ranks);
        double others = 0, largest = 0;
        for (rank.rank = 1; rank.rank < rank.ranks; rank.rank++) {
            double b = (double)share(&rank);
            others += b;
            largest = b > largest ? b : largest;
        }
        rank.rank = 0;
        need = (double)share(&rank) + (here < rank.ranks ? (here - 1) * largest : others);
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
