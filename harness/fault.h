/*
 * Test-only fault injection. The runners read PK_FAULT from the environment; unset, nothing
 * here does anything. It makes the failure paths deterministic to test:
 *
 *   PK_FAULT=KIND[,kernel=NAME][,model=MODEL][,worker=W][,task=K]
 *
 * KIND   drop      pk_partition_block drops the last item of the last worker's block: a
 *                  wrong implementation that every check must catch. The kernel's own check
 *                  does where the model partitions with it (threads, fork, mpi, hybrid, and
 *                  openmp where it splits by blocks); the harness's coverage check
 *                  (pk_verdict_cover: the workers' blocks must tile [0, n)) fails every
 *                  other model but serial, which has no partition
 *        crash     the worker raises SIGSEGV          (fork worker, mpi rank)
 *        abort     the worker calls abort()           (fork worker, mpi rank)
 *        exit      the worker exits with status 3     (fork worker, mpi rank)
 *        hang      the worker waits forever           (fork worker, mpi rank)
 *        badline   the runner prints a malformed result line
 *        noline    the runner prints no result line and exits 0
 *        truncate  the runner prints its result line cut short
 *        wrong     the runner reports a result other than the one it verified (a "1" before
 *                  it): every rep passes, so only pk's check that the models agree catches it
 *                  (DISAGREE): it needs a second model beside it (alone, nothing can see it);
 *                  give model= so that the other models stay right
 * worker: which worker or rank (default 0); task: the K-th task that worker runs, from 1
 * (default 1): for an mpi rank the K-th rep, warm-up included; for a pool worker the K-th
 * task of its pool, where task 1 places the workers, then come the kernel's init (if it has
 * one) and the reps; kernel, model: only for those.
 */
#ifndef PK_FAULT_H
#define PK_FAULT_H

#include <stdbool.h>
#include <stddef.h>

enum pk_fault_kind {
    PK_FAULT_NONE,
    PK_FAULT_DROP,
    PK_FAULT_CRASH,
    PK_FAULT_ABORT,
    PK_FAULT_EXIT,
    PK_FAULT_HANG,
    PK_FAULT_BADLINE,
    PK_FAULT_NOLINE,
    PK_FAULT_TRUNCATE,
    PK_FAULT_WRONG,
};

struct pk_fault {
    enum pk_fault_kind kind;
    char kernel[32], model[16]; /* "" matches any */
    int worker;                 /* worker or rank */
    long task;                  /* 1-based */
};

/* The fault in force for this process; kind PK_FAULT_NONE unless a runner loaded one. */
extern struct pk_fault pk_fault;

/* Parses spec as PK_FAULT would be parsed. Returns 0, or -1 with a one-line reason in err. */
int pk_fault_check(const char *spec, char *err, size_t errlen);

/*
 * Loads PK_FAULT for a runner of (kernel, model): keeps it only when it names them (or names
 * none). Returns 0, or -1 with the reason in err when PK_FAULT is set but malformed.
 */
int pk_fault_load(const char *kernel, const char *model, char *err, size_t errlen);

/* Puts f in force: pk_fault, and the runtime's seams (seams.h) that carry it out. */
void pk_fault_set(const struct pk_fault *f);

/* Called by worker `worker` before its `task`-th task: carries out crash/abort/exit/hang. */
void pk_fault_worker(int worker, long task);

/* True if the fault is `kind` (the runners' own faults: badline, noline, truncate, wrong). */
bool pk_fault_is(enum pk_fault_kind kind);

#endif
