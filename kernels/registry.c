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
#include "stencil/kernel.h"

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
        .name = "stencil",
        .pattern = "Barrier",
        .summary = "T sweeps of 2D 5-point Jacobi on an n x n grid with fixed boundary; workers "
                   "own row blocks and meet at a barrier (mpi: halo rows) every sweep",
        .size = {[PK_CLASS_S] = 256,
                 [PK_CLASS_W] = 2000,
                 [PK_CLASS_A] = 5600,
                 [PK_CLASS_B] = 16000,
                 [PK_CLASS_C] = 32000},
        .min_size = 3,
        .max_size = STENCIL_MAX_N,
        .max_size_why = "mpi gathers the n^2 doubles with int counts",
        .params = {{.name = "sweeps",
                    .help = "Jacobi sweeps T per rep",
                    .def = 20,
                    .min = 1,
                    .max = 100000},
                   {.name = "field",
                    .help = "starting grid: random interior in a warm boundary, or the linear "
                            "field 3i - 2j + 7 that Jacobi leaves unchanged (closed-form check)",
                    .choices = {"random", "linear"}}},
        .bytes = stencil_bytes,
        .setup = stencil_setup,
        .reset = stencil_reset,
        .verify = stencil_verify,
        .run = {[PK_SERIAL] = stencil_serial,
                [PK_OPENMP] = stencil_openmp,
                [PK_THREADS] = stencil_threads,
                [PK_FORK] = stencil_fork},
        .unit = "GFLOP/s",
        .rate = stencil_rate,
    },
};

const int pk_nkernels = sizeof pk_kernels / sizeof pk_kernels[0];
