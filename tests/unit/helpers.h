/*
 * What the unit tests share: running a configuration in-process or through mpirun, and counting
 * the pages that first touch made resident.
 */
#ifndef PK_TEST_HELPERS_H
#define PK_TEST_HELPERS_H

#include <stdbool.h>
#include <stddef.h>

#include "harness.h"

/* Where bin/pk, pk-run and pk-mpi are (PK_BIN_DIR in the environment, else the build's). */
const char *test_bin_dir(void);

/* True if the mpi model can run here; else false with the reason in why. */
bool test_mpi_available(char *why, size_t len);

/*
 * Runs (kernel, model, p, n) in this process with `reps` timed reps and no warm-up, the kernel
 * parameter `param` (or -1) set to `choice`, and fills rec.
 */
void test_run_case(const struct pk_kernel *k, enum pk_model model, int p, long long n, int param,
                   long long choice, int reps, struct pk_record *rec);

/*
 * Runs (kernel, mpi, p, n) through mpirun -np p bin/pk-mpi with the parameter set as above.
 * Returns 0 with rec filled, or -1 with the reason (launcher output) in why.
 */
int test_run_mpi(const struct pk_kernel *k, int p, long long n, int param, long long choice,
                 int reps, struct pk_record *rec, char *why, size_t len);

/* The same for the hybrid model: `ranks` ranks of `threads` OpenMP threads each. */
int test_run_hybrid(const struct pk_kernel *k, int ranks, int threads, long long n, int reps,
                    struct pk_record *rec, char *why, size_t len);

/* How many pages [p, p + bytes) touches: the arena staggers arrays off page boundaries. */
long test_pages_spanned(const void *p, size_t bytes);

/* How many pages of [p, p + bytes) are resident: the ones someone has touched. */
long test_resident_pages(const void *p, size_t bytes);

#endif
