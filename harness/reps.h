/*
 * The rep loop: warm-up and timed reps of one prepared configuration, each reset, run, timed
 * and verified, folded into its result record. Every runner times its reps with it: pk-run
 * (through pk_case_execute) and pk-mpi, which fills in the hooks where ranks differ from one
 * process.
 */
#ifndef PK_REPS_H
#define PK_REPS_H

#include <stdbool.h>

#include "harness.h"

/*
 * What a runner plugs into the loop. Only run is required; a NULL hook means "as in one
 * process": the process's own clock, time, rc and decision.
 */
struct pk_reps {
    void *ctx; /* the runner's state, passed to every hook */
    /* one rep of c: 0, PK_SKIP, or negative with the reason in c->error */
    int (*run)(void *ctx, struct pk_case *c);
    /* before a rep's clock starts; index counts from 0 over warm-up and timed reps */
    void (*before)(void *ctx, int index);
    double (*clock)(void); /* seconds; NULL: pk_timer_now */
    /* the rep's time, from this process's: e.g. the maximum over ranks */
    double (*slowest)(void *ctx, double seconds);
    /* untimed, after a rep that returned 0: e.g. bring what verification needs to rank 0 */
    int (*after)(void *ctx, struct pk_case *c);
    /*
     * one decision from every process's rc: returns the process (rank) whose failure counts,
     * or -1 if none failed, with its rc in *rc and its reason in c->error where rec is filled
     */
    int (*agree)(void *ctx, struct pk_case *c, int *rc);
    /* the decision of the process that fills rec to go on, given to every process */
    bool (*share)(void *ctx, bool go_on);
    /* the least and most share of huge pages over every process, from this one's */
    void (*span)(void *ctx, double share, double *lo, double *hi);
    bool follower; /* this process neither verifies nor fills rec (an mpi rank but 0) */
    /* why the workers' blocks do not tile [0, n) ("" when they do), judged with every rep */
    const char *partition;
};

/*
 * Runs `warmup` untimed and then `reps` timed reps of c (prepared, its pool started) as h
 * says: before each, the kernel's reset; after each, its verify and pk_verdict_cover, folded
 * into rec by pk_record_add_verdict (its times, status, result and detail), and the progress
 * line when c->progress is set. Stops at the first failure, or once c->until_ci is met. Then
 * sets rec's rate and pages. rec has been described (pk_record_describe) by the caller.
 */
void pk_reps_run(struct pk_case *c, const struct pk_reps *h, int warmup, int reps,
                 struct pk_record *rec);

#endif
