/*
 * The kernel interface: what a kernel declares (struct pk_kernel), what one configuration of it
 * holds while it runs (struct pk_case), and what a check concludes (struct pk_verdict).
 * Every kernels/<name>/kernel.h includes this; kernels/registry.c lists the kernels.
 */
#ifndef PK_KERNEL_H
#define PK_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

#include "case.h"

#define PK_MAX_CHOICES 8
#define PK_SKIP        1 /* a run function's "this configuration does not apply" (reason in c->error) */

/* X(ENUM, name, counts_as_failure) */
#define PK_STATUSES(X)                                                                             \
    X(OK, ok, false)            /* ran, every rep verified */                                      \
    X(RACE, race, false)        /* --sync none: lost updates measured, as the lesson expects */    \
    X(SKIPPED, skipped, false)  /* the configuration does not apply (named in detail) */           \
    X(FAILED, failed, true)     /* a rep failed its check */                                       \
    X(ERROR, error, true)       /* the runner could not run it (setup, crash, bad line) */         \
    X(TIMEOUT, timeout, true)   /* pk killed it at --timeout */                                    \
    X(DISAGREE, disagree, true) /* verified alone, but differs from another model */

enum pk_status {
#define PK_STATUS_ENUM(E, name, bad) PK_STATUS_##E,
    PK_STATUSES(PK_STATUS_ENUM)
#undef PK_STATUS_ENUM
        PK_NSTATUS
};

/* A kernel option, given to pk and the runners as --NAME VALUE. */
struct pk_param {
    const char *name, *help;
    const char *choices[PK_MAX_CHOICES]; /* the allowed words, or none: a whole number */
    long long def, min, max;             /* default (a choice index); bounds of a number */
    const char *racy; /* the choice that races on purpose (status race, not ok), or NULL */
    /* the option is read only under this choice of another option (param NULL: always) */
    struct {
        const char *param, *choice;
    } only_with;
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
    /*
     * optional: of bytes(), those that c's process touches, which pk's memory check counts
     * (an mpi rank other than 0 that maps full-size arrays and touches its own rows of them,
     * since pages are mapped lazily); NULL: all of bytes()
     */
    size_t (*touched)(const struct pk_case *c);
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
    /*
     * optional: the code this machine runs where the kernel picks it at run time by the CPU
     * (matmul's tile: "x86-64-v3" or "generic"), for the context of every result
     */
    const char *(*code_path)(void);
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

/*
 * True if kernel k has model m: its table entry names m's entry point; for an interpreted
 * model, its runner listed k (pk asks it first: pk_launch_available).
 */
bool pk_model_has_kernel(enum pk_model m, const struct pk_kernel *k);

#endif
