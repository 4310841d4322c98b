/*
 * pk run: builds the plan (kernels x models x worker counts), runs every configuration in its
 * own child process, checks that the models of each kernel agree, and reports.
 */
#include "pk.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "opts.h"
#include "outfile.h"

static const char run_usage[] =
    "usage: pk run [KERNEL...] [options]\n"
    "Runs each configuration (kernel x model x workers) in its own process, verifies every rep,\n"
    "checks that all models of a kernel agree, and reports the median time, the speedup over\n"
    "serial and the efficiency. With no KERNEL, runs every kernel.\n"
    "\n"
    "  -m, --models LIST   serial,openmp,threads,fork,mpi or all (default: every available)\n"
    "  -p, --workers LIST  worker counts: 1,2,4  1..8  max (default: 1, 2, 4, ... below the\n"
    "                      number of usable cores, and that number); serial always runs p=1\n"
    "  -c, --class C       problem class S, W, A, B, C (default W; sizes: 'pk list')\n"
    "  -n, --size N        exact problem size instead of a class (1000000 or 1e6)\n"
    "  -r, --reps N        timed reps per configuration (default 10)\n"
    "  -w, --warmup N      untimed reps before them (default 1)\n"
    "      --seed S        seed of the counter-based inputs (default 1)\n"
    "      --timeout S     seconds before a configuration is killed as TIMEOUT\n"
    "                      (default 600; 0: no limit)\n"
    "      --launcher CMD  MPI launcher (default: srun inside a SLURM allocation, else mpirun);\n"
    "                      pk adds -np, and for Open MPI --oversubscribe when ranks exceed the\n"
    "                      cores and --allow-run-as-root as root\n"
    "      --format F      table or csv on stdout (default table)\n"
    "  -o, --output FILE   also write the results as CSV to FILE, whole or not at all\n"
    "  -h, --help          this text\n"
    "Kernel options apply to the kernels that have them ('pk list' shows them).\n"
    "Exit status: 0 every configuration verified; 1 one failed, timed out or disagreed\n"
    "(the others still run); 2 usage error; 130/143 interrupted (results so far are kept).\n";

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
    O_HELP
};

static const struct opt run_opts[] = {
    {O_MODELS, 'm', "models", true},
    {O_WORKERS, 'p', "workers", true},
    {O_CLASS, 'c', "class", true},
    {O_SIZE, 'n', "size", true},
    {O_REPS, 'r', "reps", true},
    {O_WARMUP, 'w', "warmup", true},
    {O_SEED, 0, "seed", true},
    {O_TIMEOUT, 0, "timeout", true},
    {O_LAUNCHER, 0, "launcher", true},
    {O_FORMAT, 0, "format", true},
    {O_OUTPUT, 'o', "output", true},
    {O_HELP, 'h', "help", false},
    {0, 0, NULL, false},
};

#define MAX_PARAM_ARGS 16

struct run_request {
    const struct pk_kernel *kernels[64];
    int nkernels;
    bool models[PK_NMODEL], models_given;
    int workers[PK_MAX_WORKER_LIST], nworkers;
    enum pk_class cls;
    long long n; /* 0: by class */
    unsigned long long seed;
    bool csv;
    const char *output;
    char param_name[MAX_PARAM_ARGS][64];
    const char *param_value[MAX_PARAM_ARGS];
    int nparams;
};

static struct pk_child_control control;
static volatile sig_atomic_t signal_seen;

