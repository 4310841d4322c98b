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
#include "mandelbrot/kernel.h"
#include "polysum/kernel.h"

const struct pk_kernel pk_kernels[] = {
    {
        .name = "mandelbrot",
        .pattern = "Pool.map, uneven items",
        .summary = "escape-time counts (at most 1000) over n x 2n/5 pixels of the upper half "
                   "plane; rows differ 250x in cost: static blocks against dynamic chunks",
        .size = {[PK_CLASS_S] = 100,
                 [PK_CLASS_W] = 700,
                 [PK_CLASS_A] = 2200,
                 [PK_CLASS_B] = 7000,
                 [PK_CLASS_C] = 20000},
        .min_size = MANDELBROT_MIN_N,
        .max_size = MANDELBROT_MAX_N,
        .max_size_why = "MPI counts are int: the grid must stay below 2^31 pixels",
        .params = {{.name = "schedule",
                    .help = "how rows reach workers: static blocks, or dynamic chunks from a "
                            "shared queue",
                    .choices = {"static", "dynamic"},
                    .def = MANDELBROT_DYNAMIC},
                   {.name = "chunk",
                    .help = "rows per chunk of the dynamic schedule",
                    .def = 4,
                    .min = 1,
                    .max = 4096}},
        .bytes = mandelbrot_bytes,
        .setup = mandelbrot_setup,
        .reset = mandelbrot_reset,
        .verify = mandelbrot_verify,
        .run = {[PK_SERIAL] = mandelbrot_serial,
                [PK_OPENMP] = mandelbrot_openmp,
                [PK_THREADS] = mandelbrot_threads,
                [PK_FORK] = mandelbrot_fork},
        .unit = "Mpix/s",
        .rate = mandelbrot_rate,
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
