/*
 * pk run's command line: the options of run_options.c parsed, each value checked (by the
 * runners' own checks where pk passes it on), into the request.
 */
#include "cmd_run.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opts.h"
#include "runner.h"
#include "stats.h"

const char *const run_order_names[] = {"grouped", "interleave", "random"};

static int parse_order(const char *text, enum order *order)
{
    for (int i = ORDER_GROUPED; i <= ORDER_RANDOM; i++)
        if (strcmp(text, run_order_names[i]) == 0) {
            *order = (enum order)i;
            return 0;
        }
    return -1;
}

static void add_kernel(struct run_request *q, const char *name)
{
    const struct pk_kernel *k = pk_kernel_find(name);
    if (!k)
        pk_usage_error("unknown kernel '%s' (try 'pk list')", name);
    for (int i = 0; i < q->nkernels; i++)
        if (q->kernels[i] == k)
            pk_usage_error("kernel '%s' is named twice", name);
    if (q->nkernels == (int)(sizeof q->kernels / sizeof q->kernels[0]))
        pk_usage_error("too many kernels");
    q->kernels[q->nkernels++] = k;
}

/* A positive count from a SLURM variable, or fallback when it is unset or not a count. */
int run_slurm_count(const char *name, int fallback)
{
    const char *v = getenv(name);
    char err[128];
    int n;
    if (!v || pk_cli_parse_int(name, v, 1, PK_MAX_WORKERS, &n, err, sizeof err))
        return fallback;
    return n;
}

static void default_workers(struct run_request *q, int cores)
{
    q->nworkers = 0;
    for (int p = 1; p < cores && q->nworkers < PK_MAX_WORKER_LIST - 1; p *= 2)
        q->workers[q->nworkers++] = p;
    q->workers[q->nworkers++] = cores;
}

static void parse_option(struct run_request *q, struct pk_launch *l, int id, struct opt_scan *s,
                         bool *class_given)
{
    char err[256];
    switch (id) {
    case OPT_ARG:
        add_kernel(q, s->value);
        break;
    case OPT_PARAM:
        if (q->nparams == MAX_PARAM_ARGS)
            pk_usage_error("too many kernel options");
        for (int i = 0; i < q->nparams; i++)
            if (strcmp(q->param_name[i], s->name_buf) == 0)
                pk_usage_error("option '--%s' is given twice", s->name_buf);
        snprintf(q->param_name[q->nparams], sizeof q->param_name[0], "%s", s->name_buf);
        q->param_value[q->nparams++] = s->value;
        break;
    case O_MODELS:
        if (pk_model_parse_list(s->value, q->models, err, sizeof err))
            pk_usage_error("%s", err);
        q->models_given = true;
        break;
    case O_WORKERS:
        if (pk_cli_parse_workers(s->value, l->cores, q->workers, &q->nworkers, err, sizeof err))
            pk_usage_error("%s", err);
        q->workers_given = true;
        break;
    case O_THREADS:
        q->threads_given = true;
        if (runner_parse_threads(s->value, &q->threads, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_CLASS:
        if (pk_class_parse(s->value, &q->cls))
            pk_usage_error("unknown class '%s' (one of S, W, A, B, C)", s->value);
        *class_given = true;
        break;
    case O_SIZE:
        if (runner_parse_size(s->value, &q->n, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_REPS:
        if (runner_parse_reps(s->value, &l->reps, err, sizeof err))
            pk_usage_error("%s", err);
        q->reps_given = true;
        break;
    case O_WARMUP:
        if (runner_parse_warmup(s->value, &l->warmup, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_SEED:
        if (runner_parse_seed(s->value, &q->seed, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_TIMEOUT:
        if (pk_cli_parse_seconds("timeout", s->value, &l->timeout_s, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_LAUNCHER:
        if (pk_launch_set_launcher(l, s->value, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_FORMAT:
        if (pk_format_parse(s->value, &q->format))
            pk_usage_error("unknown format '%s' (table, csv, json or markdown)", s->value);
        break;
    case O_OUTPUT:
        if (!*s->value)
            pk_usage_error("output file name is empty");
        for (int i = 0; i < q->noutputs; i++)
            if (strcmp(q->output[i], s->value) == 0)
                pk_usage_error("output file '%s' is named twice", s->value);
        if (q->noutputs == MAX_OUTPUTS)
            pk_usage_error("too many output files at '%s' (at most %d)", s->value, MAX_OUTPUTS);
        q->output[q->noutputs++] = s->value;
        break;
    case O_ORDER:
        if (parse_order(s->value, &q->order))
            pk_usage_error("unknown order '%s' (grouped, interleave or random)", s->value);
        break;
    case O_UNTIL_CI:
        if (runner_parse_until_ci(s->value, &l->until_ci, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_BIND:
        if (runner_parse_bind(s->value, &l->bind, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_PAGES:
        if (runner_parse_pages(s->value, &l->pages, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_QUIET:
        q->quiet = true;
        break;
    case O_HELP:
        run_usage(stdout);
        exit(pk_finish_stdout(0));
    }
}

void run_parse_request(int argc, char **argv, struct run_request *q, struct pk_launch *l)
{
    struct opt_scan s;
    char err[256];
    bool class_given = false;
    int id;

    memset(q, 0, sizeof *q);
    q->cls = PK_CLASS_W;
    q->seed = 1;
    q->threads = run_slurm_count("SLURM_CPUS_PER_TASK", 1);
    default_workers(q, l->cores);
    struct opt run_opts[O_NOPT];
    bool seen[O_NOPT] = {false};
    opt_table_from_docs(run_option_docs(), run_opts, O_NOPT);
    opt_begin(&s, argc, argv, 1, run_opts, true);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk run --help')", err);
        /* a second -c, -n, --format...: refused, not a silent last-wins; -o adds a file */
        if (id > 0 && seen[id] && !run_option_repeats(id))
            pk_usage_error("option '%s' is given twice", s.name);
        if (id > 0)
            seen[id] = true;
        parse_option(q, l, id, &s, &class_given);
    }
    if (class_given && q->n)
        pk_usage_error("give a class (-c) or a size (-n), not both");
    if (l->until_ci > 0 && q->order != ORDER_GROUPED)
        pk_usage_error("--until-ci needs --order grouped (each configuration in one process)");
    if (l->until_ci > 0 && !q->reps_given)
        l->reps = 100;
    if (l->until_ci > 0 && l->reps < PK_STATS_MIN_CI)
        pk_usage_error("--until-ci needs -r %d or more (no interval from fewer reps): -r %d",
                       PK_STATS_MIN_CI, l->reps);
    for (int i = 0; i < q->noutputs; i++) {
        if (pk_format_from_path(q->output[i], &q->output_format[i]))
            pk_usage_error("cannot tell the format of '%s' from its extension (.csv, .json, .md, "
                           ".txt)",
                           q->output[i]);
        q->output_json |= q->output_format[i] == PK_FORMAT_JSON;
    }
    if (q->nkernels == 0)
        for (int i = 0; i < pk_nkernels; i++)
            q->kernels[q->nkernels++] = &pk_kernels[i];
}

void run_check_params_used(const struct run_request *q)
{
    for (int i = 0; i < q->nparams; i++) {
        bool used = false;
        for (int k = 0; k < q->nkernels; k++)
            used |= pk_kernel_param_index(q->kernels[k], q->param_name[i]) >= 0;
        if (!used)
            pk_usage_error("option '--%s' applies to none of the kernels to run", q->param_name[i]);
    }
}
