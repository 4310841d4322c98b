/*
 * pk run's plan: which models run (asked for, or every available one), the configurations
 * (kernels x models x worker counts, each checked before anything runs) and the order of the
 * launches. Models are told apart by their facts (model.h), never by name.
 */
#include "cmd_run.h"

#include <stdlib.h>
#include <string.h>

#include "run_names.h"

/* True if model m runs in this plan: asked for, or when none were, a default one. */
static bool wanted(const struct run_request *q, enum pk_model m)
{
    return q->models_given ? q->models[m] : !pk_model_facts(m)->on_request;
}

/*
 * The models of the plan, each available as its runner kind says (pk_launch_available). A model
 * asked for by name, or a launcher given for it, that cannot run is a usage error; one of the
 * default set is skipped with the reason.
 */
void run_choose_models(struct run_request *q, const struct pk_launch *l)
{
    char why[512];

    for (int m = 0; m < PK_NMODEL; m++) {
        const char *name = pk_model_name((enum pk_model)m);
        /* the default set: every model but those that run only when named (hybrid, python) */
        q->models[m] = wanted(q, (enum pk_model)m);
        if (!q->models[m] || pk_launch_available(l, (enum pk_model)m, why, sizeof why))
            continue;
        if (q->models_given || (l->launcher_given && pk_model_facts((enum pk_model)m)->distributed))
            pk_usage_error("cannot run the %s model: %s", name, why);
        q->models[m] = false;
        if (!q->quiet)
            fprintf(stderr, "pk: %s model skipped: %s\n", name, why);
    }
    /* an option that no model of the run reads is a mistake to say, as a kernel option is */
    bool launched = false, teams = false;
    for (int m = 0; m < PK_NMODEL; m++) {
        launched |= q->models[m] && pk_model_facts((enum pk_model)m)->distributed;
        teams |= q->models[m] && pk_model_facts((enum pk_model)m)->rank_teams;
    }
    if (l->launcher_given && !launched)
        pk_usage_error("option '--launcher' applies to none of the models to run (mpi, hybrid)");
    if (q->threads_given && !teams)
        pk_usage_error("option '--threads' applies to none of the models to run (hybrid: -m "
                       "hybrid)");
}

/*
 * Sets the kernel options on c; each option must fit at least one kernel of the run, and be
 * read under the others given with it.
 */
static void apply_params(const struct run_request *q, struct pk_case *c)
{
    char err[256];
    for (int i = 0; i < q->nparams; i++)
        if (pk_case_set_param(c, q->param_name[i], q->param_value[i], err, sizeof err) < 0)
            pk_usage_error("%s", err);
    for (int i = 0; i < q->nparams; i++)
        if (pk_case_check_param_read(c, q->param_name[i], err, sizeof err))
            pk_usage_error("%s", err);
}

/*
 * The worker counts of model m: 1 for the baseline (serial); inside a SLURM allocation with no
 * -p, a distributed model runs SLURM_NTASKS ranks (of --threads each where ranks run teams);
 * else the -p list.
 */
static int worker_list(const struct run_request *q, enum pk_model m, int out[])
{
    const struct pk_model_facts *f = pk_model_facts(m);
    int ntasks = run_slurm_count("SLURM_NTASKS", 0);
    if (f->baseline) {
        out[0] = 1;
        return 1;
    }
    if (f->distributed && !q->workers_given && ntasks > 0) {
        out[0] = ntasks * (f->rank_teams ? q->threads : 1);
        return 1;
    }
    memcpy(out, q->workers, (size_t)q->nworkers * sizeof out[0]);
    return q->nworkers;
}

/* Fills configuration c of kernel, model m, p workers; refuses (exit 2) a bad one. */
static void add_config(const struct run_request *q, struct pk_config *c,
                       const struct pk_kernel *kernel, enum pk_model m, int p, long long size)
{
    bool teams = pk_model_facts(m)->rank_teams;
    char err[256];
    if (teams && p % q->threads != 0)
        pk_usage_error("%s p=%d is not a multiple of %s %d (p counts ranks x threads)",
                       pk_model_name(m), p,
                       q->threads_given ? "--threads" : "the threads per rank, SLURM_CPUS_PER_TASK",
                       q->threads);
    pk_case_init(&c->spec, kernel, m, p, size);
    c->spec.threads_per_rank = teams ? q->threads : 1;
    c->spec.seed = q->seed;
    c->by_class = q->n == 0;
    c->cls = q->cls;
    apply_params(q, &c->spec);
    /* refuse now what a runner would refuse later: nothing runs on a bad plan */
    if (pk_case_check(&c->spec, err, sizeof err))
        pk_usage_error("%s", err);
}

