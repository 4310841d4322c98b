/*
 * What the harness does with one configuration in one process: plan it (parameters, checks),
 * prepare it (arena, setup), run it start to end (pk_case_execute: pool, placement, the rep
 * loop of reps.c) and fill its result record from its verdicts.
 */
#ifndef PK_HARNESS_H
#define PK_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

#include "pk_kernel.h"
#include "record.h"

/* Sets c to the configuration (k, model, workers, n) with default parameters and seed 1. */
void pk_case_init(struct pk_case *c, const struct pk_kernel *k, enum pk_model model, int workers,
                  long long n);

/*
 * Sets parameter `name` of c's kernel from text (a choice word or a whole number). Returns 0;
 * 1 if the kernel has no such parameter (the caller decides whether that is an error); or -1
 * with a reason in err when the value is not allowed.
 */
int pk_case_set_param(struct pk_case *c, const char *name, const char *value, char *err,
                      size_t errlen);

/*
 * Checks that c's kernel reads its option `name` under c's other parameters (a pk_param's
 * only_with: mandelbrot's --chunk under --schedule dynamic alone): 0; or -1 with the reason in
 * err, for an option that the user gave and that would change nothing.
 */
int pk_case_check_param_read(const struct pk_case *c, const char *name, char *err, size_t errlen);

/* Writes c's parameters as "name:value/..." ("-" if the kernel has none) to buf. */
void pk_case_params_text(const struct pk_case *c, char *buf, size_t len);

/*
 * Checks that c can run before anything is allocated: n within [1, max_size], the memory that
 * it needs within the cgroup's limit, what is available now and 80% of the machine's memory.
 * Returns 0, or -1 with a one-line reason in err.
 */
int pk_case_check(const struct pk_case *c, char *err, size_t errlen);

struct pk_sys_memory;
/*
 * The memory part of pk_case_check: need bytes against each limit that m knows (the cgroup's
 * memory.max, MemAvailable, 80% of MemTotal; -1 is unknown). Returns 0, or -1 with a reason
 * that names the limit which refused.
 */
int pk_case_check_memory(const struct pk_case *c, double need, const struct pk_sys_memory *m,
                         char *err, size_t errlen);

/*
 * Maps the arena and runs the kernel's setup; first runs the model's check (its descriptor's
 * hook: openmp and hybrid check that OpenMP will run the team asked for, pk_team_check).
 * Returns 0, or -1 with the reason in err.
 */
int pk_case_prepare(struct pk_case *c, char *err, size_t errlen);

/* Unmaps the arena, and with it everything setup allocated. */
void pk_case_release(struct pk_case *c);

/*
 * True if two results of kernel k agree: equal text when k->tolerance is 0, else a relative
 * difference within k->tolerance.
 */
bool pk_results_agree(const struct pk_kernel *k, const char *a, const char *b);

/*
 * The harness's own checks of a rep, after the kernel's verify (whose failure wins): an ok
 * verdict becomes failed when `partition` (the reason the model's partition does not tile
 * [0, n), from pk_case_partition or pk-mpi's gather; "" when it does) is set, or when the check
 * did not cover all n items (v->covered != c->n).
 */
void pk_verdict_cover(const struct pk_case *c, struct pk_verdict *v, const char *partition);

/*
 * Checks the block partition the workers of c's model use, through its descriptor's hook:
 * pk_partition_block(n, p, w) for every worker w must tile [0, n) (threads, fork and openmp:
 * p = workers; serial: none). Returns 0, or -1 with the reason in err. pk-mpi gathers each
 * rank's own block instead.
 */
int pk_case_partition(const struct pk_case *c, char *err, size_t errlen);

/*
 * Folds the verdict of rep `index` (0-based over warm-up and timed reps) into rec: the first
 * failure wins and is prefixed with its rep; a result that differs from an earlier rep's is a
 * failure (a kernel must be deterministic). Returns true if the run should go on.
 */
bool pk_record_add_verdict(struct pk_record *rec, const struct pk_kernel *k, int index,
                           const struct pk_verdict *v);

/*
 * Marks rec as status with the reason why, prefixed "rank W: " when who >= 0 (the rank whose
 * failure it is; -1 in one process).
 */
void pk_record_fail(struct pk_record *rec, enum pk_status status, int who, const char *why);

/* Fills rec's identity fields (kernel, model, p, n, params, seed, reps, warm-up) from c. */
void pk_record_describe(struct pk_record *rec, const struct pk_case *c, int warmup);

/* True once rec's reps give a 95% CI of the median within pct percent of it either way. */
bool pk_record_precise(const struct pk_record *rec, double pct);

/*
 * Sets rec->pages from the share of c's arena in huge pages, lo and hi its least and most over
 * the processes that hold one (pk_arena_huge_share; lo < 0: unknown). With --pages huge where
 * the arena cannot have them, an ok row's detail says why.
 */
void pk_record_set_pages(struct pk_record *rec, const struct pk_case *c, double lo, double hi);

/* Sets rec->rate from the median of its times, when the kernel reports a figure. */
void pk_record_set_rate(struct pk_record *rec, const struct pk_case *c);

/*
 * Runs one in-process configuration (serial, openmp, threads or fork) start to end: prepare,
 * start the model's pool, `warmup` untimed and `reps` timed reps each verified, stop, release.
 * The outcome, failures included, is in rec.
 */
void pk_case_execute(struct pk_case *c, int warmup, int reps, struct pk_record *rec);

#endif
