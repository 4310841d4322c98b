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
#include "histogram/kernel.h"
#include "polysum/kernel.h"

const struct pk_kernel pk_kernels[] = {
    {
        .name = "histogram",
        .pattern = "Value and Array with a Lock",
        .summary = "n generated values counted into one shared array of B bins and one shared "
                   "total; --sync private, atomic, lock or none (races on purpose)",
        .size = {[PK_CLASS_S] = 10000,
                 [PK_CLASS_W] = 100000000,
                 [PK_CLASS_A] = 1000000000,
                 [PK_CLASS_B] = 10000000000,
                 [PK_CLASS_C] = 100000000000},
        .max_size = HISTOGRAM_MAX_N,
        .max_size_why = "2^40 updates take hours on one core; the counters are 64-bit",
        .params = {{.name = "sync",
                    .help = "how workers update the shared counters",
                    .choices = {"private", "atomic", "lock", "none"},
                    .def = HISTOGRAM_PRIVATE,
                    .racy = "none"},
                   {.name = "bins",
                    .help = "the number of bins B",
                    .def = 256,
                    .min = 1,
                    .max = HISTOGRAM_MAX_BINS}},
        .bytes = histogram_bytes,
        .setup = histogram_setup,
        .reset = histogram_reset,
        .verify = histogram_verify,
        .run = {[PK_SERIAL] = histogram_serial,
                [PK_OPENMP] = histogram_openmp,
                [PK_THREADS] = histogram_threads,
                [PK_FORK] = histogram_fork},
        .unit = "Mupd/s",
        .rate = histogram_rate,
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
