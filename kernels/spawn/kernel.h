/*
 * spawn: the tutorial's Process create / start / join
 * (p1 = mp.Process(target=job, args=(1, 2)); p1.start(); p1.join()). It measures creation
 * itself, so unlike every other kernel it creates its workers inside the timed rep, on purpose.
 * One rep is n rounds; each round creates p workers that each run job(a, d) with a = the round
 * and d = w + 1, then joins them all. job records both arguments in worker w's slot of the
 * arena. Reference: the closed forms of what every worker must have recorded after n rounds:
 * runs = n, sum of a = n(n-1)/2, d = w + 1, and no run out of turn (each run's a equal to the
 * runs before it, so the worker ran rounds 0, 1, ..., n-1 once each, in order); and the guard
 * slot past the last worker untouched.
 * Exact: the counts are integers, and every model's result text is the same.
 */
#ifndef SPAWN_KERNEL_H
#define SPAWN_KERNEL_H

#include <pthread.h>
#include <stdalign.h>
#include <sys/types.h>

#include "pk_kernel.h"

#define SPAWN_MAX_N 10000000LL /* 10^7 rounds of fork at p = 2 take about 40 minutes */

/* What job recorded for one worker, on a cache line of its own so threads never share one. */
struct spawn_slot {
    alignas(64) long long runs; /* how many times job ran as this worker */
    long long sum;              /* the sum of the a it was given */
    long long d;                /* the d it was last given */
    long long out_of_turn;      /* runs whose a was not the runs before it */
};

/* The arguments one thread is started with: its Process(args=(a, d)). */
struct spawn_arg {
    struct spawn_slot *slot;
    int w;
    long long a, d;
};

struct spawn_data {
    int nslots;              /* workers + 1: the last is a guard that no worker may touch */
    struct spawn_slot *slot; /* one per worker, then the guard */
    pthread_t *tid;          /* threads model: this round's threads */
    struct spawn_arg *arg;   /* threads model: their arguments */
    pid_t *pid;              /* fork model: this round's children */
};

/*
 * The tutorial's job(a, d), run as worker w: counts the run, records a and d in slot[w], and
 * counts the run out of turn unless a (the round) equals the runs it made before.
 * Compiled once, in kernel.c and not inlined, so serial's floor is a real function call and
 * not a loop the compiler folds into three stores, and every model runs the same code.
 */
void spawn_job(struct spawn_slot *slot, int w, long long a, long long d);

size_t spawn_bytes(const struct pk_case *c);
int spawn_setup(struct pk_case *c, char *err, size_t errlen);
void spawn_reset(struct pk_case *c);
void spawn_verify(const struct pk_case *c, struct pk_verdict *v);
double spawn_rate(const struct pk_case *c, double seconds);

int spawn_serial(struct pk_case *c, int p);
int spawn_openmp(struct pk_case *c, int p);
int spawn_threads(struct pk_case *c, int p);
int spawn_fork(struct pk_case *c, int p);

#endif
