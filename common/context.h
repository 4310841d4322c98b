/*
 * The context of a measurement: the machine, the build, the environment. Recorded with every
 * export and shown by `pk info`, because a number without its setup cannot be compared.
 */
#ifndef PK_CONTEXT_H
#define PK_CONTEXT_H

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
 * average, frequency governor, compiler and flags, OpenMP version, Open MPI version (asks
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

#endif
