/* The parallel models and problem classes: one X-macro list generates the enum and the names. */
#ifndef PK_MODEL_H
#define PK_MODEL_H

#include <stdbool.h>
#include <stddef.h>

/* X(ENUM, name, what): the order here is the order of every table and report. */
#define PK_MODELS(X)                                                                               \
    X(SERIAL, serial, "plain loops: the base of every speedup")                                    \
    X(OPENMP, openmp, "OpenMP parallel for and reductions (libgomp)")                              \
    X(THREADS, threads, "POSIX threads, explicit block partition, per-worker slots")               \
    X(FORK, fork, "fork()ed worker processes sharing an arena, results through pipes")             \
    X(MPI, mpi, "MPI ranks (Open MPI) gathering to rank 0")                                    \
    X(HYBRID, hybrid, "MPI ranks x OpenMP threads per rank (--threads)")

enum pk_model {
#define PK_MODEL_ENUM(E, name, what) PK_##E,
    PK_MODELS(PK_MODEL_ENUM)
#undef PK_MODEL_ENUM
        PK_NMODEL
};

#define PK_CLASSES(X) X(S) X(W) X(A) X(B) X(C)

enum pk_class {
#define PK_CLASS_ENUM(L) PK_CLASS_##L,
    PK_CLASSES(PK_CLASS_ENUM)
#undef PK_CLASS_ENUM
        PK_NCLASS
};

/* How many of a configuration's p workers run in one process of it. */
enum pk_model_local {
    PK_LOCAL_ALL,  /* all p: one process holds every worker (openmp, threads, fork) */
    PK_LOCAL_ONE,  /* one: a plain loop (serial), or each of the p ranks its own process (mpi) */
    PK_LOCAL_TEAM, /* the rank's team of threads_per_rank threads (hybrid) */
};

/*
 * What a model is made of: the facts the harness and the kernels ask (through pk_case_* in
 * pk_kernel.h) instead of testing which model runs. One entry per model, in model.c.
 */
struct pk_model_facts {
    bool distributed; /* ranks in separate memory, started by a launcher through pk-mpi */
    /* the workers are processes sharing the arena: its locks and barriers are process-shared */
    bool process_workers;
    bool thread_pool;          /* the workers are the threads of the harness's pool */
    enum pk_model_local local; /* how many of the p workers one process holds */
    bool baseline;   /* the base of every speedup: runs once, at p = 1 (serial) */
    bool on_request; /* runs only when named, never in the default set (hybrid) */
    bool openmp;     /* its workers are an OpenMP team: OMP_* placement, the team check */
    bool rank_teams; /* p counts ranks x --threads threads per rank (hybrid) */
};

/* The facts of model m; m must be a valid model. */
const struct pk_model_facts *pk_model_facts(enum pk_model m);

/* True for the models a launcher starts through pk-mpi: mpi and hybrid. */
bool pk_model_is_distributed(enum pk_model m);

/* The name of model m ("openmp"); m must be a valid model. */
const char *pk_model_name(enum pk_model m);

/* One line saying what model m is. */
const char *pk_model_what(enum pk_model m);

/* Looks name up; writes the model to *m and returns 0, or returns -1 if no model has it. */
int pk_model_parse(const char *name, enum pk_model *m);

/*
 * Parses a comma-separated model list ("openmp,fork") into selected[PK_NMODEL]; "all" selects
 * every model. Returns 0, or -1 with a one-line reason in err (unknown, empty or repeated name).
 */
int pk_model_parse_list(const char *list, bool selected[PK_NMODEL], char *err, size_t errlen);

/* The letter of class k ("W"). */
const char *pk_class_name(enum pk_class k);

/* Parses one class letter (S, W, A, B, C; either case). Returns 0, or -1 if it is none. */
int pk_class_parse(const char *name, enum pk_class *k);

#endif
