/*
 * pk run: builds the plan (kernels x models x worker counts), runs every configuration in its
 * own child process, checks that the models of each kernel agree, and reports.
 */
#include "pk.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "opts.h"
#include "outfile.h"
#include "timer.h"

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

/* The options of pk run with their help: the parser's table and the usage both come from it. */
static const struct opt_doc run_docs[] = {
    {{O_MODELS, 'm', "models", true},
     "LIST",
     "serial,openmp,threads,fork,mpi,hybrid or all (default: every\n"
     "available one but hybrid, which runs when named)"},
    {{O_WORKERS, 'p', "workers", true},
     "LIST",
     "worker counts: 1,2,4  1..8  max (default: 1, 2, 4, ... below the\n"
     "number of usable cores, and that number); serial always runs p=1;\n"
     "inside a SLURM allocation mpi and hybrid default to SLURM_NTASKS\n"
     "ranks (x --threads)"},
    {{O_THREADS, 0, "threads", true},
     "T",
     "hybrid: OpenMP threads per MPI rank; each p in -p is ranks x T\n"
     "(default: SLURM_CPUS_PER_TASK inside an allocation, else 1)"},
    {{O_CLASS, 'c', "class", true},
     "C",
     "problem class S, W, A, B, C (default W; sizes: 'pk list')"},
    {{O_SIZE, 'n', "size", true}, "N", "exact problem size instead of a class (1000000 or 1e6)"},
    {{O_REPS, 'r', "reps", true}, "N", "timed reps per configuration (default 10)"},
    {{O_WARMUP, 'w', "warmup", true}, "N", "untimed reps before them (default 1)"},
    {{O_SEED, 0, "seed", true}, "S", "seed of the counter-based inputs (default 1)"},
    {{O_TIMEOUT, 0, "timeout", true},
     "S",
     "seconds before a configuration is killed as TIMEOUT\n"
     "(default 600; 0: no limit)"},
    {{O_LAUNCHER, 0, "launcher", true},
     "CMD",
     "MPI launcher (default: srun inside a SLURM allocation, else mpirun;\n"
     "at most 48 words); pk adds -np, and for Open MPI --oversubscribe\n"
     "when ranks exceed the cores and --allow-run-as-root as root"},
    {{O_FORMAT, 0, "format", true}, "F", "table, csv, json or markdown on stdout (default table)"},
    {{O_OUTPUT, 'o', "output", true},
     "FILE",
     "also write the results to FILE, in the format its extension names\n"
     "(.csv .json .md .txt); repeat it for several files (-o r.csv -o r.json);\n"
     "each is rewritten whole after every configuration, so an interrupted\n"
     "run keeps what it measured"},
    {{O_ORDER, 0, "order", true},
     "O",
     "grouped (default: all reps of a configuration in one process),\n"
     "interleave (one rep per process, configurations in turn) or\n"
     "random (the same, shuffled each round: resists drift, costs a\n"
     "process start per rep)"},
    {{O_UNTIL_CI, 0, "until-ci", true},
     "PCT",
     "stop a configuration once its median's 95% interval is within\n"
     "PCT% of it (at least 6 reps; -r is then the most, default 100); a\n"
     "configuration that reaches the most without it says so, with the\n"
     "interval it got"},
    {{O_BIND, 0, "bind", true},
     "B",
     "none (default), close or spread: pins each worker to a CPU\n"
     "(threads, fork: sched_setaffinity; openmp: OMP_PROC_BIND and\n"
     "OMP_PLACES; mpi: the launcher's binding flags); the CPUs each\n"
     "worker really had are recorded either way"},
    {{O_PAGES, 0, "pages", true},
     "P",
     "normal (default: 4 KiB pages in every model) or huge (transparent\n"
     "huge pages where the kernel allows them); the page size each\n"
     "configuration got is recorded either way (column pages)"},
    {{O_QUIET, 'q', "quiet", false}, NULL, "no progress line and no warnings"},
    {{O_HELP, 'h', "help", false}, NULL, "this text"},
    {{0, 0, NULL, false}, NULL, NULL},
};

