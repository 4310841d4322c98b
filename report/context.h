/*
 * The context of a measurement: the machine, the build, the environment. Recorded with every
 * export and shown by `pk info`, because a number without its setup cannot be compared.
 */
#ifndef PK_CONTEXT_H
#define PK_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define PK_CONTEXT_MAX 64

struct pk_context {
    int n;
    char key[PK_CONTEXT_MAX][32];
    char value[PK_CONTEXT_MAX][256];
};

/*
 * Gathers the context: date, host, CPU model, cores (usable and online), caches, memory, load
 * average, frequency governor, compiler and flags, the code that kernels pick by the CPU here
 * ("code paths": matmul's tile), OpenMP version, Open MPI version (asks
 * `mpirun --version` when `launcher_probe` is non-zero), git commit, SLURM job variables and
 * every OMP_* variable. Missing facts read "unknown".
 */
void pk_context_gather(struct pk_context *ctx, int launcher_probe);

/* The value of key, or NULL. */
const char *pk_context_get(const struct pk_context *ctx, const char *key);

/* Adds or replaces key (truncating long values). */
void pk_context_set(struct pk_context *ctx, const char *key, const char *value);

/* Prints "key: value" lines, aligned. */
void pk_context_print(FILE *f, const struct pk_context *ctx);

/*
 * Prints the short block that heads a human table or a Markdown export, as Google Benchmark
 * heads its own: a heading line (the "source" key when there is one, else a pointer to the
 * JSON export for the rest), then at most nine lines of "key: value" pairs joined by "; ":
 * host, date, commit / run, job / cpu, cores, memory / compiler, flags, code paths / mpi library,
 * mpi, mpi flavour / openmp and every OMP_* key ("OMP_*: none set" when there is none) / load /
 * options, pages / every SLURM_* key. A key that ctx lacks is left out, and so is a line with
 * none. The keys are those of the JSON context. Markdown makes each line a list item with its
 * values in code spans; bytes that are not printable ASCII print as '?'.
 */
void pk_context_print_block(FILE *f, const struct pk_context *ctx, bool markdown);

#endif
