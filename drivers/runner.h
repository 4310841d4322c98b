/* What the runners pk-run and pk-mpi share: their command line and their last words. */
#ifndef PK_RUNNER_H
#define PK_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "pk_kernel.h"

#define RUNNER_MAX_POSITIONAL 4

struct runner_args {
    const char *positional[RUNNER_MAX_POSITIONAL];
    int npositional;
    int reps, warmup;
    unsigned long long seed;
    enum pk_bind bind;
    enum pk_pages pages;
    double until_ci;
    int threads; /* pk-mpi --threads T: the hybrid model; 0 when not given */
    char param_name[PK_MAX_PARAMS * 4][64];
    const char *param_value[PK_MAX_PARAMS * 4];
    int nparams;
    bool help;
};

/*
 * Scans a runner's command line: positional words, -r/--reps (with --until-ci: the most reps),
 * -w/--warmup, --seed, --bind, --pages, --until-ci PCT, -h/--help and kernel parameters (--NAME VALUE).
 * Returns 0, or -1 with a one-line reason in err.
 */
int runner_scan(int argc, char **argv, struct runner_args *a, char *err, size_t errlen);

/* Parses the positional size; 0, or -1 with a reason in err. */
int runner_parse_size(const char *text, long long *n, char *err, size_t errlen);

/*
 * Applies the seed, placement, stopping rule and parameters to c (a parameter the kernel lacks
 * is an error); progress lines go to stderr when PK_PROGRESS is set (pk sets it).
 */
int runner_apply(const struct runner_args *a, struct pk_case *c, char *err, size_t errlen);

/*
 * Prints rec as the result line on stdout, with elapsed time since `started`, and returns the
 * runner's exit status: 0 for ok, race or skipped; 1 for a failure or an output error.
 */
int runner_finish(struct pk_record *rec, double started);

/* Prints "PROGRAM: MESSAGE" to stderr. */
void runner_error(const char *program, const char *message);

#endif