static void run_usage(FILE *f)
{
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
        "(--mod serial), and -- ends the options. Only -o may be given more than once.\n"
        "Exit status: 0 every configuration verified; 1 one failed, timed out or disagreed\n"
        "(the others still run), or a results file or stdout could not be written; 2 usage\n"
        "error; 129/130/131/143 interrupted by HUP/INT/QUIT/TERM (results so far are kept).\n",
        f);
}

#define MAX_PARAM_ARGS 16
#define MAX_OUTPUTS    8

enum order { ORDER_GROUPED, ORDER_INTERLEAVE, ORDER_RANDOM };
static const char *const order_names[] = {"grouped", "interleave", "random"};

struct run_request {
    const struct pk_kernel *kernels[64];
    int nkernels;
    bool models[PK_NMODEL], models_given;
    int workers[PK_MAX_WORKER_LIST], nworkers;
    bool workers_given;
    int threads; /* hybrid: threads per rank */
    enum pk_class cls;
    long long n; /* 0: by class */
    unsigned long long seed;
    enum pk_format format;
    enum order order;
    bool reps_given, quiet;
    const char *output[MAX_OUTPUTS]; /* -o, each written whole after every configuration */
    enum pk_format output_format[MAX_OUTPUTS];
    int noutputs;
    bool output_json; /* one of them is JSON: gather the full context */
    char param_name[MAX_PARAM_ARGS][64];
    const char *param_value[MAX_PARAM_ARGS];
    int nparams;
};

static struct pk_child_control control;
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static volatile sig_atomic_t signal_seen;

/*
 * First SIGINT, SIGTERM, SIGHUP or SIGQUIT: stop launching and end the running configuration
 * (TERM, then KILL after a grace). Second: KILL its group at once; the launch still removes its
 * directory, and the results gathered so far are still written, before pk exits 128 + the
 * first signal.
 */
