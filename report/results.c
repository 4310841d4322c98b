/*
 * What pk asks of results: their summary, verdict, configuration and serial baseline, and the
 * agreement re-checked across files. The CSV is written in results_write.c, read in
 * results_read.c.
 */
#include "results.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *const pk_results_columns[PK_RESULTS_NCOLUMNS] = {
    "kernel",  "model",   "workers", "size",   "class",     "params", "seed",   "status",
    "detail",  "result",  "rep",     "warmup", "time_s",    "rate",   "unit",   "startup_s",
    "setup_s", "wall_s",  "cpus",    "hosts",  "host",      "run",    "commit", "job",
    "threads", "options", "pages",   "mpi",    "cpu_model", "cores",
};

struct pk_summary pk_result_summary(const struct pk_result *r)
{
    struct pk_summary s = {0, NAN, NAN, NAN, NAN, NAN, NAN, NAN};
    if (r->rec.reps > 0)
        pk_stats_summarize(r->rec.times, (size_t)r->rec.reps, &s);
    return s;
}

bool pk_result_verified(const struct pk_result *r)
{
    return r->rec.status == PK_STATUS_OK && r->rec.reps > 0;
}

bool pk_result_same_config(const struct pk_result *a, const struct pk_result *b)
{
    return strcmp(a->rec.kernel, b->rec.kernel) == 0 && strcmp(a->rec.model, b->rec.model) == 0 &&
           a->rec.workers == b->rec.workers && a->rec.threads == b->rec.threads &&
           a->rec.n == b->rec.n && strcmp(a->rec.params, b->rec.params) == 0 &&
           a->rec.seed == b->rec.seed;
}

bool pk_result_is_baseline(const struct pk_result *r)
{
    enum pk_model m;
    return pk_model_parse(r->rec.model, &m) == 0 && pk_model_facts(m)->baseline;
}

bool pk_result_same_table(const struct pk_result *a, const struct pk_result *b)
{
    return strcmp(a->rec.kernel, b->rec.kernel) == 0 && a->rec.n == b->rec.n &&
           strcmp(a->rec.params, b->rec.params) == 0 && a->rec.seed == b->rec.seed;
}

void pk_results_mark_repeats(struct pk_result *all, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i && !all[i].runs_repeat; j++)
            if (strcmp(all[i].run, all[j].run) != 0 && pk_result_same_config(&all[i], &all[j]))
                for (int k = 0; k < n; k++)
                    all[k].runs_repeat |= pk_result_same_table(&all[k], &all[i]);
}

const struct pk_result *pk_result_baseline(const struct pk_result *all, int n,
                                           const struct pk_result *r)
{
    const struct pk_result *other_run = NULL;
    for (int i = 0; i < n; i++) {
        const struct pk_record *b = &all[i].rec;
        if (pk_result_is_baseline(&all[i]) && strcmp(b->kernel, r->rec.kernel) == 0 &&
            b->n == r->rec.n && strcmp(b->params, r->rec.params) == 0 && b->seed == r->rec.seed &&
            pk_result_verified(&all[i])) {
            if (strcmp(all[i].run, r->run) == 0)
                return &all[i];
            if (!other_run)
                other_run = &all[i];
        }
    }
    /* runs that repeat a configuration are separate measurements, each against its own serial */
    return r->runs_repeat ? NULL : other_run;
}

/* Whether a and b must give one answer: same kernel, size, parameters and seed. */
static bool same_problem(const struct pk_result *a, const struct pk_result *b)
{
    return a->kernel == b->kernel && a->rec.n == b->rec.n &&
           strcmp(a->rec.params, b->rec.params) == 0 && a->rec.seed == b->rec.seed;
}

int pk_results_recheck(struct pk_result *all, int n)
{
    int marked = 0;
    for (int i = 0; i < n; i++) {
        struct pk_record *r = &all[i].rec;
        struct pk_result *ref = NULL;
        if (r->status != PK_STATUS_OK || !all[i].kernel)
            continue;
        /* the baseline of r's own run first; then any baseline; then the first OK (or marked by us)
         */
        for (int pass = 0; pass < 3 && !ref; pass++)
            for (int j = 0; j < n && !ref; j++)
                if ((all[j].rec.status == PK_STATUS_OK ||
                     (pass == 2 && all[j].rec.status == PK_STATUS_DISAGREE)) &&
                    same_problem(&all[i], &all[j]) &&
                    (pass == 2 || pk_result_is_baseline(&all[j])) &&
                    (pass > 0 || strcmp(all[j].run, all[i].run) == 0))
                    ref = &all[j];
        if (ref == &all[i] || pk_results_agree(all[i].kernel, ref->rec.result, r->result))
            continue;
        bool no_serial = !pk_result_is_baseline(ref);
        r->status = PK_STATUS_DISAGREE;
        bool other_run = strcmp(ref->run, all[i].run) != 0;
        int len = snprintf(r->detail, sizeof r->detail, "result %.80s differs from %s p=%d's %.80s",
                           r->result, ref->rec.model, ref->rec.workers, ref->rec.result);
        if (other_run && len > 0 && (size_t)len < sizeof r->detail)
            len +=
                snprintf(r->detail + len, sizeof r->detail - (size_t)len, " (run %.40s)", ref->run);
        if (no_serial && len > 0 && (size_t)len < sizeof r->detail)
            snprintf(r->detail + len, sizeof r->detail - (size_t)len,
                     " (no serial result to tell which is right)");
        marked++;
        /* no serial to tell which is right: the reference is marked as well */
        if (no_serial && ref->rec.status == PK_STATUS_OK) {
            ref->rec.status = PK_STATUS_DISAGREE;
            snprintf(ref->rec.detail, sizeof ref->rec.detail,
                     "result %.80s differs from %s p=%d's %.80s (no serial result to tell which "
                     "is right)",
                     ref->rec.result, r->model, r->workers, r->result);
            marked++;
        }
    }
    return marked;
}
