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
#include "polysum/kernel.h"
#include "spawn/kernel.h"

const struct pk_kernel pk_kernels[] = {
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
    {
        .name = "spawn",
        .pattern = "Process start/join",
        .summary = "n rounds of: create p workers that each run job(round, w + 1), join them; "
                   "measures creation itself",
        /* W is about 0.1 s for fork at p = 2; the time per class differs by model by design */
        .size = {[PK_CLASS_S] = 10,
                 [PK_CLASS_W] = 400,
                 [PK_CLASS_A] = 4000,
                 [PK_CLASS_B] = 40000,
                 [PK_CLASS_C] = 40000},
        .max_size = SPAWN_MAX_N,
        .max_size_why = "10^7 rounds of fork at p = 2 already take about 40 minutes",
        .bytes = spawn_bytes,
        .setup = spawn_setup,
        .reset = spawn_reset,
        .verify = spawn_verify,
        .run = {[PK_SERIAL] = spawn_serial,
                [PK_OPENMP] = spawn_openmp,
                [PK_THREADS] = spawn_threads,
                [PK_FORK] = spawn_fork},
        .unit = "us/round",
        .rate = spawn_rate,
    },
};

const int pk_nkernels = sizeof pk_kernels / sizeof pk_kernels[0];
