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
#include "pi/kernel.h"
#include "polysum/kernel.h"
#include "spawn/kernel.h"
#include "square/kernel.h"
#include "stencil/kernel.h"
#include "stream/kernel.h"

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
        .name = "pi",
        .pattern = "Pool.map over a range",
        .summary = "integral of 4/(1+x^2) on [0,1] by the midpoint rule; per-worker partial "
                   "sums in floating point, checked against pi within the error bound",
        .size = {[PK_CLASS_S] = 1000,
                 [PK_CLASS_W] = 100000000,
                 [PK_CLASS_A] = 800000000,
                 [PK_CLASS_B] = 8000000000,
                 [PK_CLASS_C] = PI_MAX_N},
        .max_size = PI_MAX_N,
        .max_size_why = "the agreement tolerance 1e-5 holds up to 4e10 terms",
        .bytes = pi_bytes,
        .setup = pi_setup,
        .reset = pi_reset,
        .verify = pi_verify,
        .run = {[PK_SERIAL] = pi_serial,
                [PK_OPENMP] = pi_openmp,
                [PK_THREADS] = pi_threads,
                [PK_FORK] = pi_fork},
        .tolerance = PI_TOLERANCE, /* relative: 2 gamma_{n+8} <= 1e-5 for n <= 4e10 (README) */
        .unit = "GFLOP/s",
        .rate = pi_rate,
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
    {
        .name = "square",
        .pattern = "Pool.map",
        .summary = "y[i] = x[i]^2 over n int64 inputs, results in input order; fork writes "
                   "straight into shared memory, mpi scatters and gathers",
        .size = {[PK_CLASS_S] = 10000,
                 [PK_CLASS_W] = 80000000,
                 [PK_CLASS_A] = 800000000,
                 [PK_CLASS_B] = 8000000000,
                 [PK_CLASS_C] = 32000000000},
        .max_size = SQUARE_MAX_N,
        .max_size_why = "x and y take 16 bytes an element: 2^36 of them are 1 TiB",
        .bytes = square_bytes,
        .setup = square_setup,
        .reset = square_reset,
        .verify = square_verify,
        .init = {[PK_SERIAL] = square_serial_init,
                 [PK_OPENMP] = square_openmp_init,
                 [PK_THREADS] = square_threads_init,
                 [PK_FORK] = square_fork_init},
        .run = {[PK_SERIAL] = square_serial,
                [PK_OPENMP] = square_openmp,
                [PK_THREADS] = square_threads,
                [PK_FORK] = square_fork},
        .unit = "GB/s",
        .rate_note = "16 bytes per element (read x, write y; write-allocate traffic not "
                     "counted)",
        .rate = square_rate,
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
    {
        .name = "stream",
        .pattern = "Pool.map over a shared Array",
        .summary = "STREAM triad a = b + 3c over arrays far beyond the last-level cache; "
                   "memory bandwidth",
        /* A: 2^25 doubles, 256 MiB per array, 8x this machine's 32 MiB L3 */
        .size = {[PK_CLASS_S] = 1000,
                 [PK_CLASS_W] = 1LL << 22,
                 [PK_CLASS_A] = 1LL << 25,
                 [PK_CLASS_B] = 1LL << 27,
                 [PK_CLASS_C] = 1LL << 28},
        .max_size = STREAM_MAX_N,
        .max_size_why = "the sum of a must stay exact in double",
        .bytes = stream_bytes,
        .setup = stream_setup,
        .reset = stream_reset,
        .verify = stream_verify,
        .init = {[PK_SERIAL] = stream_serial_init,
                 [PK_OPENMP] = stream_openmp_init,
                 [PK_THREADS] = stream_threads_init,
                 [PK_FORK] = stream_fork_init},
        .run = {[PK_SERIAL] = stream_serial,
                [PK_OPENMP] = stream_openmp,
                [PK_THREADS] = stream_threads,
                [PK_FORK] = stream_fork},
        .unit = "GB/s",
        .rate_note = "24 bytes per element (read b and c, write a; STREAM's convention, "
                     "write-allocate traffic not counted)",
        .rate = stream_rate,
    },
};

const int pk_nkernels = sizeof pk_kernels / sizeof pk_kernels[0];