int run_plan(const struct run_request *q, struct pk_config **out)
{
    int cap = q->nkernels * (1 + PK_NMODEL * q->nworkers), n = 0;
    struct pk_config *cfgs = calloc((size_t)cap, sizeof *cfgs);
    bool any_kernel[PK_NMODEL] = {false}; /* some kernel of the run has the model */

    if (!cfgs)
        pk_usage_error("out of memory for %d configurations", cap);
    for (int k = 0; k < q->nkernels; k++) {
        const struct pk_kernel *kernel = q->kernels[k];
        long long size = q->n ? q->n : pk_kernel_size(kernel, q->cls);
        for (int m = 0; m < PK_NMODEL; m++) {
            int list[PK_MAX_WORKER_LIST], count = worker_list(q, (enum pk_model)m, list);
            if (!q->models[m] || !pk_model_has_kernel((enum pk_model)m, kernel))
                continue;
            any_kernel[m] = true;
            for (int w = 0; w < count; w++)
                add_config(q, &cfgs[n++], kernel, (enum pk_model)m, list[w], size);
        }
    }
    for (int m = 0; m < PK_NMODEL; m++) {
        char names[256];
        if (q->models[m] && q->models_given && !any_kernel[m])
            pk_usage_error("none of the kernels to run has a%s %s model (%s do)",
                           strchr("aeiou", pk_model_name((enum pk_model)m)[0]) ? "n" : "",
                           pk_model_name((enum pk_model)m),
                           run_names_kernels_with(names, sizeof names, (enum pk_model)m));
    }
    *out = cfgs;
    return n;
}

#define WARN_S 120.0 /* "would run for minutes" */
#define FITS_S 60.0

static void say_seconds(char *buf, size_t len, double s)
{
    if (s < 120)
        snprintf(buf, len, "%.0f s", s);
    else if (s < 7200)
        snprintf(buf, len, "%.0f min", s / 60);
    else
        snprintf(buf, len, "%.1f h", s / 3600);
}

void run_warn_sizes(FILE *f, const struct pk_launch *l, const struct pk_config *cfgs, int n)
{
    int launches = l->warmup + l->reps; /* with --until-ci, reps is the most */
    for (int i = 0; i < n; i++) {
        const struct pk_case *c = &cfgs[i].spec;
        double worst = 0, each;
        bool said = false;
        for (int j = 0; j < n; j++) { /* the kernel and model's slowest p, said at its first */
            const struct pk_case *o = &cfgs[j].spec;
            if (o->kernel != c->kernel || o->model != c->model || o->n != c->n)
                continue;
            said |= j < i;
            each = pk_model_rep_seconds(o->model, o->kernel->name, o->workers, o->n);
            worst = each > worst ? each : worst;
        }
        if (said || worst * launches <= WARN_S)
            continue;
        char total[32], rep[32];
        say_seconds(total, sizeof total, worst * launches);
        say_seconds(rep, sizeof rep, worst);
        double fits = (double)c->n * FITS_S / (worst * launches), unit = 1;
        while (fits >= 100 * unit) /* two significant digits */
            unit *= 10;
        fits = unit * (long long)(fits / unit);
        fprintf(f,
                "pk: %s %s at n = %lld would run for about %s (%d reps of about %s, by the rate "
                "its runner gives); -n %.0f fits in about a minute\n",
                pk_model_name(c->model), c->kernel->name, c->n, total, launches, rep,
                fits > 1 ? fits : 1);
    }
}

/*
 * The launches: (configuration, reps) in the order asked for: grouped, one launch of every
 * rep per configuration; interleave, one rep per launch, configurations in turn, reps rounds;
 * random, the same with each round shuffled (seeded by --seed, so a run can be repeated).
 */
struct launch_step *run_schedule(const struct run_request *q, int reps, int n, int *nsteps)
{
    int rounds = q->order == ORDER_GROUPED ? 1 : reps;
    /* NOLINTNEXTLINE(clang-analyzer-optin.portability.UnixAPI): run_plan() gives n >= 1 */
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
