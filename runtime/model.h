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
    X(MPI, mpi, "MPI ranks (Open MPI) gathering to rank 0")                                        \
    X(HYBRID, hybrid, "MPI ranks x OpenMP threads per rank (--threads)")                           \
    X(PYTHON, python, "Python multiprocessing: Process, Queue, Pool, Value/Array (pk-python)")     \
    X(PYTHON_THREADS, python_threads, "the same Python on threading.Thread: one GIL (pk-python)")

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

/* How a configuration of a model is started. */
enum pk_runner {
    PK_RUNNER_INPROCESS, /* pk-run, one process per configuration: the model runs inside it */
    PK_RUNNER_LAUNCHER,  /* an MPI launcher starts the ranks of pk-mpi (mpi, hybrid) */
    /* an interpreter runs the model's own runner program, pk-run's argv (python) */
    PK_RUNNER_INTERPRETER,
};

struct pk_case;
struct pk_kernel;

/*
 * A model, described once, in its own file (runtime/models/<name>.c, pk_model_<name>); model.c
 * indexes them by the PK_MODELS list. The harness asks the descriptor instead of testing which
 * model runs. A hook left NULL means "nothing to do" (the contract of each says what then).
 */
struct pk_model_desc {
    const char *name;      /* its PK_MODELS entry's name, '_' as '-' (its what stays there) */
    enum pk_runner runner; /* what starts it: pk-run, or a launcher through pk-mpi */
    struct pk_model_facts facts;
    int max_workers;               /* p's bound (serial: 1); 0: none */
    const char *rank_threads_flag; /* the runner's option for threads per rank ("--threads") */
    const char *source; /* the kernel's file of this model ("python.py"); NULL: "<name>.c" */
    /*
     * PK_RUNNER_INTERPRETER: `interpreter program KERNEL MODEL P N [pk-run's options]`, where
     * program lies beside pk and interpreter is $interpreter_env if set, else found on PATH.
     * `interpreter program --kernels MODEL` prints one line per kernel it has: NAME, seconds
     * per item of one rep at p = 1, and "worker" where that cost is per item and worker.
     */
    const char *program, *interpreter, *interpreter_env;
    /* before anything is allocated: can it run c as asked (openmp: the team)? 0, or -1 + err */
    int (*check)(const struct pk_case *c, char *err, size_t errlen);
    /* start and stop the harness's pool of workers (threads, fork); 0, or -1 with err */
    int (*start)(struct pk_case *c, char *err, size_t errlen);
    int (*stop)(struct pk_case *c, char *err, size_t errlen);
    /*
     * pin the workers as c->bind says and write each one's CPUs, '|'-separated, to cpus (len
     * bytes, empty on entry); 0, or -1 with err. NULL: the runner's own thread is the worker:
     * its CPUs are recorded (pk_model_cpus_here)
     */
    int (*place)(struct pk_case *c, char *cpus, size_t len, char *err, size_t errlen);
    /*
     * check the partition the workers use in this process (pk_model_block_partition); 0, or -1
     * with err. NULL: none (serial is one loop; pk-mpi gathers its ranks' blocks itself)
     */
    int (*partition)(const struct pk_case *c, char *err, size_t errlen);
};

/*
 * A descriptor's run-time hook (check, start, stop, place, partition). pk, which runs no
 * model, links the descriptors built with -DPK_WITHOUT_MODELS (Makefile): there every such hook
 * is NULL, so pk links none of the pools and no OpenMP.
 */
#ifdef PK_WITHOUT_MODELS
#define PK_MODEL_HOOK(f) NULL
#else
#define PK_MODEL_HOOK(f) (f)
#endif

#define PK_MODEL_DESC_DECLARE(E, name, what) extern const struct pk_model_desc pk_model_##name;
PK_MODELS(PK_MODEL_DESC_DECLARE)
#undef PK_MODEL_DESC_DECLARE

/* The descriptor of model m; m must be a valid model. */
const struct pk_model_desc *pk_model_desc(enum pk_model m);

/* The facts of model m (its descriptor's); m must be a valid model. */
const struct pk_model_facts *pk_model_facts(enum pk_model m);

/* True for the models a launcher starts through pk-mpi: mpi and hybrid. */
bool pk_model_is_distributed(enum pk_model m);


/*
 * The threads each rank of model m runs for a configuration with threads_per_rank: that for
 * the models whose p counts ranks x threads (rank_teams), else 1. p / it is the ranks.
 */
int pk_model_rank_threads(enum pk_model m, int threads_per_rank);

/*
 * The model that runner starts with rank teams (true: hybrid) or without (mpi); PK_NMODEL if
 * no model is such.
 */
enum pk_model pk_model_of_runner(enum pk_runner runner, bool rank_teams);

/*
 * Writes the names of the models that runner starts, ", "-separated, to buf; runner < 0: of
 * every model. For messages ("one of serial, openmp, threads, fork").
 */
void pk_model_join(char *buf, size_t len, int runner);

/*
 * What an interpreted model's runner said it has (`--kernels`), as pk_model_set_kernels stored
 * it: the kernels of model m and their rates. Before that, and for every other model, none.
 */
int pk_model_set_kernels(enum pk_model m, const char *reply, char *err, size_t errlen);
bool pk_model_lists_kernel(enum pk_model m, const char *kernel);

/*
 * Seconds one rep of kernel takes in model m at p workers and n items, from the rate its
 * runner gave; 0 when it gave none.
 */
double pk_model_rep_seconds(enum pk_model m, const char *kernel, int p, long long n);

/* The kernel's source file of model m ("serial.c", "python.py") into buf. */
const char *pk_model_source(enum pk_model m, char *buf, size_t len);

/* Records the calling thread's CPUs as the one entry of cpus: where a model has no pool. */
void pk_model_cpus_here(char *cpus, size_t len);

/*
 * A partition hook: pk_partition_block(n, p, w) for every worker w of c's p must tile
 * [0, n). 0, or -1 with the reason in err.
 */
int pk_model_block_partition(const struct pk_case *c, char *err, size_t errlen);

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
