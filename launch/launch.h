/* How pk starts one configuration in a runner (pk-run, or pk-mpi through a launcher). */
#ifndef PK_LAUNCH_H
#define PK_LAUNCH_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "child.h"
#include "pk_kernel.h"
#include "results.h"

/* Where pk finds its runners and how it starts a configuration. */
struct pk_launch {
    char dir[PATH_MAX];      /* where the runners are: beside pk, or $PK_RUNNER_DIR */
    char run_path[PATH_MAX]; /* bin/pk-run beside pk */
    char mpi_path[PATH_MAX]; /* bin/pk-mpi beside pk */
    char launcher[512];      /* the MPI launcher command, words separated by spaces */
    bool launcher_given;     /* from --launcher rather than the default */
    int cores;
    double timeout_s;
    int reps, warmup;
    double until_ci; /* --until-ci PCT; reps is then the most */
    enum pk_bind bind;
    enum pk_pages pages;                         /* --pages: passed to the runners when huge */
    char host[64], run[64], commit[64], job[64]; /* context keys of every row */
    char *user_omp[2];                           /* the caller's OMP_PROC_BIND, OMP_PLACES */
};

/* One configuration of a pk run: what to run and, once it ran, what came back. */
struct pk_config {
    struct pk_case spec; /* kernel, model, workers, n, seed, parameters */
    bool by_class;       /* n came from the class */
    enum pk_class cls;
    bool ran;             /* at least one launch finished (was not interrupted) */
    struct pk_result res; /* the runner's record, or pk's account of what went wrong */
};

/* Fills the runner paths, the default launcher (srun in a SLURM allocation, else mpirun). */
void pk_launch_init(struct pk_launch *l);

/*
 * Checks pk's environment before a run: PK_RUNNER_DIR, when set, must hold pk-run, and
 * PK_FAULT must parse. Returns 0, or -1 with a one-line reason naming the variable in err.
 */
int pk_launch_check_env(const struct pk_launch *l, char *err, size_t errlen);

/* The most words --launcher may have (pk adds its own flags and the runner's argv to them). */
#define PK_LAUNCHER_MAX_WORDS 48

/*
 * Sets the launcher command (words separated by spaces). Returns 0, or -1 with a one-line
 * reason in err when it is empty, too long or has more than PK_LAUNCHER_MAX_WORDS words.
 */
int pk_launch_set_launcher(struct pk_launch *l, const char *text, char *err, size_t errlen);

/*
 * True if model m can run here, as its runner kind decides: pk-run always; a launcher when it
 * and pk-mpi are there; an interpreter when it and its program are, and the program listed its
 * kernels (which pk_model_has_kernel then answers from). Else false with the reason in why.
 */
bool pk_launch_available(const struct pk_launch *l, enum pk_model m, char *why, size_t len);

/* launch_interp.c: an interpreted model's availability, asked of its runner once per process. */
bool pk_launch_interpreter_available(const struct pk_launch *l, enum pk_model m, char *why,
                                     size_t len);

/* The interpreter that runs model m, and in *program the runner program it runs (static). */
const char *pk_launch_interpreter_words(const struct pk_launch *l, enum pk_model m,
                                        const char **program);

/*
 * Runs cfg once in a child process with `reps` timed reps and fills *out (a record, or pk's
 * account of a failure: timeout, crash, no or bad result line). Returns false when it was
 * interrupted (ctl->stop) before it finished.
 */
bool pk_launch_run(const struct pk_launch *l, const struct pk_config *cfg, int reps,
                   struct pk_child_control *ctl, struct pk_result *out);

#endif