/* First SIGINT/SIGTERM: stop launching and end the running configuration. Second: leave now. */
static void on_signal(int sig)
{
    if (signal_seen) {
        if (control.pgid)
            kill(-control.pgid, SIGKILL);
        _exit(128 + sig);
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

static void default_workers(struct run_request *q, int cores)
{
    q->nworkers = 0;
    for (int p = 1; p < cores && q->nworkers < PK_MAX_WORKER_LIST - 1; p *= 2)
        q->workers[q->nworkers++] = p;
    q->workers[q->nworkers++] = cores;
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
    default_workers(q, l->cores);
    opt_begin(&s, argc, argv, 1, run_opts, true);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        long long v;
        switch (id) {
        case OPT_ERROR:
            pk_usage_error("%s (see 'pk run --help')", err);
        case OPT_ARG:
            add_kernel(q, s.value);
            break;
        case OPT_PARAM:
            if (q->nparams == MAX_PARAM_ARGS)
                pk_usage_error("too many kernel options");
            for (int i = 0; i < q->nparams; i++)
                if (strcmp(q->param_name[i], s.name_buf) == 0)
                    pk_usage_error("option '--%s' is given twice", s.name_buf);
            snprintf(q->param_name[q->nparams], sizeof q->param_name[0], "%s", s.name_buf);
            q->param_value[q->nparams++] = s.value;
            break;
        case O_MODELS:
            if (pk_model_parse_list(s.value, q->models, err, sizeof err))
                pk_usage_error("%s", err);
            q->models_given = true;
            break;
        case O_WORKERS:
            if (pk_cli_parse_workers(s.value, l->cores, q->workers, &q->nworkers, err, sizeof err))
                pk_usage_error("%s", err);
            break;
        case O_CLASS:
            if (pk_class_parse(s.value, &q->cls))
                pk_usage_error("unknown class '%s' (one of S, W, A, B, C)", s.value);
            class_given = true;
            break;
        case O_SIZE:
            if (pk_cli_parse_count("size", s.value, 1, 1LL << 62, &q->n, err, sizeof err))
                pk_usage_error("%s", err);
            break;
        case O_REPS:
            if (pk_cli_parse_int("reps", s.value, 1, PK_MAX_REPS, &l->reps, err, sizeof err))
                pk_usage_error("%s", err);
            break;
        case O_WARMUP:
            if (pk_cli_parse_int("warm-up reps", s.value, 0, PK_MAX_REPS, &l->warmup, err,
                                 sizeof err))
                pk_usage_error("%s", err);
            break;
        case O_SEED:
            if (pk_cli_parse_count("seed", s.value, 0, 1LL << 62, &v, err, sizeof err))
                pk_usage_error("%s", err);
            q->seed = (unsigned long long)v;
            break;
        case O_TIMEOUT:
            if (pk_cli_parse_seconds("timeout", s.value, &l->timeout_s, err, sizeof err))
                pk_usage_error("%s", err);
            break;
        case O_LAUNCHER:
            if (strspn(s.value, " ") == strlen(s.value))
                pk_usage_error("launcher is empty");
            if (strlen(s.value) >= sizeof l->launcher)
                pk_usage_error("launcher '%.40s...' is too long", s.value);
            snprintf(l->launcher, sizeof l->launcher, "%s", s.value);
            l->launcher_given = true;
            break;
        case O_FORMAT:
            if (strcmp(s.value, "table") && strcmp(s.value, "csv"))
                pk_usage_error("unknown format '%s' (table or csv)", s.value);
            q->csv = strcmp(s.value, "csv") == 0;
            break;
        case O_OUTPUT:
            if (!*s.value)
                pk_usage_error("output file name is empty");
            q->output = s.value;
            break;
        case O_HELP:
            fputs(run_usage, stdout);
            exit(pk_finish_stdout(0));
        }
    }
    if (class_given && q->n)
        pk_usage_error("give a class (-c) or a size (-n), not both");
    if (q->nkernels == 0)
        for (int i = 0; i < pk_nkernels; i++)
            q->kernels[q->nkernels++] = &pk_kernels[i];
}

/* Chooses the models: the ones asked for (all must be available) or every available one. */
static void choose_models(struct run_request *q, const struct pk_launch *l)
{
    char why[512];
    bool mpi_ok = pk_launch_mpi_available(l, why, sizeof why);

    if (l->launcher_given && !mpi_ok && (!q->models_given || q->models[PK_MPI]))
        pk_usage_error("cannot run the mpi model: %s", why);
    if (!q->models_given) {
        for (int m = 0; m < PK_NMODEL; m++)
            q->models[m] = true;
        if (!mpi_ok) {
            q->models[PK_MPI] = false;
            fprintf(stderr, "pk: mpi model skipped: %s\n", why);
        }
    } else if (q->models[PK_MPI] && !mpi_ok) {
        pk_usage_error("cannot run the mpi model: %s", why);
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

static int plan(const struct run_request *q, struct pk_config **out)
{
    int cap = q->nkernels * (1 + PK_NMODEL * q->nworkers), n = 0;
    struct pk_config *cfgs = calloc((size_t)cap, sizeof *cfgs);
    char err[256];

    if (!cfgs)
        pk_usage_error("out of memory for %d configurations", cap);
    for (int k = 0; k < q->nkernels; k++) {
        const struct pk_kernel *kernel = q->kernels[k];
        long long size = q->n ? q->n : kernel->size[q->cls];
        for (int m = 0; m < PK_NMODEL; m++) {
            if (!q->models[m])
                continue;
            for (int w = 0; w < (m == PK_SERIAL ? 1 : q->nworkers); w++) {
                struct pk_config *c = &cfgs[n++];
                pk_case_init(&c->spec, kernel, (enum pk_model)m, m == PK_SERIAL ? 1 : q->workers[w],
                             size);
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
    *out = cfgs;
    return n;
}

/* Marks DISAGREE every verified configuration whose result differs from the serial one's. */
static void check_agreement(struct pk_config *cfgs, int n)
{
    for (int i = 0; i < n; i++) {
        struct pk_record *r = &cfgs[i].rec;
        const struct pk_config *base = pk_report_baseline(cfgs, n, &cfgs[i]);
        const struct pk_record *ref = base ? &base->rec : NULL;
        for (int j = 0; !ref && j < n; j++) /* no serial: the first verified one is the base */
            if (cfgs[j].spec.kernel == cfgs[i].spec.kernel && cfgs[j].ran &&
                cfgs[j].rec.status == PK_STATUS_OK)
                ref = &cfgs[j].rec;
        if (!cfgs[i].ran || r->status != PK_STATUS_OK || !ref || ref == r)
            continue;
        if (!pk_results_agree(cfgs[i].spec.kernel, ref->result, r->result)) {
            r->status = PK_STATUS_DISAGREE;
            snprintf(r->detail, sizeof r->detail, "result %.100s differs from %s p=%d's %.100s",
                     r->result, ref->model, ref->workers, ref->result);
        }
    }
}

static void progress(int i, int n, const struct pk_config *c)
{
    fprintf(stderr, "\r\033[K[%d/%d] %s %s p=%d n=%lld", i + 1, n, c->spec.kernel->name,
            pk_model_name(c->spec.model), c->spec.workers, c->spec.n);
    fflush(stderr);
}

static int write_output(const char *path, const struct pk_config *cfgs, int n)
{
    struct pk_outfile o;
    char err[512];
    if (pk_outfile_open(&o, path, err, sizeof err) || pk_report_csv(o.f, cfgs, n) ||
        pk_outfile_commit(&o, err, sizeof err)) {
        if (o.f)
            pk_outfile_abort(&o);
        fprintf(stderr, "pk: %s\n", err);
        return -1;
    }
    return 0;
}

int cmd_run(int argc, char **argv)
{
    struct run_request q;
    struct pk_launch l;
    struct pk_config *cfgs;
    char err[512];
    bool tty = isatty(STDERR_FILENO), failed = false;
    int n;

    pk_launch_init(&l);
    parse_request(argc, argv, &q, &l);
    check_params_used(&q);
    choose_models(&q, &l);
    if (q.output && pk_outfile_probe(q.output, err, sizeof err))
        pk_usage_error("%s", err);
    n = plan(&q, &cfgs);

    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    for (int i = 0; i < n && !signal_seen; i++) {
        if (tty)
            progress(i, n, &cfgs[i]);
        pk_launch_run(&l, &cfgs[i], &control);
    }
    if (tty)
        fputs("\r\033[K", stderr);
    check_agreement(cfgs, n);
    for (int i = 0; i < n; i++)
        failed |= cfgs[i].ran && pk_status_is_failure(cfgs[i].rec.status);

    if (q.csv)
        pk_report_csv(stdout, cfgs, n);
    else
        pk_report_table(stdout, cfgs, n, isatty(STDOUT_FILENO));
    if (q.output && write_output(q.output, cfgs, n))
        failed = true;
    free(cfgs);
    if (signal_seen) {
        fprintf(stderr, "pk: interrupted; the results above are what was measured\n");
        fflush(stdout);
        return 128 + signal_seen;
    }
    return pk_finish_stdout(failed ? 1 : 0);
}
