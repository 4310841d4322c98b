/*
 * The kernel interface: what a kernel declares (struct pk_kernel), what one configuration of it
 * holds while it runs (struct pk_case), and what a check concludes (struct pk_verdict).
 * Every kernels/<name>/kernel.h includes this; kernels/registry.c lists the kernels.
 */
#ifndef PK_KERNEL_H
#define PK_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "bind.h"
#include "forkpool.h"
#include "model.h"
#include "partition.h"
#include "record.h"
#include "threadpool.h"

#define PK_MAX_PARAMS  4
#define PK_MAX_CHOICES 8
#define PK_SKIP        1 /* a run function's "this configuration does not apply" (reason in c->error) */

/* A kernel option, given to pk and the runners as --NAME VALUE. */
struct pk_param {
    const char *name, *help;
    const char *choices[PK_MAX_CHOICES]; /* the allowed words, or none: a whole number */
    long long def, min, max;             /* default (a choice index); bounds of a number */
    const char *racy; /* the choice that races on purpose (status race, not ok), or NULL */
};

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

/* What one check of one rep concluded. */
struct pk_verdict {
    enum pk_status status; /* PK_STATUS_OK, _FAILED or _RACE */
    char result[128];      /* the value every model must agree on (exact text, or %.17g) */
    char detail[256];      /* what is wrong, or what a race lost */
    /*
     * how many of the n items the check examined (stream's mpi check: the sum of the ranks'
     * blocks; montecarlo: the darts counted; a check against a reference of the whole range:
     * n). The harness (pk_verdict_cover) fails an ok verdict unless it is n; -1: not said.
     */
    long long covered;
};

/* A verdict before the check fills it: failed, with no result and no coverage. */
#define PK_VERDICT_INIT                                                                            \
    {                                                                                              \
        PK_STATUS_FAILED, "-", "-", -1                                                             \
    }

/* One timed rep of one model: returns 0, PK_SKIP, or negative with the reason in c->error. */
typedef int (*pk_run_fn)(struct pk_case *c, int workers);

/*
 * An mpi or hybrid entry point as the table holds it. Its real type, pk_mpi_run_fn, names
 * MPI_Comm, which only code built with mpicc may see (pk_kernel_mpi.h); a function pointer
 * converted to another function pointer type and back compares equal to the original
 * (C11 6.3.2.3p8), so the table holds this one type in every program.
 */
typedef void (*pk_mpi_fn)(void);

/*
 * A kernel. setup, reset and verify run serially in the runner's main thread, never with
 * OpenMP: a fork pool is started after setup and libgomp hangs in a child forked after use.
 */
struct pk_kernel {
    const char *name, *pattern, *summary; /* pattern: the tutorial pattern it stands for */
    long long size[PK_NCLASS];            /* n for classes S W A B C */
    /* optional: n for a class from this machine's facts (stream: 4x the last-level cache) */
    long long (*class_size)(enum pk_class cls);
    long long min_size;       /* smallest n it can do (0 means 1) */
    long long max_size;       /* largest n the kernel can do */
    const char *max_size_why; /* why ("its sum must fit in 128 bits") */
    struct pk_param params[PK_MAX_PARAMS];
    /* arena bytes one process needs for c (rank 0's share for mpi) */
    size_t (*bytes)(const struct pk_case *c);
    /* allocate from c->arena and fill the inputs; not timed. 0, or -1 with err */
    int (*setup)(struct pk_case *c, char *err, size_t errlen);
    /* before every rep: poison the outputs, so a rep that skips its work fails its check */
    void (*reset)(struct pk_case *c);
    /* optional, untimed, after the pool starts: e.g. workers first-touch their own pages */
    pk_run_fn init[PK_NMODEL];
    pk_run_fn run[PK_NMODEL]; /* mpi and hybrid stay NULL here: their type is pk_mpi_fn's */
    /*
     * The entry points of the models whose ranks pk-mpi runs: mpi, its optional collect
     * (untimed, on every rank after a rep: brings to rank 0 what verification needs), and
     * hybrid (NULL: the kernel has none). Set with PK_MPI_FN (registry.c); pk-mpi calls them
     * through pk_mpi_call (pk_kernel_mpi.h). Outside pk-mpi a slot only says the entry exists.
     */
    pk_mpi_fn mpi, mpi_collect, hybrid;
    /*
     * it creates its own workers in every rep (spawn): pk starts no pool for it, and prints no
     * speedup, since serial is a plain call; the note says what to compare instead
     */
    const char *own_workers;
    /* check the last rep against a reference that is not the code under test */
    void (*verify)(const struct pk_case *c, struct pk_verdict *v);
    double tolerance;      /* 0: models agree exactly; else the relative bound (see kernel.h) */
    const char *unit;      /* the figure reported beside the time ("GB/s"); NULL if none */
    const char *rate_note; /* its accounting, printed with it ("24 bytes per element") */
    double (*rate)(const struct pk_case *c, double seconds); /* that figure for a rep time */
};

