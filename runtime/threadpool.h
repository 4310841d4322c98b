/*
 * The thread pool: POSIX threads created once per runner and woken for each task, so a rep
 * times the work and not pthread_create (the spawn kernel measures creation on its own).
 * Threads share all memory: a task writes its partial result straight into a per-worker slot.
 */
#ifndef PK_THREADPOOL_H
#define PK_THREADPOOL_H

#include <stddef.h>

/* A task: worker `worker` of `workers` does its share of `arg`. Returns 0, non-zero to fail. */
typedef int (*pk_threadpool_fn)(void *arg, int worker, int workers);

struct pk_threadpool;

/* Creates `workers` threads. Returns 0 with *pool set, or -1 with the reason in err. */
int pk_threadpool_start(struct pk_threadpool **pool, int workers, char *err, size_t errlen);

/*
 * Runs fn(arg, w, workers) on every worker thread and waits for all of them. Returns 0, or the
 * first non-zero status a worker returned.
 */
int pk_threadpool_run(struct pk_threadpool *pool, pk_threadpool_fn fn, void *arg);

/* Ends and joins the threads and frees the pool; pool may be NULL. */
void pk_threadpool_stop(struct pk_threadpool *pool);

#endif
