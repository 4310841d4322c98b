/*
 * pk-run: runs one configuration of an in-process model (serial, openmp, threads, fork) and
 * prints its result line. pk starts one per configuration, so no model inherits another's
 * thread pool, allocator state or forked children.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fault.h"
#include "run_names.h"
#include "runner.h"
#include "sysinfo.h"
#include "timer.h"

static bool runs_here(enum pk_model m)
{
    return pk_model_desc(m)->runner == PK_RUNNER_INPROCESS;
}

static const char *interpreted_program; /* the filter's program: interpreted models run by it */

static bool run_by_program(enum pk_model m)
{
    const struct pk_model_desc *d = pk_model_desc(m);
    return d->runner == PK_RUNNER_INTERPRETER && strcmp(d->program, interpreted_program) == 0;
}

/* The usage; its model names come from the model list (run_names.h), at print time. */
static void usage(FILE *f)
{
    char here[256], launched[256], others[256];
    int nlaunched = 0;
    for (int m = 0; m < PK_NMODEL; m++)
        nlaunched += run_model_distributed((enum pk_model)m);
    fprintf(f,
            "usage: pk-run KERNEL MODEL WORKERS SIZE [-r REPS] [-w WARMUP] [--seed S]\n"
            "              [--bind none|close|spread] [--pages normal|huge] [--until-ci PCT]\n"
            "              [--OPTION VALUE]\n"
            "Runs one configuration and prints one result line (see README.md, 'The result "
            "line').\n"
            "MODEL is %s; %s run%s through pk-mpi",
            run_names_models(here, sizeof here, runs_here, ", ", " or "),
            run_names_models(launched, sizeof launched, run_model_distributed, ", ", " and "),
            nlaunched == 1 ? "s" : "");
    for (int m = 0; m < PK_NMODEL; m++) { /* each interpreted model's program, once */
        const struct pk_model_desc *d = pk_model_desc((enum pk_model)m);
        bool seen = false;
        for (int o = 0; o < m && d->runner == PK_RUNNER_INTERPRETER; o++)
            seen |= pk_model_desc((enum pk_model)o)->runner == PK_RUNNER_INTERPRETER &&
                    strcmp(pk_model_desc((enum pk_model)o)->program, d->program) == 0;
        if (d->runner != PK_RUNNER_INTERPRETER || seen)
            continue;
        interpreted_program = d->program;
        fprintf(f, ", %s through %s",
                run_names_models(others, sizeof others, run_by_program, ", ", " and "), d->program);
    }
    fprintf(f, ".\n");
}

static _Noreturn void usage_error(const char *message)
{
    runner_error("pk-run", message);
    exit(2);
}

int main(int argc, char **argv)
{
    double started = pk_timer_now();
    struct runner_args a;
    const struct pk_kernel *k;
    enum pk_model model;
    struct pk_case c;
    struct pk_record rec;
    long long n;
    int workers;
    char err[256];

    if (pk_sys_std_fds()) /* before anything opens a descriptor that would land on 0-2 */
        return 2;
    pk_bind_init();
    if (runner_scan(argc, argv, &a, err, sizeof err))
        usage_error(err);
    if (a.help) {
        usage(stdout);
        return 0;
    }
    if (a.npositional != 4)
        usage_error("expected KERNEL MODEL WORKERS SIZE (try 'pk-run --help')");
    if (!(k = pk_kernel_find(a.positional[0]))) {
        snprintf(err, sizeof err, "unknown kernel '%s' (try 'pk list')", a.positional[0]);
        usage_error(err);
    }
    if (pk_model_parse(a.positional[1], &model) ||
        pk_model_desc(model)->runner != PK_RUNNER_INPROCESS) {
        char names[128];
        snprintf(err, sizeof err, "unknown model '%s' (one of %s)", a.positional[1],
                 run_names_models(names, sizeof names, runs_here, ", ", ", "));
        usage_error(err);
    }
    if (a.threads)
        usage_error("--threads is for the hybrid model, which pk-mpi runs");
    if (pk_cli_parse_int("worker count", a.positional[2], 1, PK_MAX_WORKERS, &workers, err,
                         sizeof err) ||
        runner_parse_size(a.positional[3], &n, err, sizeof err))
        usage_error(err);
    int max = pk_model_desc(model)->max_workers;
    if (max && workers > max) {
        snprintf(err, sizeof err, "the %s model runs with %d worker%s", pk_model_name(model), max,
                 max == 1 ? "" : "s");
        usage_error(err);
    }

    pk_case_init(&c, k, model, workers, n);
    if (runner_apply(&a, &c, err, sizeof err) || pk_case_check(&c, err, sizeof err) ||
        pk_fault_load(k->name, pk_model_name(model), err, sizeof err))
        usage_error(err);
    pk_case_execute(&c, a.warmup, a.reps, &rec);
    return runner_finish(&rec, started);
}
