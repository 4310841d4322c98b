/*
 * One configuration (kernel, model, workers, size, options) as it runs in one process: what
 * the model descriptors (models/<name>.c) and the kernels share, and the questions a kernel
 * asks of it instead of testing which model runs.
 */
#ifndef PK_CASE_H
#define PK_CASE_H

#include <stdbool.h>

#include "arena.h"
#include "bind.h"
#include "forkpool.h"
#include "model.h"
#include "partition.h"
#include "threadpool.h"

#define PK_MAX_PARAMS 4

struct pk_kernel;

/* One configuration (kernel, model, workers, size, options) being run in this process. */
struct pk_case {
    const struct pk_kernel *kernel;
    enum pk_model model;
    int workers;                    /* p: threads, processes or ranks */
    long long n;                    /* problem size */
    unsigned long long seed;        /* for counter-based inputs */
    long long param[PK_MAX_PARAMS]; /* values of kernel->params, in their order */
    int rank, ranks;                /* mpi: this rank of `ranks`; elsewhere 0 of 1 */
    int threads_per_rank;           /* hybrid: OpenMP threads per rank (workers = ranks x it) */
    struct pk_arena arena;          /* inputs and outputs, shared with fork workers */
    struct pk_forkpool *forks;      /* fork model: started after setup */
    struct pk_threadpool *threads;  /* threads model: started after setup */
    void *data;                     /* the kernel's own state, in the arena */
    enum pk_bind bind;              /* worker placement (--bind) */
    enum pk_pages pages;            /* the arena's page size (--pages) */
    double until_ci;                /* stop once the median's 95% CI is within this % (0: off) */
    bool progress;                  /* report each rep on stderr ("pk-progress K N") */
    char error[256];                /* why a run function failed or skipped */
};

/*
 * True where the ranks hold separate memory and pk-mpi runs them (mpi, hybrid): a rank fills
 * and checks its own part, pk-mpi runs no init hook, and rank 0 gathers what is verified.
 */
static inline bool pk_case_distributed(const struct pk_case *c)
{
    return pk_model_facts(c->model)->distributed;
}

/*
 * Questions a kernel asks of its case instead of testing which model runs (the answers come
 * from the model's facts, pk_model_facts in model.h, so they
 * are inline here: a kernel calls nothing above the runtime).
 *
 * The block of [0, n) this process holds: all of it in one process; a rank's own block of the
 * ranks (pk_partition_block(n, ranks, rank)) where ranks hold separate memory (mpi, hybrid).
 */
static inline struct pk_range pk_case_local_range(const struct pk_case *c)
{
    if (!pk_case_distributed(c))
        return (struct pk_range){0, c->n};
    return pk_partition_block(c->n, c->ranks, c->rank);
}

/*
 * The workers that run in this process, each wanting its own slot (a private block, a packing
 * buffer): p for openmp, threads and fork; threads_per_rank for a hybrid rank; 1 for serial and
 * an mpi rank.
 */
static inline int pk_case_local_workers(const struct pk_case *c)
{
    switch (pk_model_facts(c->model)->local) {
    case PK_LOCAL_ONE:
        return 1;
    case PK_LOCAL_TEAM:
        return c->threads_per_rank;
    default:
        return c->workers;
    }
}

/*
 * True where the workers are processes that share the arena (fork): a lock or barrier kept in
 * it must be process-shared.
 */
static inline bool pk_case_process_shared(const struct pk_case *c)
{
    return pk_model_facts(c->model)->process_workers;
}

/*
 * The workers of the harness's pool that call the run function each with its index and may
 * meet at a barrier of the kernel's (threads, fork: p); 0 where the model has no such pool
 * (serial, openmp's team, mpi's ranks).
 */
static inline int pk_case_pool_workers(const struct pk_case *c)
{
    const struct pk_model_facts *f = pk_model_facts(c->model);
    return f->thread_pool || f->process_workers ? c->workers : 0;
}

#endif
