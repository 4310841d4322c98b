/*
 * pk run's private parts, shared by its files: its options and usage (run_options.c), the
 * request its command line makes (run_request.c), the plan and launch order built from it
 * (run_plan.c), the merging of launches and the models' agreement (run_merge.c), and the progress
 * line (run_progress.c). cmd_run.c holds the top-level flow and the writing of results.
 */
#ifndef PK_RUN_REQUEST_H
#define PK_RUN_REQUEST_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "pk.h"

#define MAX_PARAM_ARGS 16
#define MAX_OUTPUTS    8

enum order { ORDER_GROUPED, ORDER_INTERLEAVE, ORDER_RANDOM };

/* "grouped", "interleave", "random": the --order values, also the options column's order */
extern const char *const run_order_names[];

struct run_request {
    const struct pk_kernel *kernels[64];
    int nkernels;
    bool models[PK_NMODEL], models_given;
    int workers[PK_MAX_WORKER_LIST], nworkers;
    bool workers_given;
    int threads; /* models with rank teams (hybrid): threads per rank */
    bool threads_given;
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

/* One launch: a configuration (index into the plan) and the reps it runs. */
struct launch_step {
    int cfg, reps;
};

/* The ids of pk run's options (run_options.c); O_NOPT counts them, plus one. */
enum run_option {
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

struct opt_doc;

/* run_options.c */

/* The option table of pk run, ending with an id of 0. */
const struct opt_doc *run_option_docs(void);

/* True if option id may be given more than once (its table entry says so). */
bool run_option_repeats(int id);

/* Prints pk run's usage, its option lines from the table. */
void run_usage(FILE *f);

/* run_request.c */

/*
 * Fills q and l from pk run's command line (argv[0] is "run"); --help prints the usage and
 * exits 0, a bad option or value exits 2 with a one-line reason.
 */
void run_parse_request(int argc, char **argv, struct run_request *q, struct pk_launch *l);

/* Refuses (exit 2) a kernel option that none of the kernels to run has. */
void run_check_params_used(const struct run_request *q);

/* A positive count from a SLURM variable, or fallback when it is unset or not a count. */
int run_slurm_count(const char *name, int fallback);

/* run_plan.c */

/* Chooses the models: the ones asked for (all must be available) or every available one. */
void run_choose_models(struct run_request *q, const struct pk_launch *l);

/* The configurations (kernels x models x workers) into *out; returns how many (>= 1). */
int run_plan(const struct run_request *q, struct pk_config **out);

/*
 * Warns on f, once per kernel and model, where a configuration would run for minutes by the
 * rate its runner gave (pk_model_rep_seconds: the interpreted models), naming the size that
 * fits in about a minute. -n stays the user's: nothing is changed or refused.
 */
void run_warn_sizes(FILE *f, const struct pk_launch *l, const struct pk_config *cfgs, int n);

/* The launches of n configurations of reps each, in the order q asks; their count in *nsteps. */
struct launch_step *run_schedule(const struct run_request *q, int reps, int n, int *nsteps);

/* run_merge.c */

/* Adds one launch's outcome to its configuration's accumulated result. */
void run_merge(struct pk_config *cfg, const struct pk_result *add);

/* --until-ci: notes in the detail of a configuration that gave up, with the interval it got. */
void run_note_until_ci(struct pk_config *cfg, const struct pk_launch *l);

/* Marks DISAGREE the verified configurations whose result differs from the reference's. */
void run_check_agreement(struct pk_config *cfgs, int n);

/* Copies the results of the configurations that ran, in plan order, into out; returns how many. */
int run_collect(const struct pk_config *cfgs, int n, struct pk_result *out);

/* run_progress.c */

/* Starts the progress line (on stderr) for nsteps launches when on; else it stays silent. */
void run_progress_start(bool on, int nsteps);

/* True when the progress line is on. */
bool run_progress_on(void);

/* Shows launch step (0-based) of configuration cfg starting. */
void run_progress_step(int step, const struct pk_config *cfg);

/* A runner's stderr line "pk-progress K N": shows rep K of N (a pk_child_control hook). */
void run_progress_line(void *arg, const char *line);

/* Clears the progress line. */
void run_progress_end(void);

#endif
