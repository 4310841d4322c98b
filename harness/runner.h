/* What the runners pk-run and pk-mpi share: their command line and their last words. */
#ifndef PK_RUNNER_H
#define PK_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "harness.h"

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
 * -w/--warmup, --seed, --bind, --pages, --until-ci PCT, -h/--help and kernel parameters (--NAME
 * VALUE). Returns 0, or -1 with a one-line reason in err.
 */
int runner_scan(int argc, char **argv, struct runner_args *a, char *err, size_t errlen);

/*
 * The checks of the values pk run takes and passes on to its runners, one each, so that pk and
 * a runner refuse the same values with the same words. Each parses text into its output and
 * returns 0, or returns -1 with a one-line reason naming the value in err (strict numbers:
 * pk_cli_parse_*). size: a count >= 1; reps: 1..PK_MAX_REPS; warmup: 0..PK_MAX_REPS; seed:
 * 0..2^62; bind: none, close or spread; pages: normal or huge; until_ci: a percentage in
 * (0, 100); threads: threads per rank, 1..PK_MAX_WORKERS.
 */
int runner_parse_size(const char *text, long long *n, char *err, size_t errlen);
int runner_parse_reps(const char *text, int *reps, char *err, size_t errlen);
int runner_parse_warmup(const char *text, int *warmup, char *err, size_t errlen);
int runner_parse_seed(const char *text, unsigned long long *seed, char *err, size_t errlen);
int runner_parse_bind(const char *text, enum pk_bind *bind, char *err, size_t errlen);
int runner_parse_pages(const char *text, enum pk_pages *pages, char *err, size_t errlen);
int runner_parse_until_ci(const char *text, double *pct, char *err, size_t errlen);
int runner_parse_threads(const char *text, int *threads, char *err, size_t errlen);

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
