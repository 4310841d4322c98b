/*
 * The table of kernels, in alphabetical order (a unit test checks it).
 *
 * To add a kernel:
 *   1. make kernels/<name>/ with kernel.h, kernel.c (setup, reset, verify), one file per model
 *      (serial.c openmp.c threads.c fork.c mpi.c) and README.md;
 *   2. add its entry below, and its mpi entry point to kernels/registry_mpi.c;
 *   3. give it class sizes: S runs in milliseconds, W about 0.1 s serial, A about 1 s,
 *      B about 10 s, C for clusters (measure them; say so in its README).
 * The Makefile finds the files; the unit tests run every entry in every model.
 */
#include "montecarlo/kernel.h"
#include "polysum/kernel.h"

const struct pk_kernel pk_kernels[] = {
    {
        .name = "montecarlo",
        .pattern = "Pool.map + reduce",
        .summary = "pi by n random darts from a counter-based generator; the hit count is exact "
                   "and the same in every model",
        .size = {[PK_CLASS_S] = 100000,
                 [PK_CLASS_W] = 50000000,
                 [PK_CLASS_A] = 500000000,
                 [PK_CLASS_B] = 5000000000,
                 [PK_CLASS_C] = 50000000000},
        .max_size = MONTECARLO_MAX_N,
        .max_size_why = "the 2^32 grid's bias in the estimate must stay near one standard error",
        .bytes = montecarlo_bytes,
        .setup = montecarlo_setup,
        .reset = montecarlo_reset,
        .verify = montecarlo_verify,
        .run = {[PK_SERIAL] = montecarlo_serial,
                [PK_OPENMP] = montecarlo_openmp,
                [PK_THREADS] = montecarlo_threads,
                [PK_FORK] = montecarlo_fork},
        .unit = "Mdart/s",
        .rate = montecarlo_rate,
    },
    {
        .name = "polysum",
        .pattern = "Queue",
        .summary = "sum of i + i^2 + i^3 over [0, n), exact in 128 bits; partials come back "
                   "through each model's queue",
        .size = {[PK_CLASS_S] = 1000,
                 [PK_CLASS_W] = 100000000,
                 [PK_CLASS_A] = 1000000000,
                 [PK_CLASS_B] = POLYSUM_MAX_N,
                 [PK_CLASS_C] = POLYSUM_MAX_N},
        .max_size = POLYSUM_MAX_N,
        .max_size_why = "the sum must fit in 128 bits",
        .bytes = polysum_bytes,
        .setup = polysum_setup,
        .reset = polysum_reset,
        .verify = polysum_verify,
        .run = {[PK_SERIAL] = polysum_serial,
                [PK_OPENMP] = polysum_openmp,
                [PK_THREADS] = polysum_threads,
                [PK_FORK] = polysum_fork},
    },
};

const int pk_nkernels = sizeof pk_kernels / sizeof pk_kernels[0];