extern const struct pk_kernel pk_kernels[];
extern const int pk_nkernels;

/* True if kernel k has a hybrid model (its table entry names one). */
static inline bool pk_kernel_has_hybrid(const struct pk_kernel *k)
{
    return k->hybrid != NULL;
}

/* n for class cls of kernel k: its class_size hook if it has one, else its table. */
long long pk_kernel_size(const struct pk_kernel *k, enum pk_class cls);

/* The kernel called name, or NULL. */
const struct pk_kernel *pk_kernel_find(const char *name);

/* The index of k's parameter called name, or -1. */
int pk_kernel_param_index(const struct pk_kernel *k, const char *name);

/* True if any kernel has a parameter called name (pk accepts --NAME for it). */
bool pk_kernel_param_known(const char *name);

/* Sets c to the configuration (k, model, workers, n) with default parameters and seed 1. */
void pk_case_init(struct pk_case *c, const struct pk_kernel *k, enum pk_model model, int workers,
                  long long n);

/*
 * Questions a kernel asks of its case instead of testing which model runs (the answers come
 * from the model's facts, pk_model_facts in model.h).
 *
 * The block of [0, n) this process holds: all of it in one process; a rank's own block of the
 * ranks (pk_partition_block(n, ranks, rank)) where ranks hold separate memory (mpi, hybrid).
 */
struct pk_range pk_case_local_range(const struct pk_case *c);

/*
 * The workers that run in this process, each wanting its own slot (a private block, a packing
 * buffer): p for openmp, threads and fork; threads_per_rank for a hybrid rank; 1 for serial and
 * an mpi rank.
 */
int pk_case_local_workers(const struct pk_case *c);

/*
 * True where the ranks hold separate memory and pk-mpi runs them (mpi, hybrid): a rank fills
 * and checks its own part, pk-mpi runs no init hook, and rank 0 gathers what is verified.
 */
bool pk_case_distributed(const struct pk_case *c);

/*
 * True where the workers are processes that share the arena (fork): a lock or barrier kept in
 * it must be process-shared.
 */
bool pk_case_process_shared(const struct pk_case *c);

/*
 * The workers of the harness's pool that call the run function each with its index and may
 * meet at a barrier of the kernel's (threads, fork: p); 0 where the model has no such pool
 * (serial, openmp's team, mpi's ranks).
 */
int pk_case_pool_workers(const struct pk_case *c);

/*
 * Sets parameter `name` of c's kernel from text (a choice word or a whole number). Returns 0;
 * 1 if the kernel has no such parameter (the caller decides whether that is an error); or -1
 * with a reason in err when the value is not allowed.
 */
int pk_case_set_param(struct pk_case *c, const char *name, const char *value, char *err,
                      size_t errlen);

/* Writes c's parameters as "name:value/..." ("-" if the kernel has none) to buf. */
void pk_case_params_text(const struct pk_case *c, char *buf, size_t len);

/*
 * Checks that c can run before anything is allocated: n within [1, max_size], the memory that
 * it needs within the cgroup's limit, what is available now and 80% of the machine's memory. Returns 0, or -1 with a one-line reason in err.
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
