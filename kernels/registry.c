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
#include "matmul/kernel.h"
#include "polysum/kernel.h"

const struct pk_kernel pk_kernels[] = {
    {
        .name = "matmul",
        .pattern = "Pool.map over row blocks",
        .summary = "C = A B in double, n x n, cache-blocked; each worker computes whole rows of "
                   "C, exact against a closed form",
        .size = {[PK_CLASS_S] = 64,
                 [PK_CLASS_W] = 1000,
                 [PK_CLASS_A] = 2000,
                 [PK_CLASS_B] = 4500,
                 [PK_CLASS_C] = 10000},
        .max_size = MATMUL_MAX_N,
        .max_size_why = "3 n^2 doubles (38 GB), and n^2 must fit MPI's int counts",
        .bytes = matmul_bytes,
        .setup = matmul_setup,
        .reset = matmul_reset,
        .verify = matmul_verify,
        .run = {[PK_SERIAL] = matmul_serial,
                [PK_OPENMP] = matmul_openmp,
                [PK_THREADS] = matmul_threads,
                [PK_FORK] = matmul_fork},
        .tolerance = 0, /* bit-identical in every model: the same code computes every element */
        .unit = "GFLOP/s",
        .rate = matmul_rate,
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