static void on_signal(int sig)
{
    if (signal_seen) {
        control.kill = 1;
        if (control.pgid)
            kill(-control.pgid, SIGKILL);
        return;
    }
    signal_seen = sig;
    control.stop = 1;
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
static int slurm_count(const char *name, int fallback)
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
    long long v;
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
        if (pk_cli_parse_int("threads", s->value, 1, PK_MAX_WORKERS, &q->threads, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_CLASS:
        if (pk_class_parse(s->value, &q->cls))
            pk_usage_error("unknown class '%s' (one of S, W, A, B, C)", s->value);
        *class_given = true;
        break;
    case O_SIZE:
        if (pk_cli_parse_count("size", s->value, 1, 1LL << 62, &q->n, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_REPS:
        if (pk_cli_parse_int("reps", s->value, 1, PK_MAX_REPS, &l->reps, err, sizeof err))
            pk_usage_error("%s", err);
        q->reps_given = true;
        break;
    case O_WARMUP:
        if (pk_cli_parse_int("warm-up reps", s->value, 0, PK_MAX_REPS, &l->warmup, err, sizeof err))
            pk_usage_error("%s", err);
        break;
    case O_SEED:
        if (pk_cli_parse_count("seed", s->value, 0, 1LL << 62, &v, err, sizeof err))
            pk_usage_error("%s", err);
        q->seed = (unsigned long long)v;
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
        if (strcmp(s->value, "grouped") == 0)
            q->order = ORDER_GROUPED;
        else if (strcmp(s->value, "interleave") == 0)
            q->order = ORDER_INTERLEAVE;
        else if (strcmp(s->value, "random") == 0)
            q->order = ORDER_RANDOM;
        else
            pk_usage_error("unknown order '%s' (grouped, interleave or random)", s->value);
        break;
    case O_UNTIL_CI:
        if (pk_cli_parse_seconds("--until-ci", s->value, &l->until_ci, err, sizeof err) ||
            !(l->until_ci > 0 && l->until_ci < 100))
            pk_usage_error("--until-ci '%s' must be a percentage in (0, 100)", s->value);
        break;
    case O_BIND:
        if (pk_bind_parse(s->value, &l->bind))
            pk_usage_error("unknown --bind '%s' (none, close or spread)", s->value);
        break;
    case O_PAGES:
        if (pk_pages_parse(s->value, &l->pages))
            pk_usage_error("unknown --pages '%s' (normal or huge)", s->value);
        break;
    case O_QUIET:
        q->quiet = true;
        break;
    case O_HELP:
        run_usage(stdout);
        exit(pk_finish_stdout(0));
    }
}

static void parse_request(int argc, char **argv, struct run_request *q, struct pk_launch *l)
{
    struct opt_scan s;
    char err[256];
    bool class_given = false;
    int id;

    memset(q, 0, sizeof *q);
    q->cls = PK_CLASS_W;
    q->seed = 1;
    q->threads = slurm_count("SLURM_CPUS_PER_TASK", 1);
    default_workers(q, l->cores);
    struct opt run_opts[O_NOPT];
    bool seen[O_NOPT] = {false};
    opt_table_from_docs(run_docs, run_opts, O_NOPT);
    opt_begin(&s, argc, argv, 1, run_opts, true);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk run --help')", err);
        /* a second -c, -n, --format...: refused, not a silent last-wins; -o adds a file */
        if (id > 0 && id != O_OUTPUT && id != O_QUIET && id != O_HELP && seen[id])
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

/* Chooses the models: the ones asked for (all must be available) or every available one. */
static void choose_models(struct run_request *q, const struct pk_launch *l)
{
    char why[512];
    bool mpi_ok = pk_launch_mpi_available(l, why, sizeof why);

    bool wants_launcher = !q->models_given || q->models[PK_MPI] || q->models[PK_HYBRID];
    if (l->launcher_given && !mpi_ok && wants_launcher)
        pk_usage_error("cannot run the mpi model: %s", why);
    if (!q->models_given) {
        for (int m = 0; m < PK_NMODEL; m++)
            q->models[m] = m != PK_HYBRID; /* hybrid needs --threads to differ from mpi */
        if (!mpi_ok) {
            q->models[PK_MPI] = false;
            if (!q->quiet)
                fprintf(stderr, "pk: mpi model skipped: %s\n", why);
        }
    } else if ((q->models[PK_MPI] || q->models[PK_HYBRID]) && !mpi_ok) {
        pk_usage_error("cannot run the %s model: %s", q->models[PK_MPI] ? "mpi" : "hybrid", why);
    }
}

/* Sets the kernel options on c; each option must fit at least one kernel of the run. */
static void apply_params(const struct run_request *q, struct pk_case *c)
{
    char err[256];
    for (int i = 0; i < q->nparams; i++)
        if (pk_case_set_param(c, q->param_name[i], q->param_value[i], err, sizeof err) < 0)
            pk_usage_error("%s", err);
}

static void check_params_used(const struct run_request *q)
{
    for (int i = 0; i < q->nparams; i++) {
        bool used = false;
        for (int k = 0; k < q->nkernels; k++)
            used |= pk_kernel_param_index(q->kernels[k], q->param_name[i]) >= 0;
        if (!used)
            pk_usage_error("option '--%s' applies to none of the kernels to run", q->param_name[i]);
    }
}

/*
 * The worker counts of model m: 1 for serial; inside a SLURM allocation with no -p, mpi runs
 * SLURM_NTASKS ranks and hybrid that many ranks of --threads each; else the -p list.
 */
static int worker_list(const struct run_request *q, enum pk_model m, int out[])
{
    int ntasks = slurm_count("SLURM_NTASKS", 0);
    if (m == PK_SERIAL) {
        out[0] = 1;
        return 1;
    }
    if (pk_model_is_distributed(m) && !q->workers_given && ntasks > 0) {
        out[0] = ntasks * (m == PK_HYBRID ? q->threads : 1);
        return 1;
    }
    memcpy(out, q->workers, (size_t)q->nworkers * sizeof out[0]);
    return q->nworkers;
}

static int plan(const struct run_request *q, struct pk_config **out)
{
    int cap = q->nkernels * (1 + PK_NMODEL * q->nworkers), n = 0;
    struct pk_config *cfgs = calloc((size_t)cap, sizeof *cfgs);
    char err[256];

    if (!cfgs)
        pk_usage_error("out of memory for %d configurations", cap);
    bool any_hybrid = false;
    for (int k = 0; k < q->nkernels; k++) {
        const struct pk_kernel *kernel = q->kernels[k];
        long long size = q->n ? q->n : pk_kernel_size(kernel, q->cls);
        for (int m = 0; m < PK_NMODEL; m++) {
            int list[PK_MAX_WORKER_LIST], count = worker_list(q, (enum pk_model)m, list);
            if (!q->models[m] || (m == PK_HYBRID && !kernel->hybrid))
                continue;
            any_hybrid |= m == PK_HYBRID;
            for (int w = 0; w < count; w++) {
                struct pk_config *c = &cfgs[n++];
                if (m == PK_HYBRID && list[w] % q->threads != 0)
                    pk_usage_error("hybrid p=%d is not a multiple of --threads %d (p counts ranks "
                                   "x threads)",
                                   list[w], q->threads);
                pk_case_init(&c->spec, kernel, (enum pk_model)m, list[w], size);
                c->spec.threads_per_rank = m == PK_HYBRID ? q->threads : 1;
                c->spec.seed = q->seed;
                c->by_class = q->n == 0;
                c->cls = q->cls;
                apply_params(q, &c->spec);
                /* refuse now what a runner would refuse later: nothing runs on a bad plan */
                if (pk_case_check(&c->spec, err, sizeof err))
                    pk_usage_error("%s", err);
            }
        }
    }
    if (q->models[PK_HYBRID] && q->models_given && !any_hybrid)
        pk_usage_error("none of the kernels to run has a hybrid model (matmul, pi, polysum and "
                       "stencil do)");
    *out = cfgs;
    return n;
}

/* The launches: (configuration, reps) in the order asked for. */
struct launch_step {
    int cfg, reps;
};

static struct launch_step *schedule(const struct run_request *q, int reps, int n, int *nsteps)
{
    int rounds = q->order == ORDER_GROUPED ? 1 : reps;
    /* NOLINTNEXTLINE(clang-analyzer-optin.portability.UnixAPI): plan() gives n >= 1 */
    struct launch_step *steps = calloc((size_t)n * (size_t)rounds, sizeof *steps);
    unsigned long long state = q->seed * 0x9E3779B97F4A7C15ull + 1;
    if (!steps)
        pk_usage_error("out of memory for %d launches", n * rounds);
    *nsteps = 0;
    for (int r = 0; r < rounds; r++) {
        struct launch_step *round = steps + *nsteps;
        for (int i = 0; i < n; i++)
            steps[(*nsteps)++] = (struct launch_step){i, rounds == 1 ? reps : 1};
        for (int i = n - 1; q->order == ORDER_RANDOM && i > 0; i--) { /* Fisher-Yates */
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;
            int j = (int)(state % (unsigned long long)(i + 1));
            struct launch_step t = round[i];
            round[i] = round[j];
            round[j] = t;
        }
    }
    return steps;
}

/* Adds one launch's outcome to its configuration's accumulated result. */
static void merge(struct pk_config *cfg, const struct pk_result *add)
{
    struct pk_result *res = &cfg->res;
    if (!cfg->ran) {
        *res = *add;
        cfg->ran = true;
        return;
    }
    for (int k = 0; k < add->rec.reps && res->rec.reps < PK_MAX_REPS; k++)
        res->rec.times[res->rec.reps++] = add->rec.times[k];
    if (pk_status_is_failure(res->rec.status))
        return;
    if (pk_status_is_failure(add->rec.status) || add->rec.status == PK_STATUS_RACE) {
        res->rec.status = add->rec.status;
        snprintf(res->rec.detail, sizeof res->rec.detail, "%s", add->rec.detail);
    } else if (add->rec.status == PK_STATUS_OK && res->rec.status == PK_STATUS_OK &&
               !pk_results_agree(cfg->spec.kernel, res->rec.result, add->rec.result)) {
        res->rec.status = PK_STATUS_FAILED;
        snprintf(res->rec.detail, sizeof res->rec.detail,
                 "result %.100s of a later process differs from %.100s", add->rec.result,
                 res->rec.result);
    }
}

/*
 * --until-ci: a configuration that reached the most reps (-r) without its interval within the
 * target says so in its detail (the row's notes in the table), with the interval it got.
 */
static void note_until_ci(struct pk_config *cfg, const struct pk_launch *l)
{
    struct pk_record *r = &cfg->res.rec;
    char note[160];
    if (l->until_ci <= 0 || r->status != PK_STATUS_OK || r->reps < l->reps ||
        pk_record_precise(r, l->until_ci))
        return;
    struct pk_summary s = pk_result_summary(&cfg->res);
    if (isnan(s.ci_lo) || !(s.median > 0))
        snprintf(note, sizeof note,
                 "--until-ci %g%%: gave up after %d reps (the most, -r), too few for an interval",
                 l->until_ci, r->reps);
    else
        snprintf(note, sizeof note,
                 "--until-ci %g%%: gave up after %d reps (the most, -r) with the 95%% interval "
                 "at +-%.3g%% of the median",
                 l->until_ci, r->reps, (s.ci_hi - s.ci_lo) / 2 / s.median * 100);
    if (strcmp(r->detail, "-") == 0 || !r->detail[0])
        snprintf(r->detail, sizeof r->detail, "%s", note);
    else {
        size_t used = strlen(r->detail);
        snprintf(r->detail + used, sizeof r->detail - used, "; %s", note);
    }
}

/*
 * Marks DISAGREE every verified configuration whose result differs from the serial one's. With no
 * serial result the reference is the first that verified, and it cannot be trusted over the
 * other: both sides of a disagreement are marked, so a wrong model never stays "ok".
 */
static void check_agreement(struct pk_config *cfgs, int n)
{
    for (int i = 0; i < n; i++) {
        struct pk_record *r = &cfgs[i].res.rec;
        struct pk_record *ref = NULL;
        for (int j = 0; j < n && !ref; j++) /* serial first; else the first that verified */
            if (cfgs[j].spec.kernel == cfgs[i].spec.kernel && cfgs[j].ran &&
                cfgs[j].res.rec.status == PK_STATUS_OK && cfgs[j].spec.model == PK_SERIAL)
                ref = &cfgs[j].res.rec;
        bool ref_is_serial = ref != NULL;
        for (int j = 0; j < n && !ref; j++)
            if (cfgs[j].spec.kernel == cfgs[i].spec.kernel && cfgs[j].ran &&
                (cfgs[j].res.rec.status == PK_STATUS_OK ||
                 cfgs[j].res.rec.status == PK_STATUS_DISAGREE))
                ref = &cfgs[j].res.rec;
        if (!cfgs[i].ran || r->status != PK_STATUS_OK || !ref || ref == r)
            continue;
        if (!pk_results_agree(cfgs[i].spec.kernel, ref->result, r->result)) {
            r->status = PK_STATUS_DISAGREE;
            snprintf(r->detail, sizeof r->detail, "result %.70s differs from %.10s p=%d's %.70s%s",
                     r->result, ref->model, ref->workers, ref->result,
                     ref_is_serial ? "" : " (no serial result to tell which is right)");
            if (!ref_is_serial && ref->status == PK_STATUS_OK) {
                ref->status = PK_STATUS_DISAGREE;
                snprintf(ref->detail, sizeof ref->detail,
                         "result %.70s differs from %.10s p=%d's %.70s (no serial result to tell "
                         "which is right)",
                         ref->result, r->model, r->workers, r->result);
            }
        }
    }
}

/* The results of the configurations that ran, in plan order, for reporting. */
static int collect(const struct pk_config *cfgs, int n, struct pk_result *out)
{
    int m = 0;
    for (int i = 0; i < n; i++)
        if (cfgs[i].ran)
            out[m++] = cfgs[i].res;
    return m;
}

struct progress {
    bool on;
    int step, nsteps;
    const struct pk_config *cfg;
    double started;
};

static struct progress progress;

static void show_progress(const char *rep)
{
    const struct pk_case *c = &progress.cfg->spec;
    double elapsed = pk_timer_now() - progress.started;
    char eta[32] = "?";
    if (progress.step > 0) {
        int left = (int)(elapsed / progress.step * (progress.nsteps - progress.step));
        snprintf(eta, sizeof eta, "%d:%02d", left / 60, left % 60);
    }
    fprintf(stderr, "\r\033[K[%d/%d] %s %s p=%d%s%s ETA %s", progress.step + 1, progress.nsteps,
            c->kernel->name, pk_model_name(c->model), c->workers, rep ? " rep " : "",
            rep ? rep : "", eta);
    fflush(stderr);
}

/* A runner's "pk-progress K N" line (K of N reps, warm-up included). */
static void on_progress(void *arg, const char *line)
{
    int k, total;
    char rep[32];
    (void)arg;
    /* NOLINTNEXTLINE(cert-err34-c): the runner's own line; at worst a garbled progress line */
    if (sscanf(line, "pk-progress %d %d", &k, &total) == 2) {
        snprintf(rep, sizeof rep, "%d/%d", k, total);
        show_progress(rep);
    }
}

/* Writes every -o file (each through its own temporary file and rename); -1 if one failed. */
static int write_output(const struct run_request *q, const struct pk_config *cfgs, int n,
                        struct pk_result *scratch, const struct pk_context *ctx)
{
    static char said[MAX_OUTPUTS][512]; /* each new reason once per file, not per configuration */
    int m = collect(cfgs, n, scratch), rc = 0;
    for (int i = 0; i < q->noutputs; i++) {
        struct pk_outfile o;
        char err[512] = "";
        if (pk_outfile_open(&o, q->output[i], err, sizeof err) ||
            pk_report_write(o.f, q->output_format[i], scratch, m, ctx, false) ||
            pk_outfile_commit(&o, err, sizeof err)) {
            if (o.f)
                pk_outfile_abort(&o);
            if (!err[0])
                snprintf(err, sizeof err, "cannot write the results file '%s'", q->output[i]);
            if (strcmp(said[i], err) != 0)
                fprintf(stderr, "pk: %s\n", err);
            snprintf(said[i], sizeof said[i], "%s", err);
            rc = -1;
        }
    }
    return rc;
}

/*
 * Rewrites the results file with the verdicts so far: every configuration that ran, with the
 * models' agreement checked on a copy (view), so that a file cut short by a signal or a crash
 * already says DISAGREE where the results differ.
 */
static int write_record(const struct run_request *q, const struct pk_config *cfgs,
                        struct pk_config *view, int n, struct pk_result *scratch,
                        const struct pk_context *ctx)
{
    memcpy(view, cfgs, (size_t)n * sizeof *view);
    check_agreement(view, n);
    return write_output(q, view, n, scratch, ctx);
}

/* Tells the runners whether to report progress (OpenMP's binding is set per launch). */
static void prepare_environment(bool show, bool quiet)
{
    const char *threads = getenv("OMP_NUM_THREADS");
    char shown[192];

    if (show)
        setenv("PK_PROGRESS", "1", 1);
    else
        unsetenv("PK_PROGRESS");
    /*
     * pk sizes every team itself (num_threads), so OMP_NUM_THREADS changes nothing it runs; but
     * a value that is no list of counts can break a runtime (LLVM's libomp 14 allocates until
     * the OOM killer stops it on "abc"): it is not passed on.
     */
    if (threads && strspn(threads, "0123456789, ") != strlen(threads)) {
        if (!quiet)
            fprintf(stderr,
                    "pk: warning: OMP_NUM_THREADS='%s' is not a list of thread counts: not passed "
                    "to the runners (pk sets each team's size itself)\n",
                    (pk_cli_quote(threads, shown, sizeof shown), shown));
        unsetenv("OMP_NUM_THREADS");
    }
}

int cmd_run(int argc, char **argv)
{
    /* static, not on the stack (about 40 KB): pk must run under a small ulimit -s */
    static struct run_request q;
    static struct pk_launch l;
    static struct pk_result once;
    static struct pk_context ctx;
    struct pk_config *cfgs, *view;
    struct pk_result *scratch;
    struct launch_step *steps;
    char err[512];
    bool failed = false, output_failed = false, color;
    int n, nsteps;

    double load = NAN;
    pk_launch_init(&l);
    if (getloadavg(&load, 1) != 1) /* before anything of ours runs */
        load = NAN;
    const char *fake_load = getenv("PK_LOADAVG"); /* tests: the load average to assume */
    if (fake_load && pk_cli_parse_seconds("PK_LOADAVG", fake_load, &load, err, sizeof err))
        pk_usage_error("%s", err);
    parse_request(argc, argv, &q, &l);
    if (pk_launch_check_env(&l, err, sizeof err))
        pk_usage_error("%s", err);
    check_params_used(&q);
    choose_models(&q, &l);
    for (int i = 0; i < q.noutputs; i++)
        if (pk_outfile_probe(q.output[i], err, sizeof err))
            pk_usage_error("%s", err);
    n = plan(&q, &cfgs);
    steps = schedule(&q, l.reps, n, &nsteps);
    if (!(scratch = calloc((size_t)n + 1, sizeof *scratch)) ||
        !(view = calloc((size_t)n, sizeof *view)))
        pk_usage_error("out of memory for %d results", n);
    color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    progress.on = !q.quiet && isatty(STDERR_FILENO);
    progress.nsteps = nsteps;
    progress.started = pk_timer_now();
    prepare_environment(progress.on, q.quiet);
    control.on_progress = progress.on ? on_progress : NULL;
    pk_context_gather(&ctx, q.format == PK_FORMAT_JSON || q.output_json);

    /*
     * A reader of stdout that goes away must not kill pk before the results file holds every
     * verdict: EPIPE is a write error (exit 1). Other commands die of SIGPIPE, as filters do.
     */
    signal(SIGPIPE, SIG_IGN);
    /* now, not after a run of minutes: the reader may rather quiet the machine first */
    if (!q.quiet)
        pk_report_load_warning(stderr, l.cores, load);
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++) {
        struct sigaction old;
        /* HUP or QUIT ignored by whoever started pk (nohup) stays ignored */
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN &&
            (stop_signals[i] == SIGHUP || stop_signals[i] == SIGQUIT))
            continue;
        sigaction(stop_signals[i], &sa, NULL);
    }

    for (int i = 0; i < nsteps && !signal_seen; i++) {
        struct pk_config *cfg = &cfgs[steps[i].cfg];
        progress.step = i;
        progress.cfg = cfg;
        if (progress.on)
            show_progress(NULL);
        if (!pk_launch_run(&l, cfg, steps[i].reps, &control, &once))
            break; /* interrupted: this launch measured nothing whole */
        /* the options column: bind from the launch, the order here */
        size_t used = strlen(once.options);
        snprintf(once.options + used, sizeof once.options - used, "/order:%s",
                 order_names[q.order]);
        merge(cfg, &once);
        note_until_ci(cfg, &l);
        if (q.noutputs && write_record(&q, cfgs, view, n, scratch, &ctx))
            output_failed = true;
    }
    if (progress.on)
        fputs("\r\033[K", stderr);
    check_agreement(cfgs, n);
    for (int i = 0; i < n; i++)
        failed |= cfgs[i].ran && pk_status_is_failure(cfgs[i].res.rec.status);

    /* the results file is the record: whole, every verdict in it, before anything is printed */
    if (q.noutputs && write_record(&q, cfgs, view, n, scratch, &ctx))
        output_failed = true;
    int m = collect(cfgs, n, scratch);
    pk_report_write(stdout, q.format, scratch, m,
                    q.quiet && q.format == PK_FORMAT_TABLE ? NULL : &ctx, color);
    fflush(stdout);
    if (!q.quiet)
        pk_report_warnings(stderr, scratch, m, l.cores, NAN); /* the load: said before */
    free(scratch);
    free(steps);
    free(view);
    free(cfgs);
    if (signal_seen) {
        fprintf(stderr, "pk: interrupted; the results above are what was measured\n");
        fflush(stdout);
        return 128 + signal_seen;
    }
    return pk_finish_stdout(failed || output_failed ? 1 : 0);
}
