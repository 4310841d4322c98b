/*
 * The table of kernels, in alphabetical order (a unit test checks it): the one list of every
 * kernel and every model's entry point, the mpi and hybrid ones included.
 *
 * To add a kernel:
 *   1. make kernels/<name>/ with kernel.h, kernel.c (setup, reset, verify), one file per model
 *      (serial.c openmp.c threads.c fork.c mpi.c, hybrid.c if it has one) and README.md;
 *   2. add its entry below, and its kernel.h and kernel_mpi.h (which declares its mpi, and
 *      hybrid, entry points for mpicc) to the two include lists;
 *   3. give it class sizes: S runs in milliseconds, W about 0.1 s serial, A about 1 s,
 *      B about 10 s, C for clusters (measure them; say so in its README).
 * The Makefile finds the files; the unit tests run every entry in every model.
 *
 * An entry names a model's entry point f as PK_RUN_FN(f) (serial, openmp, threads, fork) or
 * PK_MPI_FN(f) (mpi, its collect, hybrid); below, each build of this file says which are real.
 */
#include <stdio.h>

#ifdef PK_WITH_MPI /* pk-mpi: each kernel's mpi entry points too */
#include "histogram/kernel_mpi.h"
#include "mandelbrot/kernel_mpi.h"
#include "matmul/kernel_mpi.h"
#include "montecarlo/kernel_mpi.h"
#include "pi/kernel_mpi.h"
#include "polysum/kernel_mpi.h"
#include "spawn/kernel_mpi.h"
#include "square/kernel_mpi.h"
#include "stencil/kernel_mpi.h"
#include "stream/kernel_mpi.h"
#else
#include "histogram/kernel.h"
#include "mandelbrot/kernel.h"
#include "matmul/kernel.h"
#include "montecarlo/kernel.h"
#include "pi/kernel.h"
#include "polysum/kernel.h"
#include "spawn/kernel.h"
#include "square/kernel.h"
#include "stencil/kernel.h"
#include "stream/kernel.h"
#endif

/*
 * Each program links the entry points of the models it runs, and no other model's code: the
 * Makefile builds this table three times. A slot it leaves out holds a stub that is never
 * called, so that the entry still says the model exists (pk_kernel_has_hybrid, pk list).
 */
#if defined(PK_WITH_MPI) /* pk-mpi: the mpi and hybrid models, by mpicc */
/* the conditional operator makes the compiler check that f has pk_mpi_run_fn's type */
#define PK_MPI_FN(f) ((pk_mpi_fn)(1 ? (f) : (pk_mpi_run_fn)0))
#define PK_RUN_FN(f) run_not_linked
const bool pk_kernels_with_mpi = true;
#elif defined(PK_WITHOUT_MODELS) /* pk, which runs no kernel: none */
#define PK_MPI_FN(f) mpi_not_linked
#define PK_RUN_FN(f) run_not_linked
#else /* pk-run and the unit tests: the in-process models */
#define PK_MPI_FN(f) mpi_not_linked
#define PK_RUN_FN(f) f
#endif

