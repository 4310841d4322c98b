/*
 * pk run's command line: the option table (with each option's help, so that the usage, the
 * parser and the man page's check come from one list), and the request it makes.
 */
#include "run_request.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opts.h"
#include "run_names.h"
#include "runner.h"

const char *const run_order_names[] = {"grouped", "interleave", "random"};

enum {
    O_MODELS = 1,
    O_WORKERS,
    O_CLASS,
    O_SIZE,
    O_REPS,
    O_WARMUP,
    O_SEED,
    O_TIMEOUT,
    O_LAUNCHER,
    O_FORMAT,
    O_OUTPUT,
    O_ORDER,
    O_UNTIL_CI,
    O_BIND,
    O_QUIET,
    O_THREADS,
    O_HELP,
    O_PAGES,
    O_NOPT
};

/*
 * The options of pk run with their help: the parser's table and the usage both come from it
 * (and the man page's check reads the usage). Not const: -m's help is built from the models.
 */
static struct opt_doc run_docs[] = {
    {.opt = {O_MODELS, 'm', "models", true},
     .arg = "LIST",
     .help = NULL /* models_help(): from the model list */},
    {.opt = {O_WORKERS, 'p', "workers", true},
     .arg = "LIST",
     .help = "worker counts: 1,2,4  1..8  max (default: 1, 2, 4, ... below the\n"
             "number of usable cores, and that number); serial always runs p=1;\n"
             "inside a SLURM allocation mpi and hybrid default to SLURM_NTASKS\n"
             "ranks (x --threads)"},
    {.opt = {O_THREADS, 0, "threads", true},
     .arg = "T",
     .help = "hybrid: OpenMP threads per MPI rank; each p in -p is ranks x T\n"
             "(default: SLURM_CPUS_PER_TASK inside an allocation, else 1)"},
    {.opt = {O_CLASS, 'c', "class", true},
     .arg = "C",
     .help = "problem class S, W, A, B, C (default W; sizes: 'pk list')"},
    {.opt = {O_SIZE, 'n', "size", true},
     .arg = "N",
     .help = "exact problem size instead of a class (1000000 or 1e6)"},
    {.opt = {O_REPS, 'r', "reps", true},
     .arg = "N",
     .help = "timed reps per configuration (default 10)"},
    {.opt = {O_WARMUP, 'w', "warmup", true},
     .arg = "N",
     .help = "untimed reps before them (default 1)"},
    {.opt = {O_SEED, 0, "seed", true},
     .arg = "S",
     .help = "seed of the counter-based inputs (default 1)"},
    {.opt = {O_TIMEOUT, 0, "timeout", true},
     .arg = "S",
     .help = "seconds before a configuration is killed as TIMEOUT\n"
             "(default 600; 0: no limit)"},
    {.opt = {O_LAUNCHER, 0, "launcher", true},
     .arg = "CMD",
     .help = "MPI launcher (default: srun inside a SLURM allocation, else mpirun;\n"
             "at most 48 words); pk adds -np, and for Open MPI --oversubscribe\n"
             "when ranks exceed the cores and --allow-run-as-root as root"},
    {.opt = {O_FORMAT, 0, "format", true},
     .arg = "F",
     .help = "table, csv, json or markdown on stdout (default table)"},
    {.opt = {O_OUTPUT, 'o', "output", true},
     .arg = "FILE",
     .help = "also write the results to FILE, in the format its extension names\n"
             "(.csv .json .md .txt); repeat it for several files (-o r.csv -o r.json);\n"
             "each is rewritten whole after every configuration, so an interrupted\n"
             "run keeps what it measured",
     .repeats = true},
    {.opt = {O_ORDER, 0, "order", true},
     .arg = "O",
     .help = "grouped (default: all reps of a configuration in one process),\n"
             "interleave (one rep per process, configurations in turn) or\n"
             "random (the same, shuffled each round: resists drift, costs a\n"
             "process start per rep)"},
    {.opt = {O_UNTIL_CI, 0, "until-ci", true},
     .arg = "PCT",
     .help = "stop a configuration once its median's 95% interval is within\n"
             "PCT% of it (at least 6 reps; -r is then the most, default 100); a\n"
             "configuration that reaches the most without it says so, with the\n"
             "interval it got"},
    {.opt = {O_BIND, 0, "bind", true},
     .arg = "B",
     .help = "none (default), close or spread: pins each worker to a CPU\n"
             "(threads, fork: sched_setaffinity; openmp: OMP_PROC_BIND and\n"
             "OMP_PLACES; mpi: the launcher's binding flags); the CPUs each\n"
             "worker really had are recorded either way"},
    {.opt = {O_PAGES, 0, "pages", true},
     .arg = "P",
     .help = "normal (default: 4 KiB pages in every model) or huge (transparent\n"
             "huge pages where the kernel allows them); the page size each\n"
             "configuration got is recorded either way (column pages)"},
    {.opt = {O_QUIET, 'q', "quiet", false},
     .arg = NULL,
     .help = "no progress line and no warnings",
     .repeats = true},
    {.opt = {O_HELP, 'h', "help", false}, .arg = NULL, .help = "this text", .repeats = true},
    {.opt = {0, 0, NULL, false}},
};

