/*
 * pk run's options: the table with each option's help, from which the parser's table
 * (run_request.c), the usage and so the man page's check all come, and the usage itself.
 */
#include "cmd_run.h"

#include <stdio.h>

#include "opts.h"
#include "run_names.h"

/*
 * Not const: the help of -m, -p and --threads names models, and is built from the model list
 * (run_names.h) when the usage is printed.
 */
static struct opt_doc run_docs[] = {
    {.opt = {O_MODELS, 'm', "models", true}, .arg = "LIST", .help = NULL /* models_help() */},
    {.opt = {O_WORKERS, 'p', "workers", true}, .arg = "LIST", .help = NULL /* workers_help() */},
    {.opt = {O_THREADS, 0, "threads", true}, .arg = "T", .help = NULL /* threads_help() */},
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
     .help = "no progress line and no warnings (among them: a configuration of an\n"
             "interpreted model, python, that would run for minutes by its\n"
             "runner's rate, with the size that fits in about a minute)",
     .repeats = true},
    {.opt = {O_HELP, 'h', "help", false}, .arg = NULL, .help = "this text", .repeats = true},
    {.opt = {0, 0, NULL, false}},
};

/*
 * -m's help: "serial,openmp,...,python-threads\nor all (default: every available one but\nhybrid,
 * python and python-threads, which run when named)", the names taken from the X-macro and the
 * facts (on_request).
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
                 "%s\nor all (default: every available one but\n%s, which run%s when named)", all,
                 asked, nasked == 1 ? "s" : "");
    else
        snprintf(help, sizeof help, "%s or all (default: every available one)", all);
    return help;
}

/* "-o, -q and -h may be given more than once.": the options the table lets repeat. */
static void said_repeats(FILE *f)
{
    int count = 0, i = 0;
    for (const struct opt_doc *d = run_docs; d->opt.id; d++)
        count += d->repeats;
    for (const struct opt_doc *d = run_docs; d->opt.id; d++)
        if (d->repeats) {
            fputs(i == 0 ? "" : i == count - 1 ? " and " : ", ", f);
            if (d->opt.short_name)
                fprintf(f, "-%c", d->opt.short_name);
            else
                fprintf(f, "--%s", d->opt.long_name);
            i++;
        }
    if (count)
        fputs(" may be given more than once; any other option given twice is an\nerror.", f);
    fputc('\n', f);
}

/* -p's help: the baseline runs p=1, the distributed models default to SLURM_NTASKS ranks. */
static const char *workers_help(void)
{
    static char help[512];
    char base[128], launched[128];
    run_names_models(base, sizeof base, run_model_baseline, ", ", " and ");
    run_names_models(launched, sizeof launched, run_model_distributed, ", ", " and ");
    snprintf(help, sizeof help,
             "worker counts: 1,2,4  1..8  max (default: 1, 2, 4, ... below the\n"
             "number of usable cores, and that number); %s always runs p=1;\n"
             "inside a SLURM allocation %s default to SLURM_NTASKS\n"
             "ranks (x --threads)",
             base, launched);
    return help;
}

/* --threads' help: the models whose ranks run teams of threads (hybrid). */
static const char *threads_help(void)
{
    static char help[256];
    char teams[128];
    run_names_models(teams, sizeof teams, run_model_rank_teams, ", ", " and ");
    snprintf(help, sizeof help,
             "%s: OpenMP threads per MPI rank; each p in -p is ranks x T\n"
             "(default: SLURM_CPUS_PER_TASK inside an allocation, else 1)",
             teams);
    return help;
}

void run_usage(FILE *f)
{
    for (struct opt_doc *d = run_docs; d->opt.id; d++)
        if (d->opt.id == O_MODELS)
            d->help = models_help();
        else if (d->opt.id == O_WORKERS)
            d->help = workers_help();
        else if (d->opt.id == O_THREADS)
            d->help = threads_help();
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
        "(--mod serial), and -- ends the options.\n",
        f);
    said_repeats(f);
    fputs("Exit status: 0 every configuration verified; 1 one failed, timed out or disagreed\n"
          "(the others still run), or a results file or stdout could not be written; 2 usage\n"
          "error; 129/130/131/143 interrupted by HUP/INT/QUIT/TERM (results so far are kept).\n",
          f);
}

bool run_option_repeats(int id)
{
    for (const struct opt_doc *d = run_docs; d->opt.id; d++)
        if (d->opt.id == id)
            return d->repeats;
    return false;
}

const struct opt_doc *run_option_docs(void)
{
    return run_docs;
}