#if defined(PK_WITH_MPI) || defined(PK_WITHOUT_MODELS)
static int run_not_linked(struct pk_case *c, int workers)
{
    (void)workers;
    snprintf(c->error, sizeof c->error, "this program does not run the %s model",
             pk_model_name(c->model));
    return -1;
}
#endif
#ifndef PK_WITH_MPI
static void mpi_not_linked(void)
{
}
#endif

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
        .run = {[PK_SERIAL] = PK_RUN_FN(histogram_serial),
                [PK_OPENMP] = PK_RUN_FN(histogram_openmp),
                [PK_THREADS] = PK_RUN_FN(histogram_threads),
                [PK_FORK] = PK_RUN_FN(histogram_fork)},
        .mpi = PK_MPI_FN(histogram_mpi),
        .unit = "Mupd/s",
        .rate_note = "one update per value: a bin and the shared total, counted once",
        .rate = histogram_rate,
    },
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
                    .max = 4096,
                    .only_with = {"schedule", "dynamic"}}},
        .bytes = mandelbrot_bytes,
        .setup = mandelbrot_setup,
        .reset = mandelbrot_reset,
        .verify = mandelbrot_verify,
        .run = {[PK_SERIAL] = PK_RUN_FN(mandelbrot_serial),
                [PK_OPENMP] = PK_RUN_FN(mandelbrot_openmp),
                [PK_THREADS] = PK_RUN_FN(mandelbrot_threads),
                [PK_FORK] = PK_RUN_FN(mandelbrot_fork)},
        .mpi = PK_MPI_FN(mandelbrot_mpi),
        .unit = "Mpix/s",
        .rate_note = "pixels of the grid per second, whatever their iteration counts",
        .rate = mandelbrot_rate,
    },
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
        .touched = matmul_touched,
        .setup = matmul_setup,
        .reset = matmul_reset,
        .verify = matmul_verify,
        .run = {[PK_SERIAL] = PK_RUN_FN(matmul_serial),
                [PK_OPENMP] = PK_RUN_FN(matmul_openmp),
                [PK_THREADS] = PK_RUN_FN(matmul_threads),
                [PK_FORK] = PK_RUN_FN(matmul_fork)},
        .mpi = PK_MPI_FN(matmul_mpi),
        .hybrid = PK_MPI_FN(matmul_hybrid),
        .tolerance = 0, /* bit-identical in every model: the same code computes every element */
        .unit = "GFLOP/s",
        .rate_note = "2 n^3 flops: a multiply and an add per term of every element of C",
        .rate = matmul_rate,
        .code_path = matmul_tile_isa,
    },
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
        .run = {[PK_SERIAL] = PK_RUN_FN(montecarlo_serial),
                [PK_OPENMP] = PK_RUN_FN(montecarlo_openmp),
                [PK_THREADS] = PK_RUN_FN(montecarlo_threads),
                [PK_FORK] = PK_RUN_FN(montecarlo_fork)},
        .mpi = PK_MPI_FN(montecarlo_mpi),
        .unit = "Mdart/s",
        .rate_note = "darts (two random draws and one test each) per second",
        .rate = montecarlo_rate,
    },
    {
        .name = "pi",
        .pattern = "Pool.map over a range",
        .summary = "integral of 4/(1+x^2) on [0,1] by the midpoint rule; per-worker partial "
                   "sums in floating point, checked against the same sum in long double",
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
        .run = {[PK_SERIAL] = PK_RUN_FN(pi_serial),
                [PK_OPENMP] = PK_RUN_FN(pi_openmp),
                [PK_THREADS] = PK_RUN_FN(pi_threads),
                [PK_FORK] = PK_RUN_FN(pi_fork)},
        .mpi = PK_MPI_FN(pi_mpi),
        .hybrid = PK_MPI_FN(pi_hybrid),
        .tolerance = PI_TOLERANCE, /* relative: 2 gamma_{n+8} <= 1e-5 for n <= 4e10 (README) */
        .unit = "GFLOP/s",
        .rate_note = "6 flops per term: +0.5, *h, x*x, 1+, 4/ and the sum",
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
        .run = {[PK_SERIAL] = PK_RUN_FN(polysum_serial),
                [PK_OPENMP] = PK_RUN_FN(polysum_openmp),
                [PK_THREADS] = PK_RUN_FN(polysum_threads),
                [PK_FORK] = PK_RUN_FN(polysum_fork)},
        .mpi = PK_MPI_FN(polysum_mpi),
        .hybrid = PK_MPI_FN(polysum_hybrid),
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
        .own_workers = "spawn times creating workers: compare us/round between models (and the "
                       "mpi launcher's start-up); a speedup over a plain call means nothing",
        .run = {[PK_SERIAL] = PK_RUN_FN(spawn_serial),
                [PK_OPENMP] = PK_RUN_FN(spawn_openmp),
                [PK_THREADS] = PK_RUN_FN(spawn_threads),
                [PK_FORK] = PK_RUN_FN(spawn_fork)},
        .mpi = PK_MPI_FN(spawn_mpi),
        .unit = "us/round",
        .rate_note = "one round: create p workers, each runs the job, join them all",
        .rate = spawn_rate,
    },
    {
        .name = "square",
        .pattern = "Pool.map",
        .summary = "y[i] = x[i]^2 over n int64 inputs, results in input order; fork writes "
                   "straight into shared memory, mpi scatters and gathers",
        .size = {[PK_CLASS_S] = 10000,
                 [PK_CLASS_W] = 80000000,
                 [PK_CLASS_A] = 400000000,
                 [PK_CLASS_B] = 8000000000,
                 [PK_CLASS_C] = 32000000000},
        .max_size = SQUARE_MAX_N,
        .max_size_why = "x and y take 16 bytes an element: 2^36 of them are 1 TiB",
        .bytes = square_bytes,
        .touched = square_touched,
        .setup = square_setup,
        .reset = square_reset,
        .verify = square_verify,
        .init = {[PK_SERIAL] = PK_RUN_FN(square_serial_init),
                 [PK_OPENMP] = PK_RUN_FN(square_openmp_init),
                 [PK_THREADS] = PK_RUN_FN(square_threads_init),
                 [PK_FORK] = PK_RUN_FN(square_fork_init)},
        .run = {[PK_SERIAL] = PK_RUN_FN(square_serial),
                [PK_OPENMP] = PK_RUN_FN(square_openmp),
                [PK_THREADS] = PK_RUN_FN(square_threads),
                [PK_FORK] = PK_RUN_FN(square_fork)},
        .mpi = PK_MPI_FN(square_mpi),
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
        .touched = stencil_touched,
        .setup = stencil_setup,
        .reset = stencil_reset,
        .verify = stencil_verify,
        .init = {[PK_SERIAL] = PK_RUN_FN(stencil_serial_init),
                 [PK_OPENMP] = PK_RUN_FN(stencil_openmp_init),
                 [PK_THREADS] = PK_RUN_FN(stencil_threads_init),
                 [PK_FORK] = PK_RUN_FN(stencil_fork_init)},
        .run = {[PK_SERIAL] = PK_RUN_FN(stencil_serial),
                [PK_OPENMP] = PK_RUN_FN(stencil_openmp),
                [PK_THREADS] = PK_RUN_FN(stencil_threads),
                [PK_FORK] = PK_RUN_FN(stencil_fork)},
        .mpi = PK_MPI_FN(stencil_mpi),
        .hybrid = PK_MPI_FN(stencil_hybrid),
        .unit = "GFLOP/s",
        .rate_note = "4 flops per interior point per sweep: three adds and a multiply",
        .rate = stencil_rate,
    },
    {
        .name = "stream",
        .pattern = "Pool.map over a shared Array",
        .summary = "STREAM triad a = b + 3c over arrays far beyond the last-level cache; "
                   "memory bandwidth",
        .size = {[PK_CLASS_S] = 1000}, /* the rest from the machine: stream_class_size */
        .class_size = stream_class_size,
        .max_size = STREAM_MAX_N,
        .max_size_why = "the sum of a must stay exact in double",
        .bytes = stream_bytes,
        .setup = stream_setup,
        .reset = stream_reset,
        .verify = stream_verify,
        .init = {[PK_SERIAL] = PK_RUN_FN(stream_serial_init),
                 [PK_OPENMP] = PK_RUN_FN(stream_openmp_init),
                 [PK_THREADS] = PK_RUN_FN(stream_threads_init),
                 [PK_FORK] = PK_RUN_FN(stream_fork_init)},
        .run = {[PK_SERIAL] = PK_RUN_FN(stream_serial),
                [PK_OPENMP] = PK_RUN_FN(stream_openmp),
                [PK_THREADS] = PK_RUN_FN(stream_threads),
                [PK_FORK] = PK_RUN_FN(stream_fork)},
        .mpi = PK_MPI_FN(stream_mpi),
        .mpi_collect = PK_MPI_FN(stream_mpi_collect),
        .unit = "GB/s",
        .rate_note = "24 bytes per element (read b and c, write a; STREAM's convention, "
                     "write-allocate traffic not counted)",
        .rate = stream_rate,
    },
};

const int pk_nkernels = sizeof pk_kernels / sizeof pk_kernels[0];