/*
 * -m's help: "serial,openmp,...,hybrid or all (default: every\navailable one but hybrid, which
 * runs when named)", the names taken from the X-macro and the facts (on_request).
 */
static const char *models_help(void)
{
    static char help[512];
    char all[256], asked[128];
    int nasked = 0;
    for (int m = 0; m < PK_NMODEL; m++)
        nasked += run_model_on_request((enum pk_model)m);
    run_names_models(all, sizeof all, NULL, ",", ",");
    run_names_models(asked, sizeof asked, run_model_on_request, ", ", " and ");
    if (nasked)
        snprintf(help, sizeof help,
                 "%s or all (default: every\navailable one but %s, which run%s when named)", all,
                 asked, nasked == 1 ? "s" : "");
    else
        snprintf(help, sizeof help, "%s or all (default: every available one)", all);
    return help;
}

/* "Only -o may be given more than once.": the options with a value that the table lets repeat. */
static void said_repeats(FILE *f)
{
    int count = 0, i = 0;
    for (const struct opt_doc *d = run_docs; d->opt.id; d++)
        count += d->repeats && d->opt.takes_value;
    for (const struct opt_doc *d = run_docs; d->opt.id; d++)
        if (d->repeats && d->opt.takes_value) {
            fputs(i == 0 ? "Only " : i == count - 1 ? " and " : ", ", f);
            if (d->opt.short_name)
                fprintf(f, "-%c", d->opt.short_name);
            else
                fprintf(f, "--%s", d->opt.long_name);
            i++;
        }
    if (count)
        fputs(" may be given more than once.", f);
    fputc('\n', f);
}

static void run_usage(FILE *f)
{
    for (struct opt_doc *d = run_docs; d->opt.id; d++)
        if (d->opt.id == O_MODELS)
            d->help = models_help();
    fputs(
        "usage: pk run [KERNEL...] [options]\n"
        "Runs each configuration (kernel x model x workers) in its own process, verifies every "
        "rep,\n"
        "checks that all models of a kernel agree, and reports the median time, the speedup over\n"
        "serial and the efficiency. With no KERNEL, runs every kernel.\n"
        "\n",
        f);
    opt_usage(f, run_docs);
    fputs(
        "Kernel options apply to the kernels that have them ('pk list' shows them).\n"
        "Short flags combine (-qm serial, -p2), long options may be abbreviated while unambiguous\n"
        "(--mod serial), and -- ends the options. ",
        f);
    said_repeats(f);
    fputs("Exit status: 0 every configuration verified; 1 one failed, timed out or disagreed\n"
          "(the others still run), or a results file or stdout could not be written; 2 usage\n"
          "error; 129/130/131/143 interrupted by HUP/INT/QUIT/TERM (results so far are kept).\n",
          f);
}

/* True if option id may be given more than once (its table entry says so). */
static bool repeats(int id)
{
    for (const struct opt_doc *d = run_docs; d->opt.id; d++)
        if (d->opt.id == id)
            return d->repeats;
    return false;
}

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
    opt_table_from_docs(run_docs, run_opts, O_NOPT);
    opt_begin(&s, argc, argv, 1, run_opts, true);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk run --help')", err);
        /* a second -c, -n, --format...: refused, not a silent last-wins; -o adds a file */
        if (id > 0 && seen[id] && !repeats(id))
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
