/*
 * The fork pool: the C form of the tutorial's mp.Pool plus mp.Queue. Worker processes are
 * fork()ed once; each run sends every worker the same task through its own task pipe and
 * collects one fixed-size result per worker through its result pipe.
 *
 * Workers are snapshots of the parent at pk_forkpool_start(): they see the case as it was then,
 * and share with it only MAP_SHARED memory (the arena). Start the pool after setup, keep
 * everything a task writes in the arena or in its result, and never use OpenMP in a process
 * before it forks (libgomp hangs in such a child).
 */
#ifndef PK_FORKPOOL_H
#define PK_FORKPOOL_H

#include <stddef.h>

/*
 * A task: worker `worker` of `workers` does its share of the work on `arg` and may write up
 * to the run's result_size bytes to `out` (zeroed beforehand). Returns 0, or non-zero to fail.
 */
typedef int (*pk_forkpool_fn)(void *arg, int worker, int workers, void *out);

struct pk_forkpool;

#define PK_FORKPOOL_MAX_RESULT (1u << 20)

/*
 * Forks `workers` worker processes. Returns 0 with *pool set, or -1 with the reason in err (no
 * worker is left running then). Workers die with the parent (PR_SET_PDEATHSIG).
 */
int pk_forkpool_start(struct pk_forkpool **pool, int workers, char *err, size_t errlen);

/*
 * Runs fn(arg, w, workers, out) in every worker and copies worker w's out into
 * results + w * result_size (result_size <= PK_FORKPOOL_MAX_RESULT; results may be NULL when
 * result_size is 0). Returns 0 when every worker returned 0. Returns -1 with a reason in err
 * when a task failed, or when a worker died; then every worker is killed and reaped and the
 * pool refuses further runs.
 */
int pk_forkpool_run(struct pk_forkpool *pool, pk_forkpool_fn fn, void *arg, void *results,
                    size_t result_size, char *err, size_t errlen);

/*
 * Ends the workers (closing their task pipes), reaps them, closes every descriptor and frees the
 * pool; pool may be NULL. Returns 0, or -1 with a reason in err if a worker ended badly.
 */
int pk_forkpool_stop(struct pk_forkpool *pool, char *err, size_t errlen);

#endif
